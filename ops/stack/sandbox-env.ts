import { WISE_SANDBOX_PUBLIC_KEY_PEM } from '../sandboxes/wise/local-keys.ts'

/** Settings that point the platform at the local sandboxes (the real providers: same variables, other values). */
export const SANDBOX_CREDENTIALS = {
  ccbill: { appId: 'fanz-local-app', secret: 'fanz-local-secret', clientAccnum: '900100', clientSubacc: '0000',
    datalinkUsername: 'fanzdl', datalinkPassword: 'fanzdl-pass' },
  segpay: { packageId: '900200', pricePointId: '27000', recurringPricePointId: '27001', srsUserId: 'fanz-local-srs', srsAccessKey: 'fanz-local-srs-key' },
  epoch: { coCode: 'fz1', hmacKey: 'fanz-local-hmac', csaUsername: 'fanzcsa', csaPassword: 'fanzcsa-pass' },
  verotel: { shopId: '100200', signatureKey: 'fanz-local-flexpay-key', apiUsername: 'fanzcc', apiPassword: 'fanzcc-pass' },
  veriff: { apiKey: '5b8f3c2e-1d4a-4e6b-9f70-3a2c1b0d9e8f', sharedSecret: 'fanz-local-veriff-shared-secret' },
  paxum: { fromEmail: 'payouts@fanz.demo', sharedSecret: 'fanz-local-paxum-secret' },
  wise: { apiToken: 'fanz-local-wise-token', profileId: '16000001' },
  dwolla: { key: 'fanz-local-dwolla-key', secret: 'fanz-local-dwolla-secret', webhookSecret: 'fanz-local-dwolla-webhook',
    accountId: '0f1a7c2e-5b3d-4e8f-9a61-2c4d6e8f0a1b', fundingSourceId: '7d3e9b1c-2a4f-4c6e-8b0d-1f3a5c7e9b2d' },
  // our (demo) account at the bank the wire sandbox plays: a valid German IBAN and BIC
  wire: { username: 'fanzbank', password: 'fanzbank-pass', debtorIban: 'DE89370400440532013000', debtorBic: 'COBADEFFXXX' },
} as const

/** Local-only encryption keys for personal data (a deployment's come from its secret store). */
export const LOCAL_PII_KEYS = {
  // sha256 of fixed phrases: public on purpose, they protect only demo data
  PII_MASTER_KEYS: 'local1:tQ4YHVRnDcJ4JQCjx0AI93pd9osDql0O4fTKuKr0jqY',
  PII_CURRENT_KEY_ID: 'local1',
  PII_INDEX_KEY: 'PrGoZ0q1WeU3Ta5nojmxsBpT17SRTantJeNsy3Zu94A',
  // the Ed25519 seed that signs data-subject-request receipts
  PRIVACY_RECEIPT_KEY: 'K3m9cJ0yQfV1s8Wq2LrT5nXb7dHe4gZa6uYp0oIiEkM',
} as const

/** Local-only keys of the media pipeline: playback link signing and the moderation endpoint's API key. */
export const LOCAL_MEDIA_KEYS = {
  PLAYBACK_SIGNING_KEYS: 'local-playback-7c1d0e8a5b2f4e6a9d3c1b0a8f7e6d5c',
  MODERATION_API_KEY: 'fanz-local-moderation-key',
} as const

/** One port per sandbox, counted from the profile's sandbox base port; the mail sink sits further up. */
export function sandboxPorts(base: number) {
  return { ccbill: base, segpay: base + 1, epoch: base + 2, verotel: base + 3, kyc: base + 4, paxum: base + 5, wise: base + 6, dwolla: base + 7, wire: base + 8,
    moderation: base + 9, smtp: base + 24, mailHttp: base + 25 }
}
export type SandboxPorts = ReturnType<typeof sandboxPorts>

/** What the sandboxes process needs: its ports and where each sandbox posts notifications (the API's webhook routes). */
export function sandboxProcessEnv(ports: SandboxPorts, publicUrl: string) {
  return {
    CCBILL_SANDBOX_PORT: String(ports.ccbill), CCBILL_WEBHOOK_URL: `${publicUrl}/webhooks/ccbill`,
    SEGPAY_SANDBOX_PORT: String(ports.segpay), SEGPAY_POSTBACK_URL: `${publicUrl}/webhooks/segpay`,
    EPOCH_SANDBOX_PORT: String(ports.epoch), EPOCH_POSTBACK_URL: `${publicUrl}/webhooks/epoch`,
    VEROTEL_SANDBOX_PORT: String(ports.verotel), VEROTEL_POSTBACK_URL: `${publicUrl}/webhooks/verotel`,
    KYC_SANDBOX_PORT: String(ports.kyc), KYC_SANDBOX_PUBLIC_URL: `http://localhost:${ports.kyc}`, VERIFF_WEBHOOK_URL: `${publicUrl}/webhooks/kyc/veriff`,
    PAXUM_SANDBOX_PORT: String(ports.paxum), WIRE_SANDBOX_PORT: String(ports.wire),
    WISE_SANDBOX_PORT: String(ports.wise), WISE_WEBHOOK_URL: `${publicUrl}/webhooks/payouts/wise`,
    DWOLLA_SANDBOX_PORT: String(ports.dwolla), DWOLLA_WEBHOOK_URL: `${publicUrl}/webhooks/payouts/ach`,
  }
}

