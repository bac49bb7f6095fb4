import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { createPublicClient, erc20Abi, http, type Address } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import type { PayoutDestination } from '../domain/payouts/destinations.ts'
import { customerTransactionIdFor } from '../activities/payouts/rails/wise/codes.ts'
import { localDir } from '../ops/stack/paths.ts'
import { payoutKey } from '../workflows/payouts.contract.ts'
import { balancesOf, makePayable, runNow, seedAvailable } from './support/payouts.ts'
import { newVerifiedCreator } from './support/people.ts'
import { login, testStack } from './support/stack.ts'

// no other test pays out on this brand: the run holds exactly the creators made here
const BRAND = 'cougarfanz'
const RAILS = ['paxum', 'wise', 'ach', 'wire', 'crypto'] as const
const PER_RAIL = 5
const KILLS = 6
// the supervisor gives up on a service that exits 5 times within a minute: stay under that
const KILLS_PER_MINUTE = 4
const OPEN_STATUSES = ['SELECTED', 'AWAITING_APPROVAL', 'SENDING', 'SENT']
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
type Rail = (typeof RAILS)[number]
type Payee = { id: string; token: string; rail: Rail; amount: number; destination: PayoutDestination }
type Item = { id: string; creator_id: string; workflow_id: string; status: string; rail: string | null; amount: number | null; reserve: number | null }

/** A valid GB IBAN (mod 97 check digits) for a made-up account number. */
function gbIban(account: number): string {
  const bban = `WEST123456${String(account).padStart(8, '0')}`
  const digits = `${bban}GB00`.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55))
  return `GB${String(98n - (BigInt(digits) % 97n)).padStart(2, '0')}${bban}`
}

/** Each payee's own destination on its rail, unique so the rail's records tell the payees apart. */
function destinationFor(rail: Rail, n: number, creatorId: string): PayoutDestination {
  const holderName = 'Kim Cougar'
  switch (rail) {
    case 'paxum': return { rail, holderName, email: `fault.${creatorId.slice(0, 8)}@payees.example` }
    case 'wise': return { rail, holderName, currency: 'USD', country: 'US', accountNumber: String(40_000_000 + n), bankCode: '021000021' }
    // neither 0002 nor 0003 at the end: those are the sandbox's failing accounts
    case 'ach': return { rail, holderName, routingNumber: '021000021', accountNumber: `7700${String(n).padStart(4, '0')}1`, accountType: 'checking' }
    case 'wire': return { rail, holderName, iban: gbIban(31_000_000 + n), bic: 'NWBKGB2LXXX', country: 'GB' }
    case 'crypto': return { rail, address: privateKeyToAccount(generatePrivateKey()).address }
  }
}

const sandboxPayouts = async (url: string) => ((await (await fetch(`${url}/sandbox/payouts`)).json()) as { payouts: Record<string, unknown>[] }).payouts
  .filter((p) => p.extra !== true)

