import assert from 'node:assert/strict'
import type { Plan } from './catalog.ts'
import { dryRun, type PriceChange, type PriceChangeLine, type PricedSubscription, type UnchangedReason } from './price-change.ts'

const usd = (amount: number) => ({ amount, currency: 'USD' as const })
const plan = (basic: number, bundles: Plan['bundles'] = [{ months: 3, discountBps: 1000 }, { months: 12, discountBps: 2000 }]): Plan => ({
  id: 'plan-1', creatorId: 'creator-1', brand: 'girlfanz', currency: 'USD', trialDays: 0, bundles,
  tiers: [{ id: 'basic', rank: 1, name: 'Basic', monthlyPrice: basic }, { id: 'vip', rank: 2, name: 'VIP', monthlyPrice: 2999 }],
})
const sub = (id: string, anchor: string, amount: number, o: Partial<PricedSubscription> = {}): PricedSubscription => ({
  id, planId: 'plan-1', tierId: 'basic', schedule: { anchor, periodMonths: 1 }, amount: usd(amount), status: 'active', cancelAtPeriodEnd: false, ...o,
})
const now = '2026-06-10T00:00:00Z' // 30 days' notice ends 2026-07-10T00:00:00Z
const iso = (s: string) => new Date(s).toISOString()

describe('price change for existing subscribers', () => {
  const raise: PriceChange = { plan: plan(1299), tierId: 'basic' }
  const cases: [what: string, s: PricedSubscription, change: PriceChange, expected: Omit<PriceChangeLine, 'subscriptionId'> | UnchangedReason][] = [
    ['monthly, renewing on the 15th: the first renewal after the notice', sub('s1', '2026-01-15T08:00:00Z', 999), raise,
      { oldAmount: usd(999), newAmount: usd(1299), effectiveAt: iso('2026-07-15T08:00:00Z'), direction: 'increase' }],
    ['renewing the instant the notice ends', sub('s2', '2026-01-10T00:00:00Z', 999), raise,
      { oldAmount: usd(999), newAmount: usd(1299), effectiveAt: iso('2026-07-10T00:00:00Z'), direction: 'increase' }],
    ['renewing a second before the notice ends: a month later', sub('s3', '2026-01-09T23:59:59Z', 999), raise,
      { oldAmount: usd(999), newAmount: usd(1299), effectiveAt: iso('2026-08-09T23:59:59Z'), direction: 'increase' }],
    ['anchored on the 31st: July 31, not a drifted 30th', sub('s4', '2026-01-31T00:00:00Z', 999), raise,
      { oldAmount: usd(999), newAmount: usd(1299), effectiveAt: iso('2026-07-31T00:00:00Z'), direction: 'increase' }],
    ['quarterly: the bundle price follows, 3 x 12.99 at 10 % off = 35.073', sub('s5', '2026-05-01T00:00:00Z', 2697,
      { schedule: { anchor: '2026-05-01T00:00:00Z', periodMonths: 3 } }), raise,
    { oldAmount: usd(2697), newAmount: usd(3507), effectiveAt: iso('2026-08-01T00:00:00Z'), direction: 'increase' }],
    ['with 60 days of notice', sub('s6', '2026-01-15T08:00:00Z', 999), { ...raise, noticeDays: 60 },
      { oldAmount: usd(999), newAmount: usd(1299), effectiveAt: iso('2026-08-15T08:00:00Z'), direction: 'increase' }],
    ['a decrease: the next renewal, without notice', sub('s7', '2026-01-15T08:00:00Z', 1499), raise,
      { oldAmount: usd(1499), newAmount: usd(1299), effectiveAt: iso('2026-06-15T08:00:00Z'), direction: 'decrease' }],
    ['past due: still renews, so still told', sub('s8', '2026-01-15T08:00:00Z', 999, { status: 'past_due' }), raise,
      { oldAmount: usd(999), newAmount: usd(1299), effectiveAt: iso('2026-07-15T08:00:00Z'), direction: 'increase' }],
    ['on another tier', sub('s9', '2026-01-15T08:00:00Z', 2999, { tierId: 'vip' }), raise, 'other-tier'],
    ['on another plan', sub('s10', '2026-01-15T08:00:00Z', 999, { planId: 'plan-2' }), raise, 'other-tier'],
    ['cancelling at period end', sub('s11', '2026-01-15T08:00:00Z', 999, { cancelAtPeriodEnd: true }), raise, 'ending'],
    ['cancelled', sub('s12', '2026-01-15T08:00:00Z', 999, { status: 'cancelled' }), raise, 'ending'],
    ['already at the new price', sub('s13', '2026-01-15T08:00:00Z', 1299), raise, 'same-price'],
    ['on a 6-month bundle the plan no longer sells', sub('s14', '2026-01-15T08:00:00Z', 5094,
      { schedule: { anchor: '2026-01-15T08:00:00Z', periodMonths: 6 } }), raise, 'bundle-withdrawn'],
  ]
  for (const [what, s, change, expected] of cases) {
    it(`${what}: ${typeof expected === 'string' ? expected : `${expected.direction} from ${expected.effectiveAt}`}`, () => {
      const got = dryRun([s], change, now)
      assert.ok(got.ok)
      if (typeof expected === 'string') {
        assert.deepEqual(got.changes, [])
        assert.deepEqual(got.unchanged, [{ subscriptionId: s.id, reason: expected }])
      } else {
        assert.deepEqual(got.changes, [{ subscriptionId: s.id, ...expected }])
        assert.deepEqual(got.unchanged, [])
      }
    })
  }

  it('reports every subscription once, with the end of the notice', () => {
    const subs = cases.map(([, s]) => s)
    const got = dryRun(subs, raise, now)
    assert.ok(got.ok)
    assert.equal(got.noticeEndsAt, iso('2026-07-10T00:00:00Z'))
    assert.deepEqual([...got.changes.map((c) => c.subscriptionId), ...got.unchanged.map((u) => u.subscriptionId)].sort(), subs.map((s) => s.id).sort())
  })

  it('refuses a new price outside the brand limits, or above a higher tier', () => {
    const refusal = (basic: number) => {
      const got = dryRun([sub('s1', '2026-01-15T08:00:00Z', 999)], { plan: plan(basic), tierId: 'basic' }, now)
      return got.ok ? null : got.code
    }
    assert.equal(refusal(5000), 'PLAN_OUT_OF_RANGE')
    assert.equal(refusal(498), 'PLAN_OUT_OF_RANGE')
    assert.equal(refusal(2999), 'PLAN_BAD_TIERS')
  })

  it('refuses a subscription billed in another currency than the plan', () =>
    assert.throws(() => dryRun([sub('s1', '2026-01-15T08:00:00Z', 999, { amount: { amount: 999, currency: 'EUR' } })], raise, now),
      { name: 'SubscriptionError', code: 'CURRENCY_MISMATCH' }))
})
