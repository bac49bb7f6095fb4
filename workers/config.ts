/** Worker configuration, parsed once at boot. */
import { z } from 'zod'
import { temporalEnvSchema } from './temporal-connection.ts'
import { paymentEnvSchema } from '../activities/payments/drivers.ts'
import { identityEnvSchema } from '../activities/identity/config.ts'
import { payoutEnvSchema } from '../activities/payouts/rails/index.ts'
import { collectiblesEnvSchema } from '../activities/collectibles/env.ts'
import { httpUrl, parseEnv, postgresUrl } from '../domain/env.ts'
import { TASK_QUEUES, type TaskQueue } from '../workflows/task-queues.ts'

const queues = Object.values(TASK_QUEUES) as [TaskQueue, ...TaskQueue[]]

const schema = z.object({
  DATABASE_URL: postgresUrl.describe('PostgreSQL URL'),
  S3_ENDPOINT: httpUrl.describe('S3 API (MinIO) URL'),
  S3_ACCESS_KEY: z.string().min(3),
  S3_SECRET_KEY: z.string().min(8).describe('secret'),
  S3_REGION: z.string().default('us-east-1'),
  OPENSEARCH_URL: httpUrl,
  FFMPEG_PATH: z.string().default('ffmpeg'),
  FFPROBE_PATH: z.string().default('ffprobe'),
  TASK_QUEUES: z.string().default(queues.join(','))
    .transform((s) => s.split(',').map((q) => q.trim()).filter(Boolean))
    .pipe(z.array(z.enum(queues)).min(1)).describe('comma-separated task queues this process serves'),
  PUBLIC_URL: httpUrl.default('http://localhost:3000').describe('storefront URL for links in mail'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  MODERATION_URL: httpUrl.describe('OpenAI-compatible moderation API base URL (the platform\'s own endpoint, or https://api.openai.com/v1)'),
  MODERATION_API_KEY: z.string().min(8).describe('secret: API key of the moderation endpoint'),
  MODERATION_MODEL: z.string().default('omni-moderation-latest'),
  MEDIA_WORK_DIR: z.string().default('').describe('scratch folder for transcodes (default: the system temp folder)'),
  MEDIA_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).max(64).default(3).describe('media activities (transcodes) one worker runs at once'),
})

const fullSchema = schema.extend(temporalEnvSchema.shape).extend(paymentEnvSchema.shape).extend(identityEnvSchema.shape).extend(payoutEnvSchema.shape).extend(collectiblesEnvSchema.shape)

export type WorkerConfig = z.output<typeof fullSchema>
export const loadWorkerConfig = (env = process.env): Readonly<WorkerConfig> => parseEnv(fullSchema, env)
