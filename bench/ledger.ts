/**
 * Ledger throughput against pgbench's TPC-B on the same PostgreSQL, in one run, at 4 and 16 clients, through the
 * ledger store (Node, as activities post):
 *   - single transfers: each client posts one transfer per call and waits for its commit; the store groups calls
 *     that arrive together into one transaction (as the platform's workers do), with all clients on one store or
 *     a store per 4 clients (as several worker processes);
 *   - the same with grouping off (one transaction per transfer), to show what grouping buys;
 *   - single transfers that all credit one account (every sale credits the platform's revenue), grouped and not;
 *   - batches of 100 transfers per call;
 * plus single transfers driven by pgbench itself calling ledger_post_entries (one transaction each, no Node client).
 * Prints transfers/s and the ratio to TPC-B tps. Goals (issue 4): >= 1.0x single transfers at 16 clients, >= 4x batched.
 */
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { AccountRef, Posting } from '../domain/ledger/accounts.ts'
import { createLedgerStore, LedgerRefusal } from '../activities/ledger/store.ts'
import { runCommand } from '../ops/stack/run-command.ts'
import { PG_BIN } from '../ops/stack/provision.ts'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const WALLETS = 1000

/** TPC-B tps of pgbench's own script, or transactions/s of `script` (a pgbench script file) against `database`. */
async function pgbench(url: string, clients: number, script?: { file: string; database: string }): Promise<number> {
  const u = new URL(url)
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(u.password) }
  const args = ['-h', u.hostname, '-p', u.port, '-U', decodeURIComponent(u.username)]
  const target = script ? ['-f', script.file, script.database] : ['pgbench']
  const out = await runCommand('pgbench', [path.join(PG_BIN, 'pgbench'), ...args, '-n', '-c', String(clients), '-j', '2', '-T', String(SECONDS), ...target], { env })
  const tps = /tps = ([\d.]+)/.exec(out)
  if (!tps) throw new Error(`pgbench printed no tps:\n${out}`)
  return Number(tps[1])
}

export async function preparePgbench(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = 'pgbench'")).rowCount
  if (!exists) await admin.query('CREATE DATABASE pgbench')
  await admin.end()
  const u = new URL(url)
  await runCommand('pgbench', [path.join(PG_BIN, 'pgbench'), '-h', u.hostname, '-p', u.port, '-U', decodeURIComponent(u.username),
    '-i', '-q', '-s', '10', 'pgbench'], { env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) } })
}

const wallet = (brand: string, i: number): AccountRef => ({ kind: 'fanWallet', brand, currency: 'USD', owner: `fan-${i}` })
const transfer = (from: AccountRef, to: AccountRef, amount: number): Posting[] => [{ account: from, amount }, { account: to, amount: -amount }]

/** A brand of its own with WALLETS funded fan wallets, so runs never contend with each other's accounts. */
async function fundedBrand(store: ReturnType<typeof createLedgerStore>): Promise<string> {
  const brand = `bench-${randomUUID().slice(0, 8)}`
  const funding: AccountRef = { kind: 'processorClearing', brand, currency: 'USD', owner: 'ccbill' }
  for (let i = 0; i < WALLETS; i += 100) {
    await store.postEntries(Array.from({ length: 100 }, (_, k) => ({ idempotencyKey: `${brand}:fund:${i + k}`, kind: 'load', memo: 'fund', brand,
      postings: transfer(funding, wallet(brand, i + k), 1_000_000_000) })), null)
  }
  return brand
}

/** Has `store` look up every wallet's id once, with tiny top-ups (a fresh store would otherwise look them up mid-measurement). */
async function warm(store: ReturnType<typeof createLedgerStore>, brand: string): Promise<void> {
  const funding: AccountRef = { kind: 'processorClearing', brand, currency: 'USD', owner: 'ccbill' }
  for (let i = 0; i < WALLETS; i += 100) {
    await store.postEntries(Array.from({ length: 100 }, (_, k) => ({ idempotencyKey: `${brand}:warm:${randomUUID()}`, kind: 'load', memo: 'warm', brand,
      postings: transfer(funding, wallet(brand, i + k), 1) })), null)
  }
}

