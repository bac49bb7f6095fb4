import assert from 'node:assert/strict'
import { accountKey, type AccountKind, type Posting } from './accounts.ts'
import {
  payoutReturnedTemplate, payoutSentTemplate, payoutSettledTemplate, receivableNettingTemplate, reserveHoldTemplate, reserveReleaseTemplate,
  type PayoutEntryInput, type PayoutTemplate,
} from './payout-templates.ts'
import { assertBalanced } from './validate.ts'

const input: PayoutEntryInput = { brand: 'boyfanz', currency: 'USD', creatorId: 'cr-1', amount: 12_345 }

type Row = [kind: AccountKind, owner: string | null, amount: number]
const rows = (postings: Posting[]): Row[] => postings.map((p) => [p.account.kind, p.account.owner, p.amount])
const netBalances = (...entries: Posting[][]) => {
  const sums = new Map<string, number>()
  for (const p of entries.flat()) sums.set(accountKey(p.account), (sums.get(accountKey(p.account)) ?? 0) + p.amount)
  return Object.fromEntries([...sums].filter(([, v]) => v !== 0))
}

const cases: [name: string, template: PayoutTemplate, expected: Row[], memo: RegExp][] = [
  ['payout sent', payoutSentTemplate, [['creatorAvailable', 'cr-1', 12_345], ['payoutsInTransit', 'cr-1', -12_345]], /sent/],
  ['payout settled', payoutSettledTemplate, [['payoutsInTransit', 'cr-1', 12_345], ['payoutsSettled', null, -12_345]], /settled/],
  ['payout returned', payoutReturnedTemplate, [['payoutsInTransit', 'cr-1', 12_345], ['creatorAvailable', 'cr-1', -12_345]], /returned/],
  ['reserve held', reserveHoldTemplate, [['creatorAvailable', 'cr-1', 12_345], ['reserves', 'cr-1', -12_345]], /held/],
  ['reserve released', reserveReleaseTemplate, [['reserves', 'cr-1', 12_345], ['creatorAvailable', 'cr-1', -12_345]], /released/],
  ['receivable netted', receivableNettingTemplate, [['creatorAvailable', 'cr-1', 12_345], ['creatorReceivable', 'cr-1', -12_345]], /netted/],
]

describe('payout ledger templates', () => {
  for (const [name, template, expected, memo] of cases) {
    it(name, () => {
      const e = template(input)
      assert.deepEqual(rows(e.postings), expected)
      assertBalanced(e.postings)
      assert.ok(e.postings.every((p) => p.account.brand === 'boyfanz' && p.account.currency === 'USD'))
      assert.match(e.memo, memo)
      assert.match(e.memo, /cr-1/)
    })
  }

  it('a returned payout carries its reason in the memo', () => {
    const e = payoutReturnedTemplate({ ...input, reason: '  R03 no account / unable to locate ' })
    assert.match(e.memo, /returned: R03 no account \/ unable to locate$/)
    assert.doesNotMatch(payoutReturnedTemplate({ ...input, reason: ' ' }).memo, /:\s*$/)
  })

  it('sent then settled leaves the money out of the platform and nothing in transit', () => {
    const postings = [payoutSentTemplate, payoutSettledTemplate].flatMap((t) => t(input).postings)
    assert.deepEqual(netBalances(postings), {
      'boyfanz:USD:creator_available:cr-1': 12_345, 'boyfanz:USD:payouts_settled': -12_345 })
  })

  const roundTrips: [name: string, out: PayoutTemplate, back: PayoutTemplate][] = [
    ['sent then returned', payoutSentTemplate, payoutReturnedTemplate],
    ['reserve held then released', reserveHoldTemplate, reserveReleaseTemplate],
  ]
  for (const [name, out, back] of roundTrips) {
    it(`${name} leaves every balance where it was`, () => assert.deepEqual(netBalances(out(input).postings, back(input).postings), {}))
  }

  const bad: [name: string, amount: number][] = [
    ['zero', 0], ['a negative amount', -1], ['a fractional amount', 10.5], ['an unsafe amount', 2 ** 53], ['NaN', Number.NaN],
  ]
  for (const [entryName, template] of cases) {
    for (const [name, amount] of bad) {
      it(`${entryName} refuses ${name} with INVALID_AMOUNT`, () =>
        assert.throws(() => template({ ...input, amount }), { name: 'LedgerError', code: 'INVALID_AMOUNT' }))
    }
  }
})
