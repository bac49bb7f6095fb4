import assert from 'node:assert/strict'
import {approvalNeeded, type ApprovalInput, type ApprovalReason } from './approval.ts'

const T = 500_000

describe('payout approval', () => {
  const cases: [name: string, input: ApprovalInput, reason: ApprovalReason | null][] = [
    ['an ordinary payout', { amount: 40_000, threshold: T, history: [30_000, 45_000, 38_000] }, null],
    ['exactly the threshold', { amount: T, threshold: T, history: [400_000, 450_000, 480_000] }, null],
    ['one unit above the threshold', { amount: T + 1, threshold: T, history: [400_000, 450_000, 480_000] }, 'ABOVE_THRESHOLD'],
    ['above the threshold wins over unusual', { amount: 900_000, threshold: T, history: [1000, 1000, 1000] }, 'ABOVE_THRESHOLD'],
    ['more than 3x the median of three', { amount: 90_001, threshold: T, history: [30_000, 10, 100_000] }, 'UNUSUAL_AMOUNT'],
    ['exactly 3x the median is not unusual', { amount: 90_000, threshold: T, history: [30_000, 10, 100_000] }, null],
    ['even count: the median is the mean of the middle two', { amount: 75_001, threshold: T, history: [20_000, 30_000, 10, 90_000] },
      'UNUSUAL_AMOUNT'],
    ['even count at exactly 3x the middle mean', { amount: 75_000, threshold: T, history: [20_000, 30_000, 10, 90_000] }, null],
    ['a small creator growing fast is not flagged', { amount: 10_000, threshold: T, history: [500, 600, 700] }, null],
    ['just above the floor is flagged', { amount: 10_001, threshold: T, history: [500, 600, 700] }, 'UNUSUAL_AMOUNT'],
    ['two past payouts are too few to compare', { amount: 200_000, threshold: T, history: [1000, 1000] }, null],
    ['a large first payout', { amount: 250_001, threshold: T, history: [] }, 'FIRST_LARGE_PAYOUT'],
    ['a first payout of exactly half the threshold', { amount: 250_000, threshold: T, history: [] }, null],
    ['a large second payout is judged by neither rule', { amount: 400_000, threshold: T, history: [1000] }, null],
  ]
  for (const [name, input, reason] of cases) {
    it(`${name} -> ${reason ?? 'no approval'}`, () => {
      const need = approvalNeeded(input)
      assert.equal(need?.reason ?? null, reason)
      if (need) assert.match(need.detail, /^The .*\.$/)
    })
  }

  it('explains an unusual amount with the median', () => assert.equal(
    approvalNeeded({ amount: 300_000, threshold: T, history: [50_000, 60_000, 70_000, 1000], currency: 'EUR' })?.detail,
    "The payout of 3000.00 EUR is more than 3 times the creator's usual payout (median 550.00 EUR over the last 4)."))

  const bad: [name: string, input: ApprovalInput][] = [
    ['a fractional amount', { amount: 1.5, threshold: T, history: [] }],
    ['a negative threshold', { amount: 1, threshold: -1, history: [] }],
    ['a negative past payout', { amount: 1, threshold: T, history: [-5] }],
  ]
  for (const [name, input] of bad) {
    it(`refuses ${name}`, () => assert.throws(() => approvalNeeded(input), { name: 'PayoutError', code: 'INVALID_AMOUNT' }))
  }
})
