/** API process: validated config, real clients, HTTP server with graceful shutdown. */
import { readFileSync } from 'node:fs'
import { Client, Connection } from '@temporalio/client'
import pino from 'pino'
import { ConfigError } from '../domain/env.ts'
import { createDb } from '../prisma/client.ts'
import { createSearchClient } from '../activities/search/client.ts'
import { createStorageClient } from '../activities/storage/client.ts'
import { createApp } from './app.ts'
import { createDrivers } from '../activities/payments/drivers.ts'
import { createIdentityServices } from '../activities/identity/config.ts'
import { createPayoutRails } from '../activities/payouts/rails/index.ts'
import { ensurePayoutSchedules } from './payout-schedules.ts'
import { ensurePrivacySchedules } from './privacy-schedules.ts'
import pg from 'pg'
import { loadApiConfig } from './config.ts'
import { temporalConnectionOptions } from '../workers/temporal-connection.ts'
import { createTemporalPayloadCodec, temporalDataConverter } from '../activities/pii/temporal-data-converter.ts'
import { createReceiptSigner } from '../activities/privacy/receipt-signing.ts'

const log = pino({ name: 'api' })
let config
try {
  config = loadApiConfig()
} catch (err) {
  if (err instanceof ConfigError) { log.fatal(err.message); process.exit(78) }
  throw err
}
log.level = config.LOG_LEVEL
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }

const db = createDb(config.DATABASE_URL)
// Lazy: the API starts (and /readyz reports Temporal down) even while Temporal is unreachable.
const temporal = new Client({ connection: Connection.lazy(temporalConnectionOptions(config)), namespace: config.TEMPORAL_NAMESPACE,
  dataConverter: temporalDataConverter(config, db) })
const storage = createStorageClient({ endpoint: config.S3_ENDPOINT, accessKey: config.S3_ACCESS_KEY, secretKey: config.S3_SECRET_KEY, region: config.S3_REGION })
const search = createSearchClient(config.OPENSEARCH_URL)

const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 5 })
// an idle connection dropped by the server (restart, failover) is replaced on next use; it must not crash the process
pool.on('error', (err) => log.warn({ err }, 'idle PostgreSQL connection lost'))
const app = createApp({ db, temporal, storage, search, log, config, version, drivers: createDrivers(config), pool,
  payoutRails: createPayoutRails(config), ...createIdentityServices(config, db), receiptSigner: createReceiptSigner(config.PRIVACY_RECEIPT_KEY),
  temporalCodec: createTemporalPayloadCodec(config, db, 'placeholder') })
const server = app.listen(config.API_PORT, config.API_HOST)
server.on('listening', () => log.info({ url: config.PUBLIC_URL }, 'api listening'))
// every brand's payout schedule exists once Temporal answers (created paused where the config says so)
void ensurePayoutSchedules(temporal, db, { paused: config.PAYOUT_SCHEDULES_PAUSED, log })
// expired access archives are deleted daily (data minimisation)
void ensurePrivacySchedules(temporal, { log })
server.on('error', (err: NodeJS.ErrnoException) => {
  log.fatal(err.code === 'EADDRINUSE' ? `port ${config.API_PORT} (API) is already in use` : err.message)
  process.exit(1)
})

const shutdown = () => {
  log.info('api shutting down')
  server.close(async () => {
    await Promise.allSettled([db.$disconnect(), pool.end(), temporal.connection.close()])
    process.exit(0)
  })
  setTimeout(() => process.exit(0), 10_000).unref()
}
process.once('SIGTERM', shutdown)
process.once('SIGINT', shutdown)
