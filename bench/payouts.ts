/**
 * A payout run over many creators (BENCH_PAYOUT_CREATORS, default 100,000) with seeded balances, on the stack's own
 * workers, the bank (wire) sandbox and the real ledger, in one run: total time and creators/s of runPayouts with a
 * payCreator child per creator, the ledger's batched transfer rate measured here while seeding the balances, their
 * ratio, and the worker process's memory (RSS) sampled every second of the run.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { Client, Connection } from '@temporalio/client'
import pg from 'pg'
import { createPersonKeyStore } from '../activities/identity/person-key-store.ts'
import { parseMasterKeys } from '../activities/pii/master-keys.ts'
import { createPii } from '../activities/pii/pii.ts'
import { createLedgerStore } from '../activities/ledger/store.ts'
import { DESTINATION_PURPOSE } from '../activities/payouts/sending.ts'
import { maskDestination } from '../domain/payouts/destination-mask.ts'
import { localDir } from '../ops/stack/paths.ts'
import type { AppEnv } from '../ops/stack/stack.ts'
import { createDb } from '../prisma/client.ts'
import { payoutRunWorkflowId, payoutsTaskQueue } from '../workflows/payouts.contract.ts'
import { runPayouts } from '../workflows/index.ts'
import { pool } from './pool.ts'

const N = Number(process.env.BENCH_PAYOUT_CREATORS ?? 100_000)
const BRAND = 'fanzcock'
const EARNINGS = 12_345
const BATCH = 500

/** Bulk-inserts N creators who pass every gate: person, approved KYC, a W-8BEN, a verified wire method (encrypted). */
async function seedCreators(env: AppEnv, db: pg.Pool): Promise<string[]> {
  const brand = (await db.query<{ id: string }>('SELECT id FROM brands WHERE slug = $1', [BRAND])).rows[0]!.id
  const ids = (await db.query<{ id: string }>(`INSERT INTO people (id, email, display_name, status, updated_at)
    SELECT gen_random_uuid(), 'bench-payee-' || i || '-' || extract(epoch from now())::bigint || '@bench.fanz.test', 'Bench Payee ' || i, 'active', now()
    FROM generate_series(1, $1) i RETURNING id`, [N])).rows.map((r) => r.id)
  await db.query(`INSERT INTO kyc_cases (id, person_id, brand_id, purpose, workflow_id, status, provider, expires_at, updated_at)
    SELECT gen_random_uuid(), p, $2, 'creator', 'bench', 'approved', 'bench', now() + interval '1 year', now() FROM unnest($1::uuid[]) p`, [ids, brand])
  // the run never reads the TIN back: the bench stores a marker, not a number
  await db.query(`INSERT INTO tax_forms (id, person_id, kind, country, tin, tin_last4, signed_name, signed_at, expires_at)
    SELECT gen_random_uuid(), p, 'W-8BEN', 'DE', 'bench', '0000', 'bench', now(), now() + interval '3 years' FROM unnest($1::uuid[]) p`, [ids])
  const prisma = createDb(env.DATABASE_URL)
  const pii = createPii({ keyStore: createPersonKeyStore(prisma), masterKeys: parseMasterKeys(env.PII_MASTER_KEYS), currentKeyId: env.PII_CURRENT_KEY_ID,
    indexKey: Buffer.from(env.PII_INDEX_KEY, 'base64url') })
  const destination = { rail: 'wire' as const, holderName: 'Bench Payee', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', country: 'DE' }
  const rows: { id: string; ct: string }[] = []
  await pool(ids, 16, async (id) => { rows.push({ id, ct: await pii.encrypt(id, DESTINATION_PURPOSE, JSON.stringify(destination)) }) })
  await db.query(`INSERT INTO payout_methods (id, person_id, rail, destination, display, status, verified_at)
    SELECT gen_random_uuid(), r.id, 'wire', r.ct, $3, 'VERIFIED', now() FROM unnest($1::uuid[], $2::text[]) AS r(id, ct)`,
  [rows.map((r) => r.id), rows.map((r) => r.ct), maskDestination(destination)])
  await prisma.$disconnect()
  return ids
}

/** Posts each creator's earnings in batches of BATCH entries per transaction; returns transfers/s. */
async function seedEarnings(db: pg.Pool, ids: string[]): Promise<number> {
  const store = createLedgerStore(db)
  const book = { brand: BRAND, currency: 'USD' }
  const t0 = performance.now()
  const batches = Array.from({ length: Math.ceil(ids.length / BATCH) }, (_, b) => ids.slice(b * BATCH, (b + 1) * BATCH))
  await pool(batches, 4, async (batch) => {
    await store.postEntries(batch.map((id) => ({ idempotencyKey: `bench-earnings:${id}`, kind: 'bench_earnings', brand: BRAND, memo: 'bench earnings',
      postings: [{ account: { ...book, kind: 'processorClearing', owner: 'ccbill' }, amount: EARNINGS },
        { account: { ...book, kind: 'creatorAvailable', owner: id }, amount: -EARNINGS }] })), null)
  })
  return ids.length / ((performance.now() - t0) / 1000)
}

/** Peak and last resident memory of a process, sampled every second until stopped. */
function sampleRss(pid: number) {
  let peak = 0
  let last = 0
  const timer = setInterval(() => {
    void readFile(`/proc/${pid}/status`, 'utf8').then((s) => {
      last = Number(/VmRSS:\s+(\d+)/.exec(s)?.[1] ?? 0) * 1024
      peak = Math.max(peak, last)
    }, () => undefined)
  }, 1000)
  return { stop: () => { clearInterval(timer); return { peak, last } } }
}

export async function benchPayouts(env: AppEnv): Promise<void> {
  const db = new pg.Pool({ connectionString: env.DATABASE_URL, max: 8 })
  const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`
  try {
    const t0 = performance.now()
    const ids = await seedCreators(env, db)
    const ledgerRate = await seedEarnings(db, ids)
    console.log(`seeded ${N} creators in ${((performance.now() - t0) / 1000).toFixed(1)} s; ledger batched transfers (${BATCH}/transaction, 4 clients): ${ledgerRate.toFixed(0)}/s`)

    const workerPid = Number(await readFile(path.join(localDir('test'), 'pids', 'workers.pid'), 'utf8'))
    const temporal = new Client({ connection: await Connection.connect({ address: env.TEMPORAL_ADDRESS }), namespace: env.TEMPORAL_NAMESPACE })
    const rss = sampleRss(workerPid)
    const started = performance.now()
    const handle = await temporal.workflow.start(runPayouts, { workflowId: payoutRunWorkflowId(BRAND, new Date().toISOString()), taskQueue: payoutsTaskQueue,
      args: [{ brand: BRAND, trigger: 'manual' }] })
    const out = await handle.result()
    const seconds = (performance.now() - started) / 1000
    const memory = rss.stop()
    const rate = out.creators / seconds
    console.log(`payout run: ${out.creators} creators (${out.paid} paid, ${out.blocked} blocked, ${out.failed} failed, ${out.cases} reconciliation cases) in ${seconds.toFixed(1)} s`)
    console.log(`creators/s ${rate.toFixed(1)}; ratio to the ledger's batched transfer rate ${(rate / ledgerRate).toFixed(4)}x`)
    console.log(`worker RSS during the run: peak ${mb(memory.peak)}, at the end ${mb(memory.last)}`)
    await temporal.connection.close()
  } finally {
    await db.end()
  }
}
