/**
 * Starts the local sandboxes of the outside providers: CCBill, Segpay, Epoch, Verotel, the Veriff-style KYC provider,
 * and the payout rails (Paxum, Wise, Dwolla for ACH, a bank's ISO 20022 wire API).
 */
import type { Express } from 'express'
import { createCcbillSandbox } from './ccbill/server.ts'
import { createEpochSandbox } from './epoch/server.ts'
import { createKycSandbox } from './kyc/server.ts'
import { createSegpaySandbox } from './segpay/server.ts'
import { verotelSandboxOptions } from './verotel/config.ts'
import { createVerotelSandbox } from './verotel/server.ts'
import { loadSandboxConfig, type SandboxConfig } from './config.ts'
import { listen, type Listening } from './listen.ts'
import { createPaxumSandbox } from './paxum/server.ts'
import { createWiseSandbox } from './wise/server.ts'
import { createDwollaSandbox } from './dwolla/server.ts'
import { createWireSandbox } from './wire/server.ts'

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
  {
    name: 'segpay',
    port: (c) => c.SEGPAY_SANDBOX_PORT,
    create: (c) => createSegpaySandbox({
      packageId: c.SEGPAY_PACKAGE_ID, pricePointId: c.SEGPAY_PRICE_POINT_ID, srsUserId: c.SEGPAY_SRS_USER_ID, srsAccessKey: c.SEGPAY_SRS_ACCESS_KEY,
      postbackUrl: c.SEGPAY_POSTBACK_URL, postbackDelayMs: c.SEGPAY_POSTBACK_DELAY_MS, duplicatePostbacks: c.SEGPAY_DUPLICATE_POSTBACKS,
    }),
  },
  {
    name: 'epoch',
    port: (c) => c.EPOCH_SANDBOX_PORT,
    create: (c) => createEpochSandbox({
      coCode: c.EPOCH_CO_CODE, hmacKey: c.EPOCH_HMAC_KEY, csaUsername: c.EPOCH_CSA_USERNAME, csaPassword: c.EPOCH_CSA_PASSWORD,
      postbackUrl: c.EPOCH_POSTBACK_URL, postbackDelayMs: c.EPOCH_POSTBACK_DELAY_MS, duplicatePostbacks: c.EPOCH_DUPLICATE_POSTBACKS,
    }),
  },
  { name: 'verotel', port: (c) => c.VEROTEL_SANDBOX_PORT, create: (c) => createVerotelSandbox(verotelSandboxOptions(c)) },
  {
    name: 'kyc',
    port: (c) => c.KYC_SANDBOX_PORT,
    create: (c) => createKycSandbox({
      apiKey: c.VERIFF_API_KEY, sharedSecret: c.VERIFF_SHARED_SECRET, webhookUrl: c.VERIFF_WEBHOOK_URL,
      webhookDelayMs: c.VERIFF_WEBHOOK_DELAY_MS, duplicateWebhooks: c.VERIFF_DUPLICATE_WEBHOOKS,
      publicUrl: c.KYC_SANDBOX_PUBLIC_URL ?? `http://127.0.0.1:${c.KYC_SANDBOX_PORT}`,
    }),
  },
  { name: 'paxum', port: (c) => c.PAXUM_SANDBOX_PORT, create: (c) => createPaxumSandbox({ fromEmail: c.PAXUM_FROM_EMAIL, sharedSecret: c.PAXUM_SHARED_SECRET }) },
  {
    name: 'wise',
    port: (c) => c.WISE_SANDBOX_PORT,
    create: (c) => createWiseSandbox({ apiToken: c.WISE_API_TOKEN, profileId: c.WISE_PROFILE_ID, webhookUrl: c.WISE_WEBHOOK_URL, settleDelayMs: c.PAYOUT_SETTLE_DELAY_MS }),
  },
  {
    name: 'dwolla',
    port: (c) => c.DWOLLA_SANDBOX_PORT,
    create: (c) => createDwollaSandbox({ key: c.DWOLLA_KEY, secret: c.DWOLLA_SECRET, webhookSecret: c.DWOLLA_WEBHOOK_SECRET, accountId: c.DWOLLA_ACCOUNT_ID,
      masterFundingSourceId: c.DWOLLA_FUNDING_SOURCE_ID, webhookUrl: c.DWOLLA_WEBHOOK_URL, settleDelayMs: c.PAYOUT_SETTLE_DELAY_MS }),
  },
  { name: 'wire', port: (c) => c.WIRE_SANDBOX_PORT, create: (c) => createWireSandbox({ username: c.WIRE_USERNAME, password: c.WIRE_PASSWORD, settleDelayMs: c.PAYOUT_SETTLE_DELAY_MS }) },
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
