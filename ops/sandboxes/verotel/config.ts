/** The Verotel sandbox's variables, merged into ops/sandboxes/config.ts (which alone reads process.env). */
import { z } from 'zod'
import { booleanString, httpUrl, port } from '../../../domain/env.ts'

/** Same names and local defaults as the platform's Verotel driver variables, so both sides agree on one set. */
export const verotelSandboxEnvSchema = z.object({
  VEROTEL_SANDBOX_PORT: port(8604).describe('port of the Verotel sandbox, on 127.0.0.1'),
  VEROTEL_POSTBACK_URL: httpUrl.optional().describe('where the sandbox sends FlexPay postbacks (GET); none are sent when unset'),
  VEROTEL_POSTBACK_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(200).describe('delay before each postback'),
  VEROTEL_DUPLICATE_POSTBACKS: booleanString(false).describe('deliver every postback twice'),
  VEROTEL_SHOP_ID: z.string().regex(/^\d+$/, 'digits').default('100200').describe('website (shop) ID'),
  VEROTEL_SIGNATURE_KEY: z.string().min(1).default('fanz-local-flexpay-key').describe('secret: FlexPay signature key'),
  VEROTEL_API_USERNAME: z.string().min(1).default('fanzcc').describe('Control Center API user'),
  VEROTEL_API_PASSWORD: z.string().min(1).default('fanzcc-pass').describe('secret: Control Center API password'),
})
export type VerotelSandboxEnv = z.output<typeof verotelSandboxEnvSchema>

/** The sandbox options from the parsed variables. */
export const verotelSandboxOptions = (c: VerotelSandboxEnv) => ({
  shopId: c.VEROTEL_SHOP_ID, signatureKey: c.VEROTEL_SIGNATURE_KEY, apiUsername: c.VEROTEL_API_USERNAME,
  apiPassword: c.VEROTEL_API_PASSWORD, postbackUrl: c.VEROTEL_POSTBACK_URL, postbackDelayMs: c.VEROTEL_POSTBACK_DELAY_MS,
  duplicatePostbacks: c.VEROTEL_DUPLICATE_POSTBACKS,
})
