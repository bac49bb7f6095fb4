import assert from 'node:assert/strict'
import { planTierChange, type TierChangeRequest } from './proration.ts'

const usd = (amount: number) => ({ amount, currency: 'USD' as const })
// April 2026: 30 days = 2,592,000 s
const period = { start: '2026-04-01T00:00:00Z', end: '2026-05-01T00:00:00Z' }
const basic = { tierId: 'basic', rank: 1, price: usd(999) }
const vip = { tierId: 'vip', rank: 2, price: usd(1999) }
const request = (o: Partial<TierChangeRequest> = {}): TierChangeRequest => ({ from: basic, to: vip, period, now: period.start, ...o })

describe('tier change proration', () => {
  const upgrades: [what: string, r: TierChangeRequest, expected: { remaining: number; credit: number; charge: number; due: number; waived: boolean }][] = [
    ['at the start of the period', request(), { remaining: 2_592_000, credit: 999, charge: 1999, due: 1000, waived: false }],
    ['half way: 4.995 and 9.995 credit/charge round half-even to 5.00 and 10.00',
      request({ now: '2026-04-16T00:00:00Z' }), { remaining: 1_296_000, credit: 500, charge: 1000, due: 500, waived: false }],
    ['with two thirds left: 6.66 credit, 13.326... charge rounds to 13.33', request({ now: '2026-04-11T00:00:00Z' }),
      { remaining: 1_728_000, credit: 666, charge: 1333, due: 667, waived: false }],
    ['with milliseconds, counted in whole seconds', request({ now: '2026-04-16T00:00:00.999Z' }),
      { remaining: 1_295_999, credit: 499, charge: 999, due: 500, waived: false }],
    ['an hour before renewal: 0.02 is under the processor minimum and waived', request({ now: '2026-04-30T23:00:00Z' }),
      { remaining: 3600, credit: 1, charge: 3, due: 0, waived: true }],
    ['an hour before renewal where the processor takes any amount', request({ now: '2026-04-30T23:00:00Z', processorMinimum: 1 }),
      { remaining: 3600, credit: 1, charge: 3, due: 2, waived: false }],
    ['from a discounted price paid above the new tier price: nothing due, nothing back',
      request({ from: { ...basic, price: usd(2500) } }), { remaining: 2_592_000, credit: 2500, charge: 1999, due: 0, waived: false }],
  ]
  for (const [what, r, e] of upgrades) {
    it(`upgrades ${what}`, () => assert.deepEqual(planTierChange(r), {
      kind: 'upgrade', effectiveAt: new Date(r.now).toISOString(), currency: 'USD', secondsRemaining: e.remaining,
      secondsInPeriod: 2_592_000, credit: e.credit, charge: e.charge, amountDue: e.due, waived: e.waived, nextRenewal: vip.price,
    }))
  }

  for (const now of [period.start, '2026-04-20T13:14:15Z', '2026-04-30T23:59:59Z']) {
    it(`downgrades at ${now} from the end of the period, without a refund`, () =>
      assert.deepEqual(planTierChange(request({ from: vip, to: basic, now })), {
        kind: 'downgrade', effectiveAt: '2026-05-01T00:00:00.000Z', currency: 'USD', amountDue: 0, refund: 0, nextRenewal: basic.price,
      }))
  }

  it('refuses a move to the same tier', () =>
    assert.deepEqual(planTierChange(request({ to: basic })), { ok: false, code: 'TIER_UNCHANGED', message: 'You are already on this tier.' }))

  const invalid: [what: string, r: TierChangeRequest, code: string][] = [
    ['at the end of the period', request({ now: period.end }), 'INVALID_TIME'],
    ['before the period', request({ now: '2026-03-31T23:59:59Z' }), 'INVALID_TIME'],
    ['between currencies', request({ to: { ...vip, price: { amount: 1999, currency: 'EUR' } } }), 'CURRENCY_MISMATCH'],
  ]
  for (const [what, r, code] of invalid) {
    it(`refuses a change ${what} with ${code}`, () => assert.throws(() => planTierChange(r), { name: 'SubscriptionError', code }))
  }
})
