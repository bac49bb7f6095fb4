import assert from 'node:assert/strict'
import type pg from 'pg'
import { accountKey } from '../../domain/ledger/accounts.ts'
import { createLedgerReads } from '../../activities/ledger/reads.ts'
import { createLedgerStore, LEDGER_REFUSALS, LedgerRefusal } from '../../activities/ledger/store.ts'
import { newPool, scope } from './support.ts'

/** Transaction ids of the entries under `keys` (entries written by one transaction share their xmin). */
async function transactionsOf(pool: pg.Pool, keys: string[]): Promise<number> {
  const res = await pool.query<{ n: number }>('SELECT count(DISTINCT xmin::text)::int AS n FROM journal_entries WHERE idempotency_key = ANY($1)', [keys])
  return res.rows[0]!.n
}

describe('ledger store groups concurrent calls into shared transactions (real PostgreSQL)', function () {
  let pool: pg.Pool
  let reads: ReturnType<typeof createLedgerReads>
  before(() => { pool = newPool(); reads = createLedgerReads(pool) })
  after(() => pool.end())

  it('posts calls that arrive together in fewer transactions, each caller getting its own entries back', async () => {
    const s = scope()
    const store = createLedgerStore(pool, { writers: 1 })
    const clearing = s.ref('processorClearing', 'ccbill')
    // the accounts exist first, so the calls below reach the writer queue together
    await store.postEntries(Array.from({ length: 12 }, (_, i) => ({ idempotencyKey: s.key(`open-${i}`), kind: 'load', memo: 'open', brand: s.brand,
      postings: s.transfer(clearing, s.ref('fanWallet', `fan-${i}`), 1000) })), null)
    const calls = Array.from({ length: 12 }, (_, i) => store.postEntries([
      { idempotencyKey: s.key(`a-${i}`), kind: 'load', memo: `a${i}`, brand: s.brand, postings: s.transfer(clearing, s.ref('fanWallet', `fan-${i}`), 100 + i) },
      { idempotencyKey: s.key(`b-${i}`), kind: 'load', memo: `b${i}`, brand: s.brand, postings: s.transfer(clearing, s.ref('fanWallet', `fan-${i}`), 1) },
    ], { workflowId: `wf-${i}`, runId: `run-${i}`, activityType: 'postJournalEntry' }))
    const results = await Promise.all(calls)
    const keys = results.flatMap((r) => r.map((e) => e.idempotencyKey))
    assert.deepEqual(keys, Array.from({ length: 12 }, (_, i) => [s.key(`a-${i}`), s.key(`b-${i}`)]).flat())
    for (const [i, r] of results.entries()) {
      for (const posted of r) {
        assert.equal(posted.created, true)
        const entry = await reads.entry(posted.idempotencyKey)
        assert.equal(entry?.id, posted.entryId)
        assert.equal(entry?.workflow_id, `wf-${i}`, 'each entry keeps the cause of the call that posted it')
      }
    }
    // one writer: the first call goes alone, the other eleven wait and go together
    assert.ok(await transactionsOf(pool, keys) < 12, 'calls that waited were grouped')
    const balances = await reads.balances(Array.from({ length: 12 }, (_, i) => accountKey(s.ref('fanWallet', `fan-${i}`))))
    for (let i = 0; i < 12; i++) assert.equal(balances.get(accountKey(s.ref('fanWallet', `fan-${i}`)))?.balance, -(1101 + i))
    assert.deepEqual(await reads.driftedAccounts(), [])
  })

  it("one caller's overdraft fails only that caller; the rest of its group is posted", async () => {
    const s = scope()
    const store = createLedgerStore(pool, { writers: 1 })
    const clearing = s.ref('processorClearing', 'segpay'), creator = s.ref('creatorPending', 'c1')
    const wallets = Array.from({ length: 8 }, (_, i) => s.ref('fanWallet', `fan-${i}`))
    await store.postEntries([...wallets.map((w, i) => ({ idempotencyKey: s.key(`load-${i}`), kind: 'load', memo: 'load', brand: s.brand,
      postings: s.transfer(clearing, w, 500) })), { idempotencyKey: s.key('open'), kind: 'load', memo: 'open', brand: s.brand, postings: s.transfer(clearing, creator, 1) }], null)
    // fan-3 spends more than it holds; the others spend what they have
    const outcomes = await Promise.all(wallets.map((w, i) => store.postEntries([{ idempotencyKey: s.key(`spend-${i}`), kind: 'ppv', memo: 'spend',
      brand: s.brand, postings: s.transfer(w, creator, i === 3 ? 501 : 500) }], null).then(() => 'posted', (err: unknown) => {
      if (err instanceof LedgerRefusal && err.code === LEDGER_REFUSALS.insufficientFunds) return 'refused'
      throw err
    })))
    assert.deepEqual(outcomes, wallets.map((_, i) => (i === 3 ? 'refused' : 'posted')))
    for (const [i] of wallets.entries()) {
      const entry = await reads.entry(s.key(`spend-${i}`))
      if (i === 3) assert.equal(entry, null)
      else assert.deepEqual(entry?.postings.map((p) => p.amount), [500, -500], `spend-${i} is posted`)
    }
    const b = await reads.balances([...wallets, creator].map(accountKey))
    for (const [i, w] of wallets.entries()) assert.equal(b.get(accountKey(w))?.balance, i === 3 ? -500 : 0)
    assert.equal(b.get(accountKey(creator))?.balance, -3501)
    assert.deepEqual(await reads.driftedAccounts(), [])
  })

  it('the same key from two callers in one group posts once: one is told it created the entry, the other not', async () => {
    const s = scope()
    const store = createLedgerStore(pool, { writers: 1 })
    const transfer = (key: string) => ({ idempotencyKey: s.key(key), kind: 'tip', memo: key, brand: s.brand,
      postings: s.transfer(s.ref('processorClearing', 'epoch'), s.ref('creatorPending', 'c1'), 250) })
    // the accounts exist first, so the three calls below reach the writer queue in order, in one tick
    await store.postEntries([transfer('open')], null)
    const [warmup, first, second] = await Promise.all([store.postEntries([transfer('warmup')], null),
      store.postEntries([transfer('first-own'), transfer('tip')], null), store.postEntries([transfer('second-own'), transfer('tip')], null)])
    assert.equal(warmup[0]?.created, true)
    assert.equal(first[1]?.entryId, second[1]?.entryId)
    assert.deepEqual([first[1]?.created, second[1]?.created], [true, false])
    assert.equal(await transactionsOf(pool, [s.key('first-own'), s.key('second-own'), s.key('tip')]), 1, 'both callers of the key went in one transaction')
    assert.equal((await reads.balances([accountKey(s.ref('creatorPending', 'c1'))])).get(accountKey(s.ref('creatorPending', 'c1')))?.balance, -1250)
  })

  it("a group failing on one caller's bad reference posts everyone else's entries", async () => {
    const s = scope()
    const store = createLedgerStore(pool, { writers: 1 })
    const clearing = s.ref('processorClearing', 'ccbill'), revenue = s.ref('platformRevenue')
    await store.postEntries([{ idempotencyKey: s.key('open'), kind: 'x', memo: 'open', brand: s.brand, postings: s.transfer(clearing, revenue, 1) }], null)
    // a reversal of an entry that does not exist: the database refuses it (foreign key), which is no ledger refusal
    const outcomes = await Promise.all(['a', 'bad', 'b', 'c'].map((k) => store.postEntries([{ idempotencyKey: s.key(k), kind: 'x', memo: k, brand: s.brand,
      postings: s.transfer(clearing, revenue, 10), ...(k === 'bad' ? { reversesId: '999999999999' } : {}) }], null).then(() => 'posted', () => 'failed')))
    assert.deepEqual(outcomes, ['posted', 'failed', 'posted', 'posted'])
    assert.equal(await reads.entry(s.key('bad')), null)
    assert.equal((await reads.balances([accountKey(revenue)])).get(accountKey(revenue))?.balance, -31)
  })
})
