/** Starts the local payment-processor sandboxes (CCBill today; Segpay, Epoch, Verotel join the registry later). */
import type { Express } from 'express'
import { createCcbillSandbox } from './ccbill/server.ts'
import { loadSandboxConfig, type SandboxConfig } from './config.ts'
import { listen, type Listening } from './listen.ts'

type SandboxEntry = { name: string; port: (c: SandboxConfig) => number; create: (c: SandboxConfig) => { app: Express; stop: () => void } }

/** One entry per processor: its port and how to build its app from the config. */
const SANDBOXES: readonly SandboxEntry[] = [
  {
    name: 'ccbill',
    port: (c) => c.CCBILL_SANDBOX_PORT,
    create: (c) => createCcbillSandbox({
      appId: c.CCBILL_APP_ID, secret: c.CCBILL_SECRET, clientAccnum: c.CCBILL_CLIENT_ACCNUM,
      datalinkUsername: c.CCBILL_DATALINK_USERNAME, datalinkPassword: c.CCBILL_DATALINK_PASSWORD,
      webhookUrl: c.CCBILL_WEBHOOK_URL, webhookDelayMs: c.CCBILL_WEBHOOK_DELAY_MS, duplicateWebhooks: c.CCBILL_DUPLICATE_WEBHOOKS,
    }),
  },
]

const config = loadSandboxConfig()
const running: { name: string; listening: Listening; stop: () => void }[] = []
for (const entry of SANDBOXES) {
  const sandbox = entry.create(config)
  running.push({ name: entry.name, listening: await listen(sandbox.app, entry.port(config)), stop: sandbox.stop })
}
const ports = Object.fromEntries(running.map((r) => [r.name, r.listening.port]))
console.log(JSON.stringify({ level: 'info', time: new Date().toISOString(), msg: 'sandboxes listening', host: '127.0.0.1', ports,
  webhookUrl: config.CCBILL_WEBHOOK_URL ?? null }))

const shutdown = async () => {
  for (const r of running) r.stop()
  await Promise.all(running.map((r) => r.listening.close()))
  process.exit(0)
}
process.on('SIGINT', () => void shutdown())
process.on('SIGTERM', () => void shutdown())
