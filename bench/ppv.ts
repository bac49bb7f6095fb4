/**
 * PPV purchases/s end to end (real PostgreSQL ledger, CCBill sandbox driver, Temporal dev server) against a no-op
 * workflow with the same number of activities on the same server, in one run; plus p50/p99 from start to entitlement.
 * Both run on one worker with the platform's data converter (payloads naming a person are sealed with their key), as
 * the platform's own workers do. Goal (issue 4): >= 0.7x.
 *
 * Then the storefront's path: POST /api/purchases as a signed-in fan, on the stack's own workers (30-day chargeback
 * window), polling GET /api/posts/:id/access until the post is unlocked: p50/p99 from the API request to entitlement.
 */
import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import { Client, Connection } from '@temporalio/client'
import { NativeConnection, Worker } from '@temporalio/worker'
import pg from 'pg'
import { createLedgerActivities } from '../activities/ledger/index.ts'
import { createDrivers, paymentEnvSchema } from '../activities/payments/drivers.ts'
import { createPurchaseActivities } from '../activities/purchases/index.ts'
import { temporalDataConverter } from '../activities/pii/temporal-data-converter.ts'
import { createDb } from '../prisma/client.ts'
import type { AppEnv } from '../ops/stack/stack.ts'
import { call, pct, pool, signIn } from './pool.ts'

const N = Number(process.env.BENCH_PURCHASES ?? 60)
const CONCURRENCY = 12
const ACTIVITIES_PER_PURCHASE = 7 // quote, record, charge, post sale, grant, record, post release
const API_PURCHASES = Number(process.env.BENCH_API_PURCHASES ?? 40)
const API_CONCURRENCY = 4
const ACCESS_POLL_MS = 25
const ENTITLED_TIMEOUT_MS = 60_000

/** Milliseconds from POST /api/purchases to GET /api/posts/:id/access answering entitled, one per post. */
async function apiToEntitlement(env: AppEnv, sql: pg.Pool, buyerEmail: string): Promise<{ seconds: number; latencies: number[] }> {
  const token = await signIn(env.PUBLIC_URL, buyerEmail)
  const posts = (await sql.query(`INSERT INTO posts (id, brand_id, creator_id, title, price_minor, currency)
    SELECT gen_random_uuid(), b.id, c.id, 'bench api ' || g, 700 + g, 'USD' FROM generate_series(1, ${API_PURCHASES}) g, brands b, people c
    WHERE b.slug = 'cougarfanz' AND c.email = 'creator@fanz.demo' RETURNING id`)).rows.map((r: { id: string }) => r.id)
  const latencies: number[] = []
  const seconds = await pool(posts, API_CONCURRENCY, async (postId) => {
    const t0 = performance.now()
    const started = await call<{ id: string }>(`${env.PUBLIC_URL}/api/purchases`, { token, body: { postId, paymentToken: 'tok_approve_bench', jurisdiction: 'US' } })
    for (;;) {
      if ((await call<{ entitled: boolean }>(`${env.PUBLIC_URL}/api/posts/${postId}/access`, { token })).entitled) break
      if (performance.now() - t0 > ENTITLED_TIMEOUT_MS) throw new Error(`purchase ${started.id} not entitled after ${ENTITLED_TIMEOUT_MS} ms`)
      await new Promise((r) => setTimeout(r, ACCESS_POLL_MS))
    }
    latencies.push(performance.now() - t0)
  })
  return { seconds, latencies: latencies.sort((a, b) => a - b) }
}


export async function benchPpv(env: AppEnv): Promise<void> {
  const db = createDb(env.DATABASE_URL)
  const sql = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10 })
  const buyer = (await sql.query("SELECT id FROM people WHERE email = 'moderator@fanz.demo'")).rows[0].id as string
  const posts = (await sql.query(`INSERT INTO posts (id, brand_id, creator_id, title, price_minor, currency)
    SELECT gen_random_uuid(), b.id, c.id, 'bench ' || g, 500 + g, 'USD' FROM generate_series(1, ${N}) g, brands b, people c
    WHERE b.slug = 'cougarfanz' AND c.email = 'creator@fanz.demo' RETURNING id`)).rows.map((r: { id: string }) => r.id)

  const taskQueue = `bench-${randomUUID().slice(0, 8)}`
  const dataConverter = temporalDataConverter(env, db)
  const worker = await Worker.create({
    connection: await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS }), taskQueue, dataConverter,
    workflowsPath: createRequire(import.meta.url).resolve('./workflows.ts'), maxConcurrentActivityTaskExecutions: 50,
    activities: { ...createLedgerActivities({ pool: sql }), async noop() {},
      // a zero-day chargeback window lets each purchase run to its end, release included
      ...createPurchaseActivities({ db, drivers: createDrivers(paymentEnvSchema.parse(env)), chargebackWindowDays: 0 }) },
  })
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS })
  const client = new Client({ connection, dataConverter })
  const latencies: number[] = []
  const [noopSeconds, ppvSeconds] = await worker.runUntil(async () => {
    const noop = await pool(posts, CONCURRENCY, async () => {
      await client.workflow.execute('benchNoop', { taskQueue, workflowId: `bench-noop:${randomUUID()}`, args: [ACTIVITIES_PER_PURCHASE] })
    })
    const ppv = await pool(posts, CONCURRENCY, async (postId) => {
      const t0 = performance.now()
      const result = await client.workflow.execute('purchasePpv', { taskQueue, workflowId: `ppv:${buyer}:${postId}`,
        args: [{ purchaseId: randomUUID(), fanId: buyer, postId, processor: 'ccbill', paymentToken: 'tok_approve_bench', jurisdiction: 'US' }] })
      if ((result as { state: string }).state !== 'completed') throw new Error(`purchase ended ${JSON.stringify(result)}`)
      latencies.push(performance.now() - t0)
    })
    return [noop, ppv]
  })
  const granted = (await sql.query('SELECT count(*)::int AS n FROM entitlements WHERE post_id = ANY($1)', [posts])).rows[0].n
  const viaApi = await apiToEntitlement(env, sql, 'moderator@fanz.demo')
  await Promise.all([connection.close(), sql.end(), db.$disconnect()])
  if (granted !== N) throw new Error(`expected ${N} entitlements, found ${granted}`)
  const sorted = [...latencies].sort((a, b) => a - b)
  console.log(`\nPPV purchases vs a no-op workflow of ${ACTIVITIES_PER_PURCHASE} activities, ${N} each, ${CONCURRENCY} at a time, same Temporal server, one run:`)
  console.log(`  no-op workflows/s   ${(N / noopSeconds).toFixed(1)}`)
  console.log(`  PPV purchases/s     ${(N / ppvSeconds).toFixed(1)}   ratio ${((N / ppvSeconds) / (N / noopSeconds)).toFixed(2)}x (goal >= 0.7x)`)
  console.log(`  start -> entitlement and release, ms: p50 ${pct(sorted, 50).toFixed(0)}, p99 ${pct(sorted, 99).toFixed(0)}`)
  console.log(`\nthrough the API on the stack's own workers, ${API_PURCHASES} purchases, ${API_CONCURRENCY} at a time (access polled every ${ACCESS_POLL_MS} ms):`)
  console.log(`  purchases/s ${(API_PURCHASES / viaApi.seconds).toFixed(1)}; POST /api/purchases -> entitled, ms: p50 ${pct(viaApi.latencies, 50).toFixed(0)}, p99 ${pct(viaApi.latencies, 99).toFixed(0)}`)
}
