import assert from 'node:assert/strict'
import type pg from 'pg'
import { accountKey } from '../../domain/ledger/accounts.ts'
import { createLedgerReads } from '../../activities/ledger/reads.ts'
import { createLedgerStore, LEDGER_REFUSALS, LedgerRefusal } from '../../activities/ledger/store.ts'
import { LEDGER_ERRORS, LedgerError } from '../../domain/ledger/validate.ts'
import { newPool, scope } from './support.ts'

const isLedgerError = (code: string) => (err: unknown) => err instanceof LedgerRefusal && err.code === code

describe('ledger rules enforced by PostgreSQL', function () {
  let pool: pg.Pool
  let store: ReturnType<typeof createLedgerStore>
  let reads: ReturnType<typeof createLedgerReads>
  before(() => { pool = newPool(); store = createLedgerStore(pool); reads = createLedgerReads(pool) })
  after(() => pool.end())

  it('posts a balanced entry and keeps balances as a read model in the same transaction', async () => {
    const s = scope()
    const clearing = s.ref('processorClearing', 'ccbill'), wallet = s.ref('fanWallet', 'fan-1')
    const [posted] = await store.postEntries([{ idempotencyKey: s.key('load'), kind: 'wallet_load', memo: 'load', brand: s.brand,
      postings: s.transfer(clearing, wallet, 2500) }], { workflowId: 'wf-1', runId: 'run-1', activityType: 'postJournalEntry' })
    assert.equal(posted?.created, true)
    const balances = await reads.balances([accountKey(clearing), accountKey(wallet)])
    assert.equal(balances.get(accountKey(clearing))?.balance, 2500)
    assert.equal(balances.get(accountKey(wallet))?.balance, -2500)
    const entry = await reads.entry(s.key('load'))
    assert.deepEqual([entry?.workflow_id, entry?.run_id, entry?.activity_type], ['wf-1', 'run-1', 'postJournalEntry'])
    assert.deepEqual(await reads.driftedAccounts(), [])
  })

  it('a repeated idempotency key returns the first entry and posts nothing', async () => {
    const s = scope()
    const entry = { idempotencyKey: s.key('tip'), kind: 'tip', memo: 'tip', brand: s.brand,
      postings: s.transfer(s.ref('processorClearing', 'segpay'), s.ref('creatorPending', 'c1'), 500) }
    const [first] = await store.postEntries([entry], null)
    const [again] = await store.postEntries([{ ...entry, postings: s.transfer(s.ref('processorClearing', 'segpay'), s.ref('creatorPending', 'c1'), 9999) }], null)
    assert.equal(again?.entryId, first?.entryId)
    assert.equal(again?.created, false)
    const b = await reads.balances([accountKey(s.ref('creatorPending', 'c1'))])
    assert.equal(b.get(accountKey(s.ref('creatorPending', 'c1')))?.balance, -500)
  })

  it('refuses an unbalanced entry in code, and the database refuses one that bypasses the code', async () => {
    const s = scope()
    const a = s.ref('processorClearing', 'epoch'), b = s.ref('platformRevenue')
    await assert.rejects(store.postEntries([{ idempotencyKey: s.key('bad'), kind: 'x', memo: 'x', brand: s.brand,
      postings: [{ account: a, amount: 100 }, { account: b, amount: -99 }] }], null),
    (err: unknown) => err instanceof LedgerError && err.code === LEDGER_ERRORS.UNBALANCED)
    // straight to the SQL function, as a buggy or hostile writer would: the database itself refuses
    await store.postEntries([{ idempotencyKey: s.key('ok'), kind: 'x', memo: 'x', brand: s.brand, postings: s.transfer(a, b, 1) }], null)
    const ids = await pool.query<{ id: string }>('SELECT id::text FROM ledger_accounts WHERE key = ANY($1) ORDER BY key', [[accountKey(a), accountKey(b)]])
    const raw = (postings: { accountId: string; amount: number }[]) => pool.query('SELECT * FROM ledger_post_entries($1::jsonb)',
      [JSON.stringify([{ key: s.key(`raw-${postings.length}`), kind: 'x', memo: 'x', brand: s.brand, postings: postings.map((p) => ({ ...p, currency: 'USD' })) }])])
    await assert.rejects(raw([{ accountId: ids.rows[0]!.id, amount: 100 }, { accountId: ids.rows[1]!.id, amount: -99 }]),
      (err: { code?: string; message?: string }) => err.code === '23514' && /unbalanced/.test(err.message ?? ''))
    await assert.rejects(raw([{ accountId: ids.rows[0]!.id, amount: 100 }]), (err: { code?: string }) => err.code === '23514')
    await assert.rejects(raw([]), (err: { code?: string; message?: string }) => err.code === '23514' && /no postings/.test(err.message ?? ''))
    assert.equal(await reads.entry(s.key('bad')), null)
    assert.equal((await reads.balances([accountKey(a)])).get(accountKey(a))?.balance, 1)
  })

  it('refuses an overdraft of an account that forbids it, even inside a batch, posting nothing of the batch', async () => {
    const s = scope()
    const clearing = s.ref('processorClearing', 'verotel'), wallet = s.ref('fanWallet', 'fan-2'), creator = s.ref('creatorPending', 'c2')
    await store.postEntries([{ idempotencyKey: s.key('load'), kind: 'load', memo: 'load', brand: s.brand, postings: s.transfer(clearing, wallet, 1000) }], null)
    await assert.rejects(store.postEntries([
      { idempotencyKey: s.key('spend-1'), kind: 'ppv', memo: 'ok alone', brand: s.brand, postings: s.transfer(wallet, creator, 600) },
      { idempotencyKey: s.key('spend-2'), kind: 'ppv', memo: 'too much', brand: s.brand, postings: s.transfer(wallet, creator, 600) },
    ], null), isLedgerError(LEDGER_REFUSALS.insufficientFunds))
    assert.equal(await reads.entry(s.key('spend-1')), null)
    assert.equal((await reads.balances([accountKey(wallet)])).get(accountKey(wallet))?.balance, -1000)
  })

  it('journal entries and postings cannot be updated, deleted or added to later', async () => {
    const s = scope()
    const [e] = await store.postEntries([{ idempotencyKey: s.key('e'), kind: 'x', memo: 'x', brand: s.brand,
      postings: s.transfer(s.ref('processorClearing', 'ccbill'), s.ref('platformRevenue'), 100) }], null)
    for (const sql of [`UPDATE journal_entries SET memo = 'changed' WHERE id = ${e!.entryId}`, `DELETE FROM postings WHERE entry_id = ${e!.entryId}`,
      `DELETE FROM journal_entries WHERE id = ${e!.entryId}`, 'TRUNCATE postings CASCADE']) {
      await assert.rejects(pool.query(sql), (err: { code?: string }) => err.code === '42501', sql)
    }
    const account = await pool.query('SELECT id FROM ledger_accounts WHERE key = $1', [accountKey(s.ref('platformRevenue'))])
    await assert.rejects(pool.query('INSERT INTO postings (entry_id, account_id, amount, currency) VALUES ($1, $2, 5, $3)',
      [e!.entryId, account.rows[0].id, 'USD']), (err: { code?: string }) => err.code === '42501')
  })

  it('two-phase transfers reserve, then post once or void once; an expired one cannot be posted', async () => {
    const s = scope()
    const clearing = s.ref('processorClearing', 'ccbill'), wallet = s.ref('fanWallet', 'fan-3'), creator = s.ref('creatorPending', 'c3')
    await store.postEntries([{ idempotencyKey: s.key('load'), kind: 'load', memo: 'load', brand: s.brand, postings: s.transfer(clearing, wallet, 1000) }], null)
    const hold = { kind: 'hold', memo: 'hold', brand: s.brand, postings: s.transfer(wallet, creator, 700), expiresAt: new Date(Date.now() + 60_000).toISOString() }
    await store.createPending({ ...hold, idempotencyKey: s.key('hold-1') }, null)
    // the reservation counts against the wallet: a second hold of 700 would overdraw it
    await assert.rejects(store.createPending({ ...hold, idempotencyKey: s.key('hold-2') }, null), isLedgerError(LEDGER_REFUSALS.insufficientFunds))
    const posted = await store.resolvePending(s.key('hold-1'), 'post', s.key('hold-1:post'), null)
    assert.equal(posted.status, 'POSTED')
    assert.deepEqual(await store.resolvePending(s.key('hold-1'), 'post', s.key('hold-1:post'), null), posted)
    assert.deepEqual(await store.resolvePending(s.key('hold-1'), 'void', s.key('hold-1:void'), null), posted, 'first outcome wins')
    const b = (await reads.balances([accountKey(wallet)])).get(accountKey(wallet))
    assert.deepEqual([b?.balance, b?.pendingDebits, b?.pendingCredits], [-300, 0, 0])

    await store.createPending({ ...hold, postings: s.transfer(wallet, creator, 200), idempotencyKey: s.key('hold-3') }, null)
    assert.equal((await store.resolvePending(s.key('hold-3'), 'void', s.key('hold-3:void'), null)).status, 'VOIDED')
    await store.createPending({ ...hold, postings: s.transfer(wallet, creator, 100), idempotencyKey: s.key('hold-4'), expiresAt: new Date(Date.now() - 1000).toISOString() }, null)
    assert.deepEqual(await store.resolvePending(s.key('hold-4'), 'post', s.key('hold-4:post'), null), { status: 'EXPIRED', entryId: null })
    const after = (await reads.balances([accountKey(wallet)])).get(accountKey(wallet))
    assert.deepEqual([after?.balance, after?.pendingDebits], [-300, 0])
    await assert.rejects(store.resolvePending(s.key('nope'), 'post', s.key('nope:post'), null), isLedgerError(LEDGER_REFUSALS.unknownTransfer))
  })

  it('gives the balance of an account at any past time', async () => {
    const s = scope()
    const a = s.ref('processorClearing', 'ccbill'), b = s.ref('platformRevenue')
    await store.postEntries([{ idempotencyKey: s.key('1'), kind: 'x', memo: 'x', brand: s.brand, postings: s.transfer(a, b, 100) }], null)
    const between = new Date()
    await new Promise((r) => setTimeout(r, 20))
    await store.postEntries([{ idempotencyKey: s.key('2'), kind: 'x', memo: 'x', brand: s.brand, postings: s.transfer(a, b, 50) }], null)
    assert.equal(await reads.balanceAt(accountKey(b), between), -100)
    assert.equal(await reads.balanceAt(accountKey(b), new Date()), -150)
    assert.equal(await reads.balanceAt(accountKey(b), new Date(0)), 0)
  })
})
