/** API configuration, parsed once at boot; nothing else in api/ reads process.env. */
import { z } from 'zod'
import { temporalEnvSchema } from '../workers/temporal-connection.ts'
import { paymentEnvSchema } from '../activities/payments/drivers.ts'
import { identityEnvSchema } from '../activities/identity/config.ts'
import { payoutEnvSchema } from '../activities/payouts/rails/index.ts'
import { booleanString, httpUrl, parseEnv, port, postgresUrl } from '../domain/env.ts'

const schema = z.object({
  DATABASE_URL: postgresUrl.describe('PostgreSQL URL'),
  TEMPORAL_UI_URL: httpUrl.default('http://localhost:8233').describe('Temporal Web UI base URL for links'),
  S3_ENDPOINT: httpUrl,
  S3_ACCESS_KEY: z.string().min(3),
  S3_SECRET_KEY: z.string().min(8).describe('secret'),
  S3_REGION: z.string().default('us-east-1'),
  OPENSEARCH_URL: httpUrl,
  API_HOST: z.string().default('0.0.0.0'),
  API_PORT: port(3000),
  PUBLIC_URL: httpUrl.default('http://localhost:3000'),
  SESSION_TTL_MINUTES: z.coerce.number().int().min(5).max(60 * 24 * 30).default(60 * 12).describe('life of an access token'),
  REFRESH_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30).describe('life of a refresh token (each use rotates it)'),
  MAIL_SINK_URL: httpUrl.optional().describe('HTTP API of the local SMTP sink, shown in the back office; unset in production'),
  STATIC_DIR: z.string().default('dist').describe('folder holding the built admin/ and storefronts/'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  MEDIA_MAX_BYTES: z.coerce.number().int().min(1024 * 1024).default(4 * 1024 ** 3).describe('largest video a creator may upload, in bytes (default 4 GiB)'),
  MEDIA_REVIEW_SLA_HOURS: z.coerce.number().int().min(1).max(24 * 14).default(24).describe('hours a moderator has before an item is escalated'),
  MEDIA_APPEAL_WINDOW_DAYS: z.coerce.number().int().min(1).max(365).default(14).describe('days a creator may appeal a rejection; quarantined outputs are purged after'),
  PLAYBACK_SIGNING_KEYS: z.string()
    .refine((s) => s.split(',').every((k) => k.trim().length >= 32), 'comma-separated keys, each at least 32 characters')
    .transform((s) => s.split(',').map((k) => k.trim()))
    .describe('secret: HMAC keys of playback links, comma-separated; the first signs, every one verifies (rotation)'),
  PAYOUT_SCHEDULES_PAUSED: booleanString(false).describe('create missing payout schedules paused (test stacks: no run starts by itself)'),
  COLLECTIBLE_WITHDRAWAL_HOLD_DAYS: z.coerce.number().int().min(0).max(365).default(30)
    .describe('days after its purchase before a collectible may leave custody (a token outside cannot be taken back on a chargeback)'),
})

const fullSchema = schema.extend(temporalEnvSchema.shape).extend(paymentEnvSchema.shape).extend(identityEnvSchema.shape).extend(payoutEnvSchema.shape)

export type ApiConfig = z.output<typeof fullSchema>
export const loadApiConfig = (env = process.env): Readonly<ApiConfig> => parseEnv(fullSchema, env)
