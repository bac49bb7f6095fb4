/** Creates what the platform expects inside the services: buckets, index templates, schema and demo data. */
import path from 'node:path'
import { createSearchClient } from '../../activities/search/client.ts'
import { createStorageClient } from '../../activities/storage/client.ts'
import { BUCKETS } from '../../domain/storage.ts'
import { INDEX_TEMPLATES, SEARCH_INDEXES } from '../../domain/search-indexes.ts'
import { ROOT } from './paths.ts'
import { runCommand } from './run-command.ts'

type StorageEnv = { S3_ENDPOINT: string; S3_ACCESS_KEY: string; S3_SECRET_KEY: string }

/** Buckets, with object locking where records must be retained (it can only be set at creation). */
export async function ensureBuckets(env: StorageEnv): Promise<void> {
  const client = createStorageClient({ endpoint: env.S3_ENDPOINT, accessKey: env.S3_ACCESS_KEY, secretKey: env.S3_SECRET_KEY, region: 'us-east-1' })
  for (const bucket of Object.values(BUCKETS)) {
    if (await client.bucketExists(bucket.name)) continue
    await client.makeBucket(bucket.name, 'us-east-1', { ObjectLocking: bucket.objectLock })
  }
}

/** Index templates first, then the concrete indexes, so mappings come from the templates. */
export async function ensureSearchIndexes(env: { OPENSEARCH_URL: string }): Promise<void> {
  const client = createSearchClient(env.OPENSEARCH_URL)
  for (const t of INDEX_TEMPLATES) await client.indices.putIndexTemplate({ name: t.name, body: t.body })
  for (const index of Object.values(SEARCH_INDEXES)) {
    const { body: exists } = await client.indices.exists({ index })
    if (!exists) await client.indices.create({ index })
  }
  await client.close()
}

const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name)

/** Applies pending migrations (node-pg-migrate over the SQL Prisma's engine generated) and the idempotent seed. */
export async function migrateAndSeed(env: { DATABASE_URL: string }): Promise<void> {
  const childEnv = { ...process.env, DATABASE_URL: env.DATABASE_URL }
  await runCommand('migrations', [bin('node-pg-migrate'), 'up', '--migrations-dir', 'prisma/migrations',
    '--migration-file-language', 'sql', '--single-transaction', '--migrations-table', 'pgmigrations'], { env: childEnv, cwd: ROOT })
  await runCommand('seed', [process.execPath, '--import', 'tsx', 'prisma/seed.ts'], { env: childEnv, cwd: ROOT })
}