/** Single transfers between random wallets of a funded brand, posted by pgbench calling ledger_post_entries (no Node client). */
async function ledgerWithoutClient(url: string, pool: pg.Pool, clients: number): Promise<number> {
  const brand = await fundedBrand(createLedgerStore(pool))
  // min and max as numbers (ordered as text, 99999 would come after 100000)
  const range = (await pool.query<{ lo: string; hi: string }>("SELECT min(id)::text AS lo, max(id)::text AS hi FROM ledger_accounts WHERE brand = $1 AND kind = 'fan_wallet'", [brand])).rows[0]!
  const [lo, hi] = [Number(range.lo), Number(range.hi)]
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-bench-'))
  const file = path.join(dir, 'transfer.sql')
  await writeFile(file, [`\\set a random(${lo}, ${hi})`, `\\set b random(${lo}, ${hi - 1})`, '\\set amt random(1, 500)',
    // b skips a, so a transfer never debits and credits one account
    `SELECT * FROM ledger_post_entries(jsonb_build_array(jsonb_build_object('key', '${brand}:pgb:' || gen_random_uuid(), 'kind', 'transfer', 'memo', 'bench',`
    + ` 'brand', '${brand}', 'postings', jsonb_build_array(jsonb_build_object('accountId', :a, 'amount', :amt, 'currency', 'USD'),`
    + ` jsonb_build_object('accountId', CASE WHEN :b >= :a THEN :b + 1 ELSE :b END, 'amount', -:amt, 'currency', 'USD')))));`, ''].join('\n'))
  try {
    return await pgbench(url, clients, { file, database: new URL(url).pathname.slice(1) })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

type Shape = {
  /** transfers per call */
  batch: number
  /** false: every call a transaction of its own (grouping off) */
  grouped: boolean
  /** the clients share this many stores, as that many worker processes would (default one) */
  stores?: number
  /** every transfer credits one platform revenue account, as every sale does (default: wallet to wallet) */
  hot?: boolean
}

/** Runs `clients` loops for SECONDS, each posting `batch` transfers per call through the ledger store; returns transfers per second. */
async function ledger(pool: pg.Pool, clients: number, { batch, grouped, stores = 1, hot = false }: Shape): Promise<number> {
  const all = Array.from({ length: stores }, () => createLedgerStore(pool, grouped ? {} : { writers: clients, maxGroup: 0 }))
  const brand = await fundedBrand(all[0]!)
  // every further store learns the accounts' ids before the clock starts, as a worker that has run a while has
  for (const store of all.slice(1)) await warm(store, brand)
  const revenue: AccountRef = { kind: 'platformRevenue', brand, currency: 'USD', owner: null }
  let done = 0
  let seq = 0
  const deadline = Date.now() + SECONDS * 1000
  await Promise.all(Array.from({ length: clients }, async (_, client) => {
    const store = all[client % stores]!
    while (Date.now() < deadline) {
      const entries = Array.from({ length: batch }, () => {
        const n = seq++
        const a = (n * 7919) % WALLETS, b = (n * 104729 + 1) % WALLETS
        return { idempotencyKey: `${brand}:t:${n}`, kind: 'transfer', memo: 'bench', brand,
          postings: transfer(wallet(brand, a), hot ? revenue : wallet(brand, b === a ? (a + 1) % WALLETS : b), 1 + (n % 500)) }
      })
      await store.postEntries(entries, null).catch((err: unknown) => { if (!(err instanceof LedgerRefusal)) throw err })
      done += batch
    }
  }))
  return done / SECONDS
}

/** Lets background work (checkpoints, autovacuum after pgbench's load) finish so it lands in no measurement. */
async function settle(url: string): Promise<void> {
  for (const db of ['pgbench', new URL(url).pathname.slice(1)]) {
    const client = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: `/${db}` }).toString() })
    await client.connect()
    await client.query('VACUUM ANALYZE')
    await client.query('CHECKPOINT')
    await client.end()
  }
}

const MEASUREMENTS: [label: string, shape: Shape | 'pgbench'][] = [
  ['single transfers, grouped (one store)', { batch: 1, grouped: true }],
  ['single transfers, grouped (a store per 4 clients)', { batch: 1, grouped: true, stores: 4 }],
  ['single transfers, one transaction each', { batch: 1, grouped: false }],
  ['single, to one hot account, grouped', { batch: 1, grouped: true, hot: true }],
  ['single, to one hot account, one tx each', { batch: 1, grouped: false, hot: true }],
  ['batched, 100 per call', { batch: 100, grouped: true }],
  ['single via pgbench, one tx each (no Node)', 'pgbench'],
]

export async function benchLedger(url: string): Promise<void> {
  await preparePgbench(url)
  const pool = new pg.Pool({ connectionString: url, max: 16 })
  pool.on('error', () => {}) // the stack stops PostgreSQL under idle clients at the end
  const lines: string[] = []
  for (const clients of [4, 16]) {
    await settle(url)
    const tpcb = await pgbench(url, clients)
    lines.push(`${clients} clients: TPC-B ${tpcb.toFixed(0)} tps`)
    for (const [label, shape] of MEASUREMENTS) {
      await settle(url)
      const rate = shape === 'pgbench' ? await ledgerWithoutClient(url, pool, clients) : await ledger(pool, clients, shape)
      lines.push(`  ${label.padEnd(50)} ${rate.toFixed(0).padStart(8)} transfers/s  ${(rate / tpcb).toFixed(2)}x`)
    }
  }
  await pool.end()
  console.log(`\nledger vs pgbench TPC-B (scale 10), ${SECONDS} s per measurement, same PostgreSQL, one run`)
  console.log('(each client posts and waits for its commit; "grouped": the store sends calls that arrive together in one transaction)')
  for (const l of lines) console.log(l)
  console.log('goals: single transfers >= 1.0x at 16 clients; batched >= 4x')
}
