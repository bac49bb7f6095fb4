/** Readiness probes of each dependency the API needs, each bounded by a short timeout. */
import type { Client as TemporalClient } from '@temporalio/client'
import type { Db } from '../prisma/client.ts'
import { BUCKETS } from '../domain/storage.ts'
import type { SearchClient } from '../activities/search/client.ts'
import type { StorageClient } from '../activities/storage/client.ts'

export type DependencyStatus = { name: string; ok: boolean; latencyMs: number; error?: string }
export type ReadinessDeps = { db: Db; temporal: TemporalClient; storage: StorageClient; search: SearchClient }

const withTimeout = <T>(p: Promise<T>, ms: number) => Promise.race([
  p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref()),
])

async function probe(name: string, run: () => Promise<unknown>): Promise<DependencyStatus> {
  const start = performance.now()
  try {
    await withTimeout(run(), 2000)
    return { name, ok: true, latencyMs: Math.round(performance.now() - start) }
  } catch (err) {
    return { name, ok: false, latencyMs: Math.round(performance.now() - start), error: err instanceof Error ? err.message : String(err) }
  }
}

/** Checks PostgreSQL, Temporal, object storage and search in parallel. */
export function checkDependencies({ db, temporal, storage, search }: ReadinessDeps): Promise<DependencyStatus[]> {
  return Promise.all([
    probe('postgres', () => db.$queryRaw`SELECT 1`),
    probe('temporal', () => temporal.workflowService.getSystemInfo({})),
    probe('object-storage', async () => {
      if (!(await storage.bucketExists(BUCKETS.ops.name))) throw new Error(`bucket ${BUCKETS.ops.name} is missing`)
    }),
    probe('search', async () => {
      const { body } = await search.cluster.health({ timeout: '1s' })
      if (body.status === 'red') throw new Error('cluster status red')
    }),
  ])
}
