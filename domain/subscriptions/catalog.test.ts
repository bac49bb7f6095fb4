import assert from 'node:assert/strict'
import { BRAND_SLUGS } from '../brands.ts'
import { CURRENCIES, type Currency } from '../money.ts'
import {
  BRAND_PRICE_LIMITS, periodPrice, priceLimits, tierChange, validatePlan, type Plan, type PlanRefusalCode,
} from './catalog.ts'

const plan = (o: Partial<Plan> = {}): Plan => ({
  id: 'plan-1', creatorId: 'creator-1', brand: 'girlfanz', currency: 'USD', trialDays: 7,
  tiers: [{ id: 'basic', rank: 1, name: 'Basic', monthlyPrice: 999 }, { id: 'vip', rank: 2, name: 'VIP', monthlyPrice: 1999 }],
  bundles: [{ months: 3, discountBps: 1000 }, { months: 6, discountBps: 1500 }, { months: 12, discountBps: 2500 }],
  ...o,
})
const tier = (monthlyPrice: number, rank = 1, id = 'basic') => ({ id, rank, name: id, monthlyPrice })

describe('subscription catalog', () => {
  it('has price limits for exactly the nine brands, each inside the currency purchase band', () => {
    assert.deepEqual(Object.keys(BRAND_PRICE_LIMITS).sort(), [...BRAND_SLUGS].sort())
    for (const brand of BRAND_SLUGS) {
      for (const [currency, limits] of Object.entries(BRAND_PRICE_LIMITS[brand]) as [Currency, { floor: number; ceiling: number }][]) {
        assert.ok(limits.floor >= CURRENCIES[currency].minPurchase && limits.floor < limits.ceiling, `${brand} ${currency}`)
      }
    }
    assert.equal(priceLimits('boyfanz', 'USDC'), null)
  })

  const plans: [what: string, p: Plan, code: PlanRefusalCode | null][] = [
    ['a two-tier plan with bundles and a trial', plan(), null],
    ['a price at the brand floor', plan({ tiers: [tier(499)] }), null],
    ['a price at the brand ceiling', plan({ tiers: [tier(4999)] }), null],
    ['a price under the floor', plan({ tiers: [tier(498)] }), 'PLAN_OUT_OF_RANGE'],
    ['a price over the ceiling', plan({ tiers: [tier(999), tier(5000, 2, 'vip')] }), 'PLAN_OUT_OF_RANGE'],
    ['$2.99 on the short-video brand', plan({ brand: 'fanzcock', tiers: [tier(299)] }), null],
    ['$2.99 on a standard brand', plan({ brand: 'boyfanz', tiers: [tier(299)] }), 'PLAN_OUT_OF_RANGE'],
    ['$4.99 on the stricter-gated brand', plan({ brand: 'taboofanz', tiers: [tier(499)] }), 'PLAN_OUT_OF_RANGE'],
    ['$99.99 on a premium brand', plan({ brand: 'cougarfanz', tiers: [tier(9999)], bundles: [] }), null],
    ['a yearly bundle over the largest single charge ($1199.88)',
      plan({ brand: 'cougarfanz', tiers: [tier(9999)], bundles: [{ months: 12, discountBps: 0 }] }), 'PLAN_OUT_OF_RANGE'],
    ['a yearly bundle discounted under the largest single charge ($959.90)',
      plan({ brand: 'cougarfanz', tiers: [tier(9999)], bundles: [{ months: 12, discountBps: 2000 }] }), null],
    ['¥1500 on a standard brand', plan({ currency: 'JPY', tiers: [tier(1500)] }), null],
    ['a currency the brand does not sell in', plan({ currency: 'USDC', tiers: [tier(5_000_000)] }), 'PLAN_CURRENCY_NOT_OFFERED'],
    ['an unknown brand', plan({ brand: 'otherfanz' as Plan['brand'] }), 'PLAN_UNKNOWN_BRAND'],
    ['no tiers', plan({ tiers: [] }), 'PLAN_NO_TIERS'],
    ['two tiers of one rank', plan({ tiers: [tier(999), tier(1999, 1, 'vip')] }), 'PLAN_BAD_TIERS'],
    ['a higher rank that costs less', plan({ tiers: [tier(1999), tier(999, 2, 'vip')] }), 'PLAN_BAD_TIERS'],
    ['a higher rank that costs the same', plan({ tiers: [tier(999), tier(999, 2, 'vip')] }), 'PLAN_BAD_TIERS'],
    ['a tier id used twice', plan({ tiers: [tier(999), tier(1999, 2)] }), 'PLAN_BAD_TIERS'],
    ['a price in fractions of a cent', plan({ tiers: [tier(999.5)] }), 'PLAN_BAD_TIERS'],
    ['a 2-month bundle', plan({ bundles: [{ months: 2 as 3, discountBps: 0 }] }), 'PLAN_BAD_BUNDLE'],
    ['a bundle listed twice', plan({ bundles: [{ months: 3, discountBps: 0 }, { months: 3, discountBps: 500 }] }), 'PLAN_BAD_BUNDLE'],
    ['a bundle at 50 % off', plan({ bundles: [{ months: 12, discountBps: 5000 }] }), null],
    ['a bundle over 50 % off', plan({ bundles: [{ months: 12, discountBps: 5001 }] }), 'PLAN_BAD_BUNDLE'],
    ['a 30-day trial', plan({ trialDays: 30 }), null],
    ['a 31-day trial', plan({ trialDays: 31 }), 'PLAN_BAD_TRIAL'],
    ['a negative trial', plan({ trialDays: -1 }), 'PLAN_BAD_TRIAL'],
  ]
  for (const [what, p, code] of plans) {
    it(`${what}: ${code ?? 'valid'}`, () => {
      const got = validatePlan(p)
      assert.equal(got.ok ? null : got.code, code)
      if (!got.ok) assert.ok(got.message.length > 0)
    })
  }

  const prices: [what: string, p: Plan, months: number, amount: number][] = [
    ['monthly is the tier price', plan(), 1, 999],
    ['3 months at 10 % off 29.97 rounds 26.973 to 26.97', plan(), 3, 2697],
    ['12 months at 25 % off 119.88', plan(), 12, 8991],
    ['6 x 10.05 at 25 % off is 45.225 (x.5 cents: half-even down to 45.22)',
      plan({ tiers: [tier(1005)], bundles: [{ months: 6, discountBps: 2500 }] }), 6, 4522],
    ['6 x 10.15 at 25 % off is 45.675 (x.5 cents: half-even up to 45.68)',
      plan({ tiers: [tier(1015)], bundles: [{ months: 6, discountBps: 2500 }] }), 6, 4568],
    ['12 x 4.99 at 50 % off would be 29.94, held at the floor 12 x 4.99',
      plan({ tiers: [tier(499)], bundles: [{ months: 12, discountBps: 5000 }] }), 12, 5988],
    ['12 x 5.99 at 20 % off would be 57.50, held at the floor 12 x 4.99 = 59.88',
      plan({ tiers: [tier(599)], bundles: [{ months: 12, discountBps: 2000 }] }), 12, 5988],
    ['12 x 7.99 at 20 % off is 76.704, above the floor', plan({ tiers: [tier(799)], bundles: [{ months: 12, discountBps: 2000 }] }), 12, 7670],
  ]
  for (const [what, p, months, amount] of prices) {
    it(`price: ${what}`, () => assert.deepEqual(periodPrice(p, 'basic', months), { amount, currency: 'USD' }))
  }

  it('refuses a bundle the plan does not offer and an unknown tier', () => {
    assert.throws(() => periodPrice(plan({ bundles: [] }), 'basic', 3), { name: 'SubscriptionError', code: 'INVALID_PERIOD' })
    assert.throws(() => periodPrice(plan(), 'gold', 1), { name: 'SubscriptionError', code: 'UNKNOWN_TIER' })
  })

  const changes: [from: string, to: string, kind: ReturnType<typeof tierChange>][] = [
    ['basic', 'vip', 'upgrade'], ['vip', 'basic', 'downgrade'], ['vip', 'vip', 'same'],
  ]
  for (const [from, to, kind] of changes) it(`${from} -> ${to} is a ${kind}`, () => assert.equal(tierChange(plan(), from, to), kind))
})
