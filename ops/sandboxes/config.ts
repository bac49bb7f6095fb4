/** Sandbox configuration, parsed once at boot; nothing else in ops/sandboxes reads process.env. */
import { z } from 'zod'
import { booleanString, httpUrl, parseEnv, port } from '../../domain/env.ts'

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
})

export type SandboxConfig = z.output<typeof schema>
export const loadSandboxConfig = (env: Record<string, string | undefined> = process.env): Readonly<SandboxConfig> =>
  parseEnv(schema, env)
