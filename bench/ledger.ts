/**
 * Ledger throughput against pgbench's TPC-B on the same PostgreSQL, in one run: single transfers and batches of
 * 100 per transaction, at 4 and 16 clients. Prints transfers/s and the ratio to TPC-B tps. Goals (issue 4):
 * >= 1.0x single transfers at 16 clients, >= 4x batched.
 */
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import pg from 'pg'
import type { AccountRef, Posting } from '../domain/ledger/accounts.ts'
import { createLedgerStore, LedgerRefusal } from '../activities/ledger/store.ts'
import { runCommand } from '../ops/stack/run-command.ts'
import { PG_BIN } from '../ops/stack/provision.ts'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const WALLETS = 1000

async function pgbench(url: string, clients: number): Promise<number> {
  const u = new URL(url)
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(u.password) }
  const args = ['-h', u.hostname, '-p', u.port, '-U', decodeURIComponent(u.username)]
  const out = await runCommand('pgbench', [path.join(PG_BIN, 'pgbench'), ...args, '-n', '-c', String(clients), '-j', '2', '-T', String(SECONDS), 'pgbench'], { env })
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

/** Runs `clients` loops for SECONDS, each posting `batch` transfers per call; returns transfers per second. */
async function ledger(pool: pg.Pool, clients: number, batch: number): Promise<number> {
  const store = createLedgerStore(pool)
  const brand = `bench-${randomUUID().slice(0, 8)}`
  const wallet = (i: number): AccountRef => ({ kind: 'fanWallet', brand, currency: 'USD', owner: `fan-${i}` })
  const funding: AccountRef = { kind: 'processorClearing', brand, currency: 'USD', owner: 'ccbill' }
  const transfer = (from: AccountRef, to: AccountRef, amount: number): Posting[] => [{ account: from, amount }, { account: to, amount: -amount }]
  for (let i = 0; i < WALLETS; i += 100) {
    await store.postEntries(Array.from({ length: 100 }, (_, k) => ({ idempotencyKey: `${brand}:fund:${i + k}`, kind: 'load', memo: 'fund', brand,
      postings: transfer(funding, wallet(i + k), 1_000_000_000) })), null)
  }
  let done = 0
  let seq = 0
  const deadline = Date.now() + SECONDS * 1000
  await Promise.all(Array.from({ length: clients }, async () => {
    while (Date.now() < deadline) {
      const entries = Array.from({ length: batch }, () => {
        const n = seq++
        const a = (n * 7919) % WALLETS, b = (n * 104729 + 1) % WALLETS
        return { idempotencyKey: `${brand}:t:${n}`, kind: 'transfer', memo: 'bench', brand, postings: transfer(wallet(a), wallet(b === a ? (a + 1) % WALLETS : b), 1 + (n % 500)) }
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

export async function benchLedger(url: string): Promise<void> {
  await preparePgbench(url)
  const pool = new pg.Pool({ connectionString: url, max: 16 })
  pool.on('error', () => {}) // the stack stops PostgreSQL under idle clients at the end
  const rows: string[] = []
  for (const clients of [4, 16]) {
    await settle(url)
    const tpcb = await pgbench(url, clients)
    await settle(url)
    const single = await ledger(pool, clients, 1)
    await settle(url)
    const batched = await ledger(pool, clients, 100)
    rows.push(`${String(clients).padStart(7)}  ${tpcb.toFixed(0).padStart(8)}  ${single.toFixed(0).padStart(10)} (${(single / tpcb).toFixed(2)}x)  ${batched.toFixed(0).padStart(10)} (${(batched / tpcb).toFixed(2)}x)`)
  }
  await pool.end()
  console.log(`\nledger vs pgbench TPC-B (scale 10), ${SECONDS} s per measurement, same PostgreSQL, one run:`)
  console.log('clients  TPC-B tps  single transfers/s      batched (100/tx) transfers/s')
  for (const r of rows) console.log(r)
  console.log('goals: single >= 1.0x at 16 clients; batched >= 4x')
}
