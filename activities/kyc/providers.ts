/** Builds the configured KYC provider. Without configuration there is none, and age verification cannot start. */
import { z } from 'zod'
import { httpUrl } from '../../domain/env.ts'
import type { KycProvider } from './provider.ts'
import { createVeriffDriver } from './veriff/driver.ts'

const HOUR_MS = 3_600_000

/** The KYC provider's environment variables, merged into the API's and the workers' config schemas. */
export const kycEnvSchema = z.object({
  VERIFF_API_URL: httpUrl.optional()
    .describe('Veriff API base without /v1 (https://stationapi.veriff.com or the integration\'s own), or the local sandbox'),
  VERIFF_API_KEY: z.uuid().optional().describe('API key of the Veriff integration, sent as X-AUTH-CLIENT; not secret'),
  VERIFF_SHARED_SECRET: z.string().min(16).optional()
    .describe('secret: shared secret key of the integration; signs requests, verifies answers and webhooks'),
  VERIFF_WEBHOOK_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(24 * 14).default(192)
    .describe('refuse decision webhooks whose decisionTime is older; Veriff redelivers for up to a week'),
})
/** The parsed KYC variables. */
export type KycEnv = z.output<typeof kycEnvSchema>

/** The Veriff driver when all three of its variables are set; null otherwise. */
export function createKycProvider(env: KycEnv): KycProvider | null {
  if (!env.VERIFF_API_URL || !env.VERIFF_API_KEY || !env.VERIFF_SHARED_SECRET) return null
  return createVeriffDriver({
    apiBaseUrl: env.VERIFF_API_URL, apiKey: env.VERIFF_API_KEY, sharedSecret: env.VERIFF_SHARED_SECRET,
    maxDecisionAgeMs: env.VERIFF_WEBHOOK_MAX_AGE_HOURS * HOUR_MS,
  })
}