/** The platform's driver variables, pointing at the sandboxes. */
export function sandboxDriverEnv(ports: SandboxPorts) {
  const url = (port: number) => `http://127.0.0.1:${port}`
  const { ccbill: c, segpay: s, epoch: e, verotel: v, veriff } = SANDBOX_CREDENTIALS
  return {
    CCBILL_API_URL: url(ports.ccbill), CCBILL_DATALINK_URL: url(ports.ccbill), CCBILL_CLIENT_ACCNUM: c.clientAccnum,
    CCBILL_CLIENT_SUBACC: c.clientSubacc, CCBILL_APP_ID: c.appId, CCBILL_SECRET: c.secret,
    CCBILL_DATALINK_USERNAME: c.datalinkUsername, CCBILL_DATALINK_PASSWORD: c.datalinkPassword,
    // CCBill does not sign webhooks; its published ranges plus, locally, the sandbox on loopback
    CCBILL_ALLOWED_CIDRS: '64.38.212.0/24,64.38.215.0/24,64.38.240.0/24,64.38.241.0/24,127.0.0.1/32',
    SEGPAY_ONE_CLICK_URL: url(ports.segpay), SEGPAY_SRS_URL: url(ports.segpay), SEGPAY_PACKAGE_ID: s.packageId,
    SEGPAY_PRICE_POINT_ID: s.pricePointId, SEGPAY_RECURRING_PRICE_POINT_ID: s.recurringPricePointId, SEGPAY_SRS_USER_ID: s.srsUserId, SEGPAY_SRS_ACCESS_KEY: s.srsAccessKey,
    // Segpay does not sign postbacks either; production ranges come from SRS GetPostbackIPList
    SEGPAY_ALLOWED_CIDRS: '127.0.0.1/32',
    EPOCH_API_URL: url(ports.epoch), EPOCH_CSA_URL: url(ports.epoch), EPOCH_CO_CODE: e.coCode, EPOCH_HMAC_KEY: e.hmacKey,
    EPOCH_CSA_USERNAME: e.csaUsername, EPOCH_CSA_PASSWORD: e.csaPassword,
    VEROTEL_FLEXPAY_URL: url(ports.verotel), VEROTEL_CONTROL_CENTER_API_URL: `${url(ports.verotel)}/api`, VEROTEL_SHOP_ID: v.shopId,
    VEROTEL_SIGNATURE_KEY: v.signatureKey, VEROTEL_API_USERNAME: v.apiUsername, VEROTEL_API_PASSWORD: v.apiPassword,
    VERIFF_API_URL: url(ports.kyc), VERIFF_API_KEY: veriff.apiKey, VERIFF_SHARED_SECRET: veriff.sharedSecret,
    SMTP_URL: `smtp://127.0.0.1:${ports.smtp}`, MAIL_SINK_URL: url(ports.mailHttp),
    // the platform's own OpenAI-compatible moderation endpoint (local models); pointing at OpenAI is this URL and a key
    MODERATION_URL: `${url(ports.moderation)}/v1`,
    ...payoutRailEnv(ports),
    ...LOCAL_PII_KEYS,
    ...LOCAL_MEDIA_KEYS,
  }
}

/** The payout rails' variables, pointing at their sandboxes (Wise's webhook key is the sandbox's public one). */
function payoutRailEnv(ports: SandboxPorts) {
  const url = (port: number) => `http://127.0.0.1:${port}`
  const { paxum, wise, dwolla, wire } = SANDBOX_CREDENTIALS
  return {
    PAXUM_API_URL: url(ports.paxum), PAXUM_FROM_EMAIL: paxum.fromEmail, PAXUM_SHARED_SECRET: paxum.sharedSecret,
    WISE_API_URL: url(ports.wise), WISE_API_TOKEN: wise.apiToken, WISE_PROFILE_ID: wise.profileId, WISE_WEBHOOK_PUBLIC_KEY: WISE_SANDBOX_PUBLIC_KEY_PEM,
    DWOLLA_API_URL: url(ports.dwolla), DWOLLA_KEY: dwolla.key, DWOLLA_SECRET: dwolla.secret, DWOLLA_WEBHOOK_SECRET: dwolla.webhookSecret,
    DWOLLA_ACCOUNT_ID: dwolla.accountId, DWOLLA_FUNDING_SOURCE_ID: dwolla.fundingSourceId,
    WIRE_API_URL: url(ports.wire), WIRE_USERNAME: wire.username, WIRE_PASSWORD: wire.password, WIRE_DEBTOR_IBAN: wire.debtorIban, WIRE_DEBTOR_BIC: wire.debtorBic,
  }
}
