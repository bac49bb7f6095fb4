/** Creates what the platform expects inside the services: buckets, index templates, schema and demo data. */
import * as Minio from 'minio'
import { Client as OpenSearch } from '@opensearch-project/opensearch'
import path from 'node:path'
import { BUCKETS } from '../../domain/storage.ts'
import { INDEX_TEMPLATES, SEARCH_INDEXES } from '../../domain/search-indexes.ts'
import { ROOT } from './paths.ts'
import { runCommand } from './run-command.ts'

export type ResourceEnv = {
  DATABASE_URL: string; S3_ENDPOINT: string; S3_ACCESS_KEY: string; S3_SECRET_KEY: string; OPENSEARCH_URL: string
}

/** Buckets, with object locking where records must be retained (it can only be set at creation). */
export async function ensureBuckets(env: ResourceEnv): Promise<void> {
  const url = new URL(env.S3_ENDPOINT)
  const client = new Minio.Client({
    endPoint: url.hostname, port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    useSSL: url.protocol === 'https:', accessKey: env.S3_ACCESS_KEY, secretKey: env.S3_SECRET_KEY,
  })
  for (const bucket of Object.values(BUCKETS)) {
    if (await client.bucketExists(bucket.name)) continue
    await client.makeBucket(bucket.name, 'us-east-1', { ObjectLocking: bucket.objectLock })
  }
}

/** Index templates first, then the concrete indexes, so mappings come from the templates. */
export async function ensureSearchIndexes(env: ResourceEnv): Promise<void> {
  const client = new OpenSearch({ node: env.OPENSEARCH_URL })
  for (const t of INDEX_TEMPLATES) await client.indices.putIndexTemplate({ name: t.name, body: t.body })
  for (const index of Object.values(SEARCH_INDEXES)) {
    const { body: exists } = await client.indices.exists({ index })
    if (!exists) await client.indices.create({ index })
  }
  await client.close()
}

const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name)

/** Applies pending migrations (node-pg-migrate over the SQL Prisma's engine generated) and the idempotent seed. */
export async function migrateAndSeed(env: ResourceEnv): Promise<void> {
  const childEnv = { ...process.env, DATABASE_URL: env.DATABASE_URL }
  await runCommand('migrations', [bin('node-pg-migrate'), 'up', '--migrations-dir', 'prisma/migrations',
    '--migration-file-language', 'sql', '--single-transaction', '--migrations-table', 'pgmigrations'], { env: childEnv, cwd: ROOT })
  await runCommand('seed', [process.execPath, '--import', 'tsx', 'prisma/seed.ts'], { env: childEnv, cwd: ROOT })
}
