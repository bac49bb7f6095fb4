import assert from 'node:assert/strict'
import { applyPromo, assertPromo, promoPrice, type Promo, type PromoRedemption, type PromoRefusalCode } from './promo.ts'

const promo = (o: Partial<Promo> = {}): Promo => ({
  code: 'SPRING25', planId: 'plan-1', tierIds: null, discount: { kind: 'percent', bps: 2500 }, cycles: 3,
  maxRedemptions: 100, oncePerFan: true, validFrom: '2026-03-01T00:00:00Z', validUntil: '2026-04-01T00:00:00Z', ...o,
})
const usd = (amount: number) => ({ amount, currency: 'USD' as const })
const redeem = (o: Partial<PromoRedemption> = {}): PromoRedemption => ({
  planId: 'plan-1', tierId: 'basic', price: usd(1000), now: '2026-03-15T12:00:00Z', redemptions: 10, fanHasRedeemed: false, ...o,
})

describe('promo codes', () => {
  const cases: [what: string, p: Promo, r: PromoRedemption, result: PromoRefusalCode | number][] = [
    ['25 % off 10.00', promo(), redeem(), 750],
    ['25 % off 10.10 is 2.525 off (half-even 2.52)', promo(), redeem({ price: usd(1010) }), 758],
    ['25 % off 10.30 is 2.575 off (half-even 2.58)', promo(), redeem({ price: usd(1030) }), 772],
    ['3.00 off', promo({ discount: { kind: 'amount', amount: usd(300) } }), redeem(), 700],
    ['20.00 off 10.00 stops at the processor minimum', promo({ discount: { kind: 'amount', amount: usd(2000) } }), redeem(), 100],
    ['100 % off stops at the processor minimum', promo({ discount: { kind: 'percent', bps: 10_000 } }), redeem(), 100],
    ['95 % off with a processor that takes 2.00 at least', promo({ discount: { kind: 'percent', bps: 9500 } }),
      redeem({ processorMinimum: 200 }), 200],
    ['100 % off where the processor takes 0 is free, never negative', promo({ discount: { kind: 'amount', amount: usd(5000) } }),
      redeem({ processorMinimum: 0 }), 0],
    ['on its first instant', promo(), redeem({ now: '2026-03-01T00:00:00Z' }), 750],
    ['before it starts', promo(), redeem({ now: '2026-02-28T23:59:59Z' }), 'PROMO_NOT_YET_VALID'],
    ['at its end', promo(), redeem({ now: '2026-04-01T00:00:00Z' }), 'PROMO_EXPIRED'],
    ['without an end, years later', promo({ validUntil: null }), redeem({ now: '2030-01-01T00:00:00Z' }), 750],
    ['with its last redemption left', promo(), redeem({ redemptions: 99 }), 750],
    ['used up', promo(), redeem({ redemptions: 100 }), 'PROMO_EXHAUSTED'],
    ['unlimited', promo({ maxRedemptions: null }), redeem({ redemptions: 1_000_000 }), 750],
    ['a second time by the same fan', promo(), redeem({ fanHasRedeemed: true }), 'PROMO_ALREADY_USED'],
    ['a second time where fans may reuse it', promo({ oncePerFan: false }), redeem({ fanHasRedeemed: true }), 750],
    ['on another plan', promo(), redeem({ planId: 'plan-2' }), 'PROMO_WRONG_PLAN'],
    ['on a tier it is not for', promo({ tierIds: ['vip'] }), redeem(), 'PROMO_WRONG_PLAN'],
    ['on a tier it is for', promo({ tierIds: ['basic', 'vip'] }), redeem(), 750],
    ['an amount in another currency', promo({ discount: { kind: 'amount', amount: { amount: 300, currency: 'EUR' } } }), redeem(),
      'PROMO_WRONG_PLAN'],
    ['on another plan and expired: the plan is reported', promo(), redeem({ planId: 'plan-2', now: '2027-01-01T00:00:00Z' }),
      'PROMO_WRONG_PLAN'],
    ['used by the fan and used up: the fan is told they used it', promo(), redeem({ fanHasRedeemed: true, redemptions: 100 }),
      'PROMO_ALREADY_USED'],
  ]
  for (const [what, p, r, result] of cases) {
    it(`${what} -> ${result}`, () => {
      const got = applyPromo(p, r)
      if (typeof result === 'string') assert.deepEqual(got.ok ? null : got.code, result)
      else assert.deepEqual(got, { ok: true, code: p.code, price: usd(result), discount: r.price.amount - result, cycles: p.cycles })
    })
  }

  const cycles: [what: string, p: Promo, amounts: number[]][] = [
    ['first 3 cycles', promo(), [750, 750, 750, 1000, 1000]],
    ['first cycle only', promo({ cycles: 1, discount: { kind: 'amount', amount: usd(500) } }), [500, 1000, 1000]],
    ['forever', promo({ cycles: null }), [750, 750, 750, 750, 750, 750]],
  ]
  for (const [what, p, amounts] of cycles) {
    it(`renewals of a promo for the ${what}: ${amounts.join(', ')}`, () =>
      assert.deepEqual(amounts.map((_, cycle) => promoPrice(p, usd(1000), cycle).amount), amounts))
  }

  it('keeps applying to renewals after the code stops being redeemable', () =>
    assert.equal(promoPrice(promo({ validUntil: '2026-03-02T00:00:00Z' }), usd(1000), 2).amount, 750))

  it('never raises a price already under the processor minimum', () => assert.equal(promoPrice(promo(), usd(50), 0).amount, 50))

  it('refuses to price a renewal in another currency than the amount off', () =>
    assert.throws(() => promoPrice(promo({ discount: { kind: 'amount', amount: usd(100) } }), { amount: 1000, currency: 'EUR' }, 0),
      { name: 'SubscriptionError', code: 'CURRENCY_MISMATCH' }))

  const malformed: [what: string, p: Promo, code: 'INVALID_PROMO' | 'INVALID_TIME'][] = [
    ['0 % off', promo({ discount: { kind: 'percent', bps: 0 } }), 'INVALID_PROMO'],
    ['over 100 % off', promo({ discount: { kind: 'percent', bps: 10_001 } }), 'INVALID_PROMO'],
    ['fractional bps', promo({ discount: { kind: 'percent', bps: 12.5 } }), 'INVALID_PROMO'],
    ['nothing off', promo({ discount: { kind: 'amount', amount: usd(0) } }), 'INVALID_PROMO'],
    ['a negative amount off', promo({ discount: { kind: 'amount', amount: usd(-100) } }), 'INVALID_PROMO'],
    ['0 cycles', promo({ cycles: 0 }), 'INVALID_PROMO'],
    ['0 redemptions', promo({ maxRedemptions: 0 }), 'INVALID_PROMO'],
    ['an end before its start', promo({ validUntil: '2026-03-01T00:00:00Z' }), 'INVALID_PROMO'],
    ['a start without a zone', promo({ validFrom: '2026-03-01' }), 'INVALID_TIME'],
  ]
  for (const [what, p, code] of malformed) {
    it(`refuses a promo with ${what}: ${code}`, () => {
      assert.throws(() => assertPromo(p), { name: 'SubscriptionError', code })
      assert.throws(() => applyPromo(p, redeem()), { name: 'SubscriptionError', code })
    })
  }
})