describe('fault injection: the worker process is killed (SIGKILL) again and again in the middle of a payout run', function () {
  this.timeout(900_000)
  let db: pg.Client
  before(async () => {
    db = new pg.Client({ connectionString: testStack().env.DATABASE_URL })
    await db.connect()
  })
  after(() => db.end())

  it(`${RAILS.length * PER_RAIL} creators on five rails are all paid exactly once: one transfer each, one in-transit and one settled entry each`, async () => {
    const env = testStack().env
    const finance = await login('finance@fanz.demo')
    const plan = RAILS.flatMap((rail) => Array.from({ length: PER_RAIL }, () => rail))
    const made = await Promise.all(plan.map((_, n) => newVerifiedCreator(BRAND, 'Kim', `Cougar${n}`)))
    const payees: Payee[] = await Promise.all(made.map(async (c, n) => {
      const destination = destinationFor(plan[n]!, n, c.id)
      const method = await makePayable(c.token, destination)
      assert.equal(method.status, 'VERIFIED', `${plan[n]} method of payee ${n}: ${method.failure}`)
      return { id: c.id, token: c.token, rail: plan[n]!, amount: 20_000 + n * 1_000, destination }
    }))
    for (const p of payees) await seedAvailable({ brand: BRAND, creatorId: p.id, amount: p.amount, key: `${p.id}:fault` })
    const railUrls = { paxum: env.PAXUM_API_URL, wise: env.WISE_API_URL, ach: env.DWOLLA_API_URL, wire: env.WIRE_API_URL } as Record<Exclude<Rail, 'crypto'>, string>
    const heldBefore = Object.fromEntries(await Promise.all(Object.entries(railUrls).map(async ([rail, url]) => [rail, (await sandboxPayouts(url)).length])))

    const workflowId = await runNow(finance, BRAND)
    const runIdOf = async () => (await db.query('SELECT id, status FROM payout_runs WHERE workflow_id = $1', [workflowId])).rows[0] as { id: string; status: string } | undefined
    const items = async (runId: string) => (await db.query('SELECT id, creator_id, workflow_id, status, rail, amount, reserve FROM payout_items WHERE run_id = $1', [runId])).rows as Item[]
    // a kill while the run selects (a 15-minute activity) would only wait out its timeout: begin once the children are paying
    let runId = ''
    for (let i = 0; i < 240 && !runId; i++) {
      const run = await runIdOf()
      if (run && (await items(run.id)).some((x) => x.status !== 'SELECTED')) runId = run.id
      else await sleep(250)
    }
    assert.ok(runId, 'the run started paying its creators')

    const log = path.join(localDir('test'), 'logs', 'workers.log')
    const starts = async () => ((await readFile(log, 'utf8')).match(/"msg":"workers running"/g) ?? []).length
    const kills: { at: number; pid: number; open: number; statuses: Record<string, number> }[] = []
    while (kills.length < KILLS) {
      await sleep(1500 + Math.random() * 1500)
      while (kills.filter((k) => Date.now() - k.at < 62_000).length >= KILLS_PER_MINUTE) await sleep(500)
      const now = await items(runId)
      const open = now.filter((x) => OPEN_STATUSES.includes(x.status)).length
      // kills go on while the run works: paying, then waiting for its children and reconciling (which heartbeats)
      if ((await runIdOf())?.status === 'COMPLETED') break
      const statuses = now.reduce<Record<string, number>>((s, x) => ({ ...s, [x.status]: (s[x.status] ?? 0) + 1 }), {})
      const started = await starts()
      const pid = testStack().supervisor.crash('workers')
      assert.ok(pid, 'the workers process was running')
      kills.push({ at: Date.now(), pid, open, statuses })
      // the supervisor restarts it; the next kill waits until the new process is serving its task queues again
      for (let i = 0; i < 360 && (await starts()) <= started; i++) await sleep(250)
      assert.ok((await starts()) > started, `the workers came back after kill ${kills.length}`)
    }
    console.log(`      kills: ${kills.map((k, i) => `#${i + 1} pid ${k.pid} with ${k.open} open ${JSON.stringify(k.statuses)}`).join('\n             ')}`)
    const midFlight = kills.filter((k) => k.open > 0).length
    // work stalled by a kill waits out its activity timeouts: a kill soon after may find nothing moved since the last one
    const moved = kills.filter((k, i) => i === 0 || JSON.stringify(k.statuses) !== JSON.stringify(kills[i - 1]!.statuses)).length
    console.log(`      ${midFlight} of ${kills.length} kills hit the run mid-flight; ${moved} after payouts had moved since the kill before`)
    assert.ok(kills.length >= 5, `at least five kills before the run completed (${kills.length})`)
    assert.ok(midFlight >= 2, `at least two kills while payouts were in flight (${midFlight})`)

    const t0 = Date.now()
    let run = await runIdOf()
    while (run?.status !== 'COMPLETED' && Date.now() - t0 < 720_000) {
      await sleep(1000)
      run = await runIdOf()
    }
    console.log(`      the run completed ${((Date.now() - t0) / 1000).toFixed(0)} s after the last kill`)
    assert.equal(run?.status, 'COMPLETED')
    const done = await items(runId)
    assert.equal(done.length, payees.length)
    assert.deepEqual(done.filter((x) => x.status !== 'PAID').map((x) => `${x.creator_id} ${x.status}`), [], 'every creator is PAID')

    const held: Record<string, Record<string, unknown>[]> = Object.fromEntries(await Promise.all(Object.entries(railUrls)
      .map(async ([rail, url]) => [rail, await sandboxPayouts(url)])))
    for (const [rail, list] of Object.entries(held)) {
      assert.equal(list.length - heldBefore[rail]!, PER_RAIL, `${rail} holds one new payout per creator, no more`)
    }
    const chain = createPublicClient({ transport: http(env.CRYPTO_RPC_URL) })
    for (const p of payees) {
      const item = done.find((x) => x.creator_id === p.id)!
      assert.equal(item.rail, p.rail)
      assert.equal(item.amount! + item.reserve!, p.amount, 'the payout and its reserve are the whole balance')
      const key = payoutKey(item.workflow_id, `send:${p.rail}`)
      const d = p.destination
      const mine = {
        paxum: () => held.paxum!.filter((t) => d.rail === 'paxum' && t.toEmail === d.email),
        wise: () => held.wise!.filter((t) => t.customerTransactionId === customerTransactionIdFor(key)),
        ach: () => held.ach!.filter((t) => (t.metadata as Record<string, string> | undefined)?.creatorId === p.id),
        wire: () => held.wire!.filter((t) => d.rail === 'wire' && (t.creditor as { iban: string }).iban === d.iban),
        crypto: () => [],
      }[p.rail]()
      if (p.rail === 'crypto') {
        const balance = await chain.readContract({ address: env.CRYPTO_TOKEN_ADDRESS as Address, abi: erc20Abi, functionName: 'balanceOf', args: [(d as { address: Address }).address] })
        assert.equal(balance, BigInt(item.amount!) * 10_000n, `${p.id} received the FanzUSD once (6 decimals)`)
      } else {
        assert.equal(mine.length, 1, `${p.rail} paid ${p.id} ${mine.length} times`)
        const amount = mine[0]!.amount ?? mine[0]!.sourceAmount
        assert.equal(amount, item.amount, `${p.rail} paid the item's amount`)
      }

      const entries = await db.query(`SELECT idempotency_key, kind FROM journal_entries WHERE idempotency_key LIKE $1 OR metadata->>'payoutItemId' = $2`,
        [`${item.workflow_id}:%`, item.id])
      assert.deepEqual(entries.rows.map((r) => r.kind).sort(), ['payout_reserve', 'payout_sent', 'payout_settled'], JSON.stringify(entries.rows))
      assert.equal(entries.rows.filter((r) => r.idempotency_key === `${item.workflow_id}:in-transit`).length, 1)
      assert.equal(entries.rows.filter((r) => r.idempotency_key === `${item.workflow_id}:settled`).length, 1)
      const b = await balancesOf(p.token, BRAND)
      assert.deepEqual([b?.available, b?.inTransit, b?.reserved], [0, 0, item.reserve], `${p.rail} payee's balances`)
    }

    const unbalanced = await db.query('SELECT currency, sum(balance)::bigint AS net FROM ledger_accounts GROUP BY currency HAVING sum(balance) <> 0')
    assert.deepEqual(unbalanced.rows, [], 'the trial balance nets to zero per currency')
    const drift = await db.query(`SELECT a.key FROM ledger_accounts a LEFT JOIN (SELECT account_id, sum(amount) t FROM postings GROUP BY 1) p
      ON p.account_id = a.id WHERE a.balance <> coalesce(p.t, 0)`)
    assert.equal(drift.rowCount, 0, 'every account balance is the sum of its postings')
  })
})
