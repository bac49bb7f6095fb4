/** One-shot production step: creates buckets and OpenSearch index templates in the configured services. */
import { z } from 'zod'
import { httpUrl, parseEnv } from '../domain/env.ts'
import { ensureBuckets, ensureSearchIndexes } from './stack/resources.ts'

const env = parseEnv(z.object({
  S3_ENDPOINT: httpUrl, S3_ACCESS_KEY: z.string().min(3), S3_SECRET_KEY: z.string().min(8), OPENSEARCH_URL: httpUrl,
}), process.env)

await ensureBuckets(env)
await ensureSearchIndexes(env)
console.log('buckets and index templates are in place')
