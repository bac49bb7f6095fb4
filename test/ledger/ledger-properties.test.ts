import assert from 'node:assert/strict'
import fc from 'fast-check'
import type pg from 'pg'
import { accountKey, type AccountRef } from '../../domain/ledger/accounts.ts'
import { createLedgerReads } from '../../activities/ledger/reads.ts'
import { createLedgerStore, LedgerRefusal } from '../../activities/ledger/store.ts'
import { newPool, scope } from './support.ts'

type Op =
  | { type: 'transfer'; from: number; to: number; amount: number }
  | { type: 'hold'; from: number; to: number; amount: number; then: 'post' | 'void' | 'leave' }
  | { type: 'replay'; of: number }

const FANS = 4
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ type: fc.constant('transfer' as const), from: fc.nat(FANS), to: fc.nat(FANS), amount: fc.integer({ min: 1, max: 3000 }) }),
  fc.record({ type: fc.constant('hold' as const), from: fc.nat(FANS), to: fc.nat(FANS), amount: fc.integer({ min: 1, max: 3000 }),
    then: fc.constantFrom('post' as const, 'void' as const, 'leave' as const) }),
  fc.record({ type: fc.constant('replay' as const), of: fc.nat(40) }),
)

describe('ledger properties over random operation sequences and concurrent writers (real PostgreSQL)', function () {
  this.timeout(240_000)
  let pool: pg.Pool
  let store: ReturnType<typeof createLedgerStore>
  let reads: ReturnType<typeof createLedgerReads>
  before(() => { pool = newPool(16); store = createLedgerStore(pool); reads = createLedgerReads(pool) })
  after(() => pool.end())

  it('matches a model: trial balance zero, no forbidden negative balance, replayed keys post nothing', async () => {
    await fc.assert(fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 40 }), async (ops) => {
      const s = scope()
      // account 0 is the processor (may go negative); 1..FANS are fan wallets that may not
      const accounts: AccountRef[] = [s.ref('processorClearing', 'ccbill'), ...Array.from({ length: FANS }, (_, i) => s.ref('fanWallet', `fan-${i}`))]
      const model = new Map<string, { balance: number; reserved: number }>(accounts.map((a) => [accountKey(a), { balance: 0, reserved: 0 }]))
      const allowed = (idx: number, debit: number) => {
        const m = model.get(accountKey(accounts[idx]!))!
        return idx === 0 || -(m.balance + debit) - m.reserved >= 0
      }
      const keys: string[] = []
      for (const [i, o] of ops.entries()) {
        if (o.type === 'replay') {
          const key = keys[o.of % Math.max(keys.length, 1)]
          if (!key) continue
          const [again] = await store.postEntries([{ idempotencyKey: key, kind: 'x', memo: 'replay', brand: s.brand, postings: s.transfer(accounts[1]!, accounts[0]!, 1) }], null)
          assert.equal(again?.created, false)
          continue
        }
        if (o.from === o.to) continue
        const postings = s.transfer(accounts[o.from]!, accounts[o.to]!, o.amount)
        const ok = allowed(o.from, o.amount)
        const key = s.key(`op-${i}`)
        const attempt = o.type === 'transfer'
          ? store.postEntries([{ idempotencyKey: key, kind: 'transfer', memo: 't', brand: s.brand, postings }], null)
          : store.createPending({ idempotencyKey: key, kind: 'hold', memo: 'h', brand: s.brand, postings, expiresAt: new Date(Date.now() + 600_000).toISOString() }, null)
        const outcome = await attempt.then(() => true, (err: unknown) => { if (err instanceof LedgerRefusal) return false; throw err })
        assert.equal(outcome, ok, `op ${i} ${JSON.stringify(o)} expected ${ok ? 'accepted' : 'refused'}`)
        if (!ok) continue
        const from = model.get(accountKey(accounts[o.from]!))!, to = model.get(accountKey(accounts[o.to]!))!
        if (o.type === 'transfer') {
          from.balance += o.amount; to.balance -= o.amount
          keys.push(key)
        } else if (o.then === 'leave') {
          from.reserved += o.amount
        } else {
          const r = await store.resolvePending(key, o.then, `${key}:${o.then}`, null)
          assert.equal(r.status, o.then === 'post' ? 'POSTED' : 'VOIDED')
          if (o.then === 'post') { from.balance += o.amount; to.balance -= o.amount; keys.push(`${key}:${o.then}`) }
        }
      }
      const db = await reads.balances([...model.keys()])
      for (const [key, m] of model) assert.equal(db.get(key)?.balance ?? 0, m.balance, key)
    }), { numRuns: 25 })
    for (const row of await reads.trialBalance()) assert.equal(row.net, 0, `${row.currency} books do not balance`)
    assert.deepEqual(await reads.driftedAccounts(), [])
  })

  it('concurrent writers (16 connections, crossing transfers) never overdraw, deadlock or unbalance the books', async () => {
    // eight writers have a store each (as eight worker processes would: a transaction each at the database); the
    // other eight share one store, which groups their calls and must split refusals back to the right caller
    const shared = createLedgerStore(pool)
    const stores = Array.from({ length: 16 }, (_, i) => (i < 8 ? createLedgerStore(pool) : shared))
    const s = scope()
    const processor = s.ref('processorClearing', 'segpay')
    const wallets = Array.from({ length: 6 }, (_, i) => s.ref('fanWallet', `fan-${i}`))
    await store.postEntries(wallets.map((w, i) => ({ idempotencyKey: s.key(`load-${i}`), kind: 'load', memo: 'load', brand: s.brand,
      postings: s.transfer(processor, w, 2_000) })), null)
    let refused = 0
    let accepted = 0
    await Promise.all(Array.from({ length: 16 }, async (_, worker) => {
      for (let n = 0; n < 40; n++) {
        const a = wallets[(worker + n) % 6]!, b = wallets[(worker * 7 + n * 3 + 1) % 6]!, c = wallets[(worker * 5 + n + 2) % 6]!
        if (a === b || b === c) continue
        // a batch chains a -> b -> c, touching accounts in a different order in each worker: the ledger must lock
        // them in one fixed order, and the money drains unevenly so some batches must be refused
        const entries = [[a, b], [b, c]].map(([from, to], k) => ({ idempotencyKey: s.key(`w${worker}-${n}-${k}`), kind: 'transfer',
          memo: 'c', brand: s.brand, postings: s.transfer(from!, to!, 700 + ((worker * 31 + n * 17 + k * 5) % 900)) }))
        await stores[worker]!.postEntries(entries, null).then(() => { accepted++ }, (err: unknown) => {
          if (err instanceof LedgerRefusal) refused++
          else throw err
        })
      }
    }))
    const balances = await reads.balances(wallets.map(accountKey))
    for (const w of wallets) assert.ok(balances.get(accountKey(w))!.balance <= 0, `${accountKey(w)} overdrawn`)
    const total = wallets.reduce((sum, w) => sum + balances.get(accountKey(w))!.balance, 0)
    assert.equal(total, -12_000, 'transfers between wallets conserve money')
    assert.ok(accepted > 0 && refused > 0, `accepted ${accepted}, refused ${refused}: both paths must run`)
    for (const row of await reads.trialBalance()) assert.equal(row.net, 0)
    assert.deepEqual(await reads.driftedAccounts(), [])
    console.log(`      ${accepted} batches accepted, ${refused} refused for insufficient funds`)
  })
})
