/** The local stack's configuration: which services to reuse (URL given) and which ports to start on. */
import { z } from 'zod'
import { hostPort, httpUrl, parseEnv, port, postgresUrl } from '../../domain/env.ts'
import type { Profile } from './paths.ts'

const schema = z.object({
  DATABASE_URL: postgresUrl.optional().describe('PostgreSQL URL; when set, no local PostgreSQL is started'),
  TEMPORAL_ADDRESS: hostPort.optional()
    .describe('Temporal frontend host:port; when set, no local dev server is started'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_UI_URL: httpUrl.optional().describe('Temporal Web UI base URL, for links'),
  S3_ENDPOINT: httpUrl.optional().describe('S3 API URL; when set, no local MinIO is started'),
  S3_ACCESS_KEY: z.string().min(3).optional(),
  S3_SECRET_KEY: z.string().min(8).optional(),
  OPENSEARCH_URL: httpUrl.optional().describe('OpenSearch URL; when set, no local node is started'),
  API_PORT: port(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
})

export type StackConfig = ReturnType<typeof loadStackConfig>

/** Ports per profile, so the test stack can run beside a developer's `npm start`. */
const PORTS = {
  dev: { postgres: 55432, temporal: 7233, temporalUi: 8233, minio: 9000, minioConsole: 9001, opensearch: 9200, opensearchTransport: 9300, api: 3000, sandboxes: 8601 },
  test: { postgres: 55532, temporal: 7333, temporalUi: 8333, minio: 9100, minioConsole: 9101, opensearch: 9201, opensearchTransport: 9301, api: 3100, sandboxes: 8701 },
} as const

export function loadStackConfig(profile: Profile, env: Record<string, string | undefined> = process.env) {
  const parsed = parseEnv(schema, env)
  if (parsed.S3_ENDPOINT && !(parsed.S3_ACCESS_KEY && parsed.S3_SECRET_KEY)) {
    throw new Error('Invalid configuration:\n  S3_ACCESS_KEY, S3_SECRET_KEY: required when S3_ENDPOINT is set')
  }
  const ports = { ...PORTS[profile], api: profile === 'dev' ? parsed.API_PORT : PORTS.test.api }
  return Object.freeze({ ...parsed, profile, ports })
}
