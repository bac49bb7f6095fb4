/** Moderation service process: the OpenAI-compatible /v1/moderations endpoint on local models, with graceful shutdown. */
import pg from 'pg'
import pino from 'pino'
import { z } from 'zod'
import { ConfigError, parseEnv, port, postgresUrl } from '../../domain/env.ts'
import { createPgBlockList } from './block-list.ts'
import { createNsfwModel } from './image-model.ts'
import { createModerationApp } from './server.ts'

// this deployable's whole configuration; nothing else in api/moderation reads process.env
const schema = z.object({
  MODERATION_PORT: port(8610).describe('port of the moderation endpoint; the workers\' MODERATION_BASE_URL points at http://host:port/v1'),
  MODERATION_HOST: z.string().default('127.0.0.1').describe('interface to listen on'),
  MODERATION_API_KEY: z.string().min(16).describe('secret: the Bearer key callers must send'),
  DATABASE_URL: postgresUrl.describe('secret: PostgreSQL URL, for the block list (moderation_block_hashes)'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
})

const log = pino({ name: 'moderation' })
let config
try {
  config = parseEnv(schema, process.env)
} catch (err) {
  if (err instanceof ConfigError) { log.fatal(err.message); process.exit(78) }
  throw err
}
log.level = config.LOG_LEVEL

const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 2 })
pool.on('error', (err) => log.warn({ err }, 'idle PostgreSQL connection lost'))
const blockList = createPgBlockList({ pool, onError: (err) => log.warn({ err }, 'block list refresh failed; keeping the last list') })
const image = createNsfwModel()
const started = performance.now()
// warm the model now, so the first media item does not wait for it; /healthz answers 503 until it is loaded
image.load().then(
  () => log.info({ ms: Math.round(performance.now() - started) }, 'nsfwjs model loaded'),
  (err: unknown) => log.error({ err }, 'nsfwjs model failed to load; the next request retries'),
)

const app = createModerationApp({ apiKey: config.MODERATION_API_KEY, image, blockList, log })
const server = app.listen(config.MODERATION_PORT, config.MODERATION_HOST)
server.on('listening', () => log.info({ url: `http://${config.MODERATION_HOST}:${config.MODERATION_PORT}/v1` }, 'moderation listening'))
server.on('error', (err: NodeJS.ErrnoException) => {
  log.fatal(err.code === 'EADDRINUSE' ? `port ${config.MODERATION_PORT} (moderation) is already in use` : err.message)
  process.exit(1)
})

const shutdown = () => {
  log.info('moderation shutting down')
  blockList.close()
  server.close(async () => {
    await pool.end().catch(() => undefined)
    process.exit(0)
  })
  setTimeout(() => process.exit(0), 10_000).unref()
}
process.once('SIGTERM', shutdown)
process.once('SIGINT', shutdown)
