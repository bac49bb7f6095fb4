/** Sandbox configuration, parsed once at boot; nothing else in ops/sandboxes reads process.env. */
import { z } from 'zod'
import { booleanString, httpUrl, parseEnv, port } from '../../domain/env.ts'
import { verotelSandboxEnvSchema } from './verotel/config.ts'

// the same variable names the platform's CCBill driver reads, so both sides of the stack agree on one set of values
const schema = z.object({
  CCBILL_SANDBOX_PORT: port(8601).describe('port of the CCBill sandbox, on 127.0.0.1'),
  CCBILL_WEBHOOK_URL: httpUrl.optional().describe('where the sandbox posts webhooks; none are sent when unset'),
  CCBILL_WEBHOOK_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(200),
  CCBILL_DUPLICATE_WEBHOOKS: booleanString(false).describe('deliver every webhook twice, as CCBill sometimes does'),
  CCBILL_APP_ID: z.string().min(1).default('fanz-local-app'),
  CCBILL_SECRET: z.string().min(1).default('fanz-local-secret').describe('secret'),
  CCBILL_CLIENT_ACCNUM: z.string().regex(/^\d{6}$/, 'six digits').default('900100'),
  CCBILL_CLIENT_SUBACC: z.string().regex(/^\d{4}$/, 'four digits').default('0000'),
  CCBILL_DATALINK_USERNAME: z.string().min(1).default('fanzdl'),
  CCBILL_DATALINK_PASSWORD: z.string().min(1).default('fanzdl-pass').describe('secret'),
  SEGPAY_SANDBOX_PORT: port(8602).describe('port of the Segpay sandbox, on 127.0.0.1'),
  SEGPAY_POSTBACK_URL: httpUrl.optional().describe('Transaction postback URL registered with the sandbox, may hold <name> tokens; none are sent when unset'),
  SEGPAY_POSTBACK_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(200),
  SEGPAY_DUPLICATE_POSTBACKS: booleanString(false).describe('deliver every postback twice, as processors sometimes do'),
  SEGPAY_PACKAGE_ID: z.string().regex(/^\d+$/, 'digits').default('900200'),
  SEGPAY_PRICE_POINT_ID: z.string().regex(/^\d+$/, 'digits').default('27000'),
  SEGPAY_SRS_USER_ID: z.string().min(1).default('fanz-local-srs'),
  SEGPAY_SRS_ACCESS_KEY: z.string().min(1).default('fanz-local-srs-key').describe('secret'),
  EPOCH_SANDBOX_PORT: port(8603).describe('port of the Epoch sandbox, on 127.0.0.1'),
  EPOCH_POSTBACK_URL: httpUrl.optional().describe('where the sandbox posts Data Plus rows; none are sent when unset'),
  EPOCH_POSTBACK_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(200),
  EPOCH_DUPLICATE_POSTBACKS: booleanString(false).describe('deliver every postback twice, as a re-sent Data Plus batch does'),
  EPOCH_CO_CODE: z.string().regex(/^[a-z0-9]{3}$/i, 'three letters or digits').default('fz1'),
  EPOCH_HMAC_KEY: z.string().min(1).default('fanz-local-hmac').describe('secret'),
  EPOCH_CSA_USERNAME: z.string().min(1).default('fanzcsa'),
  EPOCH_CSA_PASSWORD: z.string().min(1).default('fanzcsa-pass').describe('secret'),
  ...verotelSandboxEnvSchema.shape,
  KYC_SANDBOX_PORT: port(8605).describe('port of the KYC (Veriff-style) sandbox, on 127.0.0.1'),
  KYC_SANDBOX_PUBLIC_URL: httpUrl.optional().describe('base of the hosted-flow links, as a browser reaches it; default http://127.0.0.1:<port>'),
  VERIFF_WEBHOOK_URL: httpUrl.optional().describe('where the KYC sandbox posts decision webhooks (API /webhooks/kyc/veriff); none when unset'),
  VERIFF_WEBHOOK_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(200),
  VERIFF_DUPLICATE_WEBHOOKS: booleanString(false).describe('deliver every decision webhook twice'),
  VERIFF_API_KEY: z.uuid().default('5b8f3c2e-1d4a-4e6b-9f70-3a2c1b0d9e8f').describe('integration API key the sandbox accepts (X-AUTH-CLIENT)'),
  VERIFF_SHARED_SECRET: z.string().min(16).default('fanz-local-veriff-shared-secret').describe('secret'),
  // payout rails: the same variable names the platform's rail drivers read
  PAXUM_SANDBOX_PORT: port(8606).describe('port of the Paxum sandbox, on 127.0.0.1'),
  PAXUM_FROM_EMAIL: z.email().default('payouts@fanz.demo'),
  PAXUM_SHARED_SECRET: z.string().min(1).default('fanz-local-paxum-secret').describe('secret'),
  WISE_SANDBOX_PORT: port(8607).describe('port of the Wise sandbox, on 127.0.0.1'),
  WISE_API_TOKEN: z.string().min(1).default('fanz-local-wise-token').describe('secret'),
  WISE_PROFILE_ID: z.coerce.number().int().positive().default(16_000_001),
  WISE_WEBHOOK_URL: httpUrl.optional().describe('where the Wise sandbox posts transfers#state-change (API /webhooks/payouts/wise); none when unset'),
  DWOLLA_SANDBOX_PORT: port(8608).describe('port of the Dwolla (ACH) sandbox, on 127.0.0.1'),
  DWOLLA_KEY: z.string().min(1).default('fanz-local-dwolla-key'),
  DWOLLA_SECRET: z.string().min(1).default('fanz-local-dwolla-secret').describe('secret'),
  DWOLLA_WEBHOOK_SECRET: z.string().min(1).default('fanz-local-dwolla-webhook').describe('secret'),
  DWOLLA_ACCOUNT_ID: z.string().min(1).default('0f1a7c2e-5b3d-4e8f-9a61-2c4d6e8f0a1b'),
  DWOLLA_FUNDING_SOURCE_ID: z.string().min(1).default('7d3e9b1c-2a4f-4c6e-8b0d-1f3a5c7e9b2d'),
  DWOLLA_WEBHOOK_URL: httpUrl.optional().describe('where the Dwolla sandbox posts webhooks (API /webhooks/payouts/ach); none when unset'),
  WIRE_SANDBOX_PORT: port(8609).describe('port of the bank (ISO 20022 wire) sandbox, on 127.0.0.1'),
  WIRE_USERNAME: z.string().min(1).default('fanzbank'),
  WIRE_PASSWORD: z.string().min(1).default('fanzbank-pass').describe('secret'),
  PAYOUT_SETTLE_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(1000).describe('how long the payout sandboxes take to settle a payout'),
})

export type SandboxConfig = z.output<typeof schema>
export const loadSandboxConfig = (env: Record<string, string | undefined> = process.env): Readonly<SandboxConfig> =>
  parseEnv(schema, env)
