/** Starts the local mail sink: SMTP in, HTTP out, on loopback; its own supervised process in the local stack. */
import { ConfigError } from '../../../domain/env.ts'
import { loadMailSinkConfig } from './config.ts'
import { createMailSink } from './server.ts'

const log = (level: string, msg: string, extra: object = {}) =>
  console.log(JSON.stringify({ level, time: new Date().toISOString(), msg, ...extra }))

let config
try {
  config = loadMailSinkConfig()
} catch (err) {
  if (err instanceof ConfigError) { log('fatal', err.message); process.exit(78) }
  throw err
}
const sink = await createMailSink({ smtpPort: config.MAIL_SINK_SMTP_PORT, httpPort: config.MAIL_SINK_HTTP_PORT, maxMessages: config.MAIL_SINK_MAX_MESSAGES })
log('info', 'mail sink listening', { smtpUrl: sink.smtpUrl, httpUrl: sink.url, maxMessages: config.MAIL_SINK_MAX_MESSAGES })

const shutdown = async () => {
  await sink.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown())
process.on('SIGTERM', () => void shutdown())
