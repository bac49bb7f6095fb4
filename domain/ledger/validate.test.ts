import assert from 'node:assert/strict'
import type { AccountKind, Posting } from './accounts.ts'
import { assertBalanced, sumsByCurrency, type LedgerErrorCode } from './validate.ts'

const p = (kind: AccountKind, currency: string, amount: number): Posting =>
  ({ account: { kind, brand: 'girlfanz', currency, owner: null }, amount })

describe('entry balance', () => {
  const cases: [name: string, postings: Posting[], error: LedgerErrorCode | null][] = [
    ['debit equals credit', [p('processorClearing', 'USD', 100), p('platformRevenue', 'USD', -100)], null],
    ['balanced in each of two currencies', [p('processorClearing', 'USD', 100), p('platformRevenue', 'USD', -100),
      p('processorClearing', 'EUR', 7), p('platformRevenue', 'EUR', -7)], null],
    ['three-way split', [p('processorClearing', 'JPY', 1000), p('creatorPending', 'JPY', -800),
      p('platformRevenue', 'JPY', -200)], null],
    ['extremes that only balance when summed exactly', [p('processorClearing', 'USD', Number.MAX_SAFE_INTEGER),
      p('processorFees', 'USD', Number.MAX_SAFE_INTEGER), p('platformRevenue', 'USD', -Number.MAX_SAFE_INTEGER),
      p('platformRevenue', 'USD', -Number.MAX_SAFE_INTEGER)], null],
    ['no postings', [], 'EMPTY'],
    ['off by one minor unit', [p('processorClearing', 'USD', 100), p('platformRevenue', 'USD', -99)], 'UNBALANCED'],
    ['balanced overall but not per currency', [p('processorClearing', 'USD', 100), p('platformRevenue', 'EUR', -100)],
      'UNBALANCED'],
    ['a fractional amount', [p('processorClearing', 'USD', 0.5), p('platformRevenue', 'USD', -0.5)], 'NON_INTEGER'],
    ['an unsafe amount', [p('processorClearing', 'USD', 2 ** 53), p('platformRevenue', 'USD', -(2 ** 53))], 'NON_INTEGER'],
    ['NaN', [p('processorClearing', 'USD', Number.NaN)], 'NON_INTEGER'],
  ]
  for (const [name, postings, error] of cases) {
    it(`${name}: ${error ?? 'balanced'}`, () => {
      if (error === null) assert.doesNotThrow(() => assertBalanced(postings))
      else assert.throws(() => assertBalanced(postings), { name: 'LedgerError', code: error })
    })
  }

  it('sums per currency', () => {
    assert.deepEqual(sumsByCurrency([p('processorClearing', 'USD', 5), p('processorClearing', 'EUR', -3),
      p('platformRevenue', 'USD', 2)]), new Map([['USD', 7n], ['EUR', -3n]]))
  })
})
