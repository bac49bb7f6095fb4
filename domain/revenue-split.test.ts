import assert from 'node:assert/strict'
import { CURRENCIES, type Currency } from './money.ts'
import {
  pickShareRule, splitPurchase, SPLIT_ERRORS, type ProcessorFee, type Referral, type ShareDecision, type ShareRule,
  type SplitErrorCode, type SplitInput,
} from './revenue-split.ts'

const AT = '2025-06-01T12:00:00Z'
const LATER = '2026-01-01T00:00:00Z'
const ruleFee = (bps: number, fixed: number): ProcessorFee => ({ kind: 'rule', bps, fixed })
const reported = (amount: number): ProcessorFee => ({ kind: 'reported', amount })
const ref = (bps: number, endsAt = LATER): Referral => ({ referrerId: 'ref-1', bps, endsAt })

type Case = {
  name: string
  gross: number
  currency?: Currency
  taxBps: number
  creatorBps?: number
  fee?: ProcessorFee
  referral?: Referral | null
  expect: { tax: number; creator: number; referral: number | null; platform: number; fee: number }
}

const cases: Case[] = [
  { name: 'worked example: 10.00 USD, 20 % VAT inclusive, fee 10 % + 0.30', gross: 1000, taxBps: 2000, fee: ruleFee(1000, 30),
    expect: { tax: 167, creator: 666, referral: null, platform: 167, fee: 130 } },
  { name: '1 minor unit, 20 % VAT: tax rounds to 0, creator 0.8 rounds up', gross: 1, taxBps: 2000, fee: ruleFee(1000, 30),
    expect: { tax: 0, creator: 1, referral: null, platform: 0, fee: 30 } },
  { name: '1 minor unit at 50 %: half-even gives 0.5 to the platform', gross: 1, taxBps: 0, creatorBps: 5000,
    expect: { tax: 0, creator: 0, referral: null, platform: 1, fee: 0 } },
  { name: '3 minor units at 50 %: 1.5 rounds to 2', gross: 3, taxBps: 0, creatorBps: 5000,
    expect: { tax: 0, creator: 2, referral: null, platform: 1, fee: 0 } },
  { name: 'tax tie 2.5 rounds to even 2 (100 % tax rate)', gross: 5, taxBps: 10_000,
    expect: { tax: 2, creator: 2, referral: null, platform: 1, fee: 0 } },
  { name: 'tax tie 3.5 rounds to even 4', gross: 7, taxBps: 10_000,
    expect: { tax: 4, creator: 2, referral: null, platform: 1, fee: 0 } },
  { name: 'creator tie 4.5 rounds to even 4 (75 %)', gross: 6, taxBps: 0, creatorBps: 7500,
    expect: { tax: 0, creator: 4, referral: null, platform: 2, fee: 0 } },
  { name: 'JPY ¥1000 with 10 % consumption tax', gross: 1000, currency: 'JPY', taxBps: 1000, fee: reported(50),
    expect: { tax: 91, creator: 727, referral: null, platform: 182, fee: 50 } },
  { name: 'USDC 10.000000 without tax, 1.5 % fee', gross: 10_000_000, currency: 'USDC', taxBps: 0, fee: ruleFee(150, 0),
    expect: { tax: 0, creator: 8_000_000, referral: null, platform: 2_000_000, fee: 150_000 } },
  { name: '0 % tax', gross: 999, taxBps: 0, expect: { tax: 0, creator: 799, referral: null, platform: 200, fee: 0 } },
  { name: '25 % tax divides evenly', gross: 1000, taxBps: 2500,
    expect: { tax: 200, creator: 640, referral: null, platform: 160, fee: 0 } },
  { name: '27 % tax on the maximum purchase', gross: 100_000, taxBps: 2700, fee: ruleFee(1000, 30),
    expect: { tax: 21_260, creator: 62_992, referral: null, platform: 15_748, fee: 10_030 } },
  { name: '100 % creator share leaves the platform nothing, processor fee still its cost', gross: 1000, taxBps: 2000,
    creatorBps: 10_000, fee: ruleFee(1000, 30), referral: ref(1000),
    expect: { tax: 167, creator: 833, referral: 0, platform: 0, fee: 130 } },
  { name: '0 % creator share', gross: 1000, taxBps: 2000, creatorBps: 0,
    expect: { tax: 167, creator: 0, referral: null, platform: 833, fee: 0 } },
  { name: 'active referral takes 25 % of the platform cut (41.75 -> 42)', gross: 1000, taxBps: 2000, referral: ref(2500),
    expect: { tax: 167, creator: 666, referral: 42, platform: 125, fee: 0 } },
  { name: 'referral tie 0.5 rounds to even 0', gross: 5, taxBps: 0, referral: ref(5000),
    expect: { tax: 0, creator: 4, referral: 0, platform: 1, fee: 0 } },
  { name: 'referral that expires exactly at the purchase time earns nothing', gross: 1000, taxBps: 2000,
    referral: ref(2500, AT), expect: { tax: 167, creator: 666, referral: null, platform: 167, fee: 0 } },
  { name: 'referral ending 1 ms after the purchase still earns', gross: 1000, taxBps: 2000,
    referral: ref(2500, '2025-06-01T12:00:00.001Z'), expect: { tax: 167, creator: 666, referral: 42, platform: 125, fee: 0 } },
  { name: 'referral end in another zone is compared as an instant (13:00+02:00 is before 12:00Z)', gross: 1000,
    taxBps: 2000, referral: ref(2500, '2025-06-01T13:00:00+02:00'),
    expect: { tax: 167, creator: 666, referral: null, platform: 167, fee: 0 } },
]

const input = (c: Case): SplitInput => ({
  gross: { amount: c.gross, currency: c.currency ?? 'USD' }, taxBps: c.taxBps, creatorShareBps: c.creatorBps ?? 8000,
  processorFee: c.fee ?? reported(0), referral: c.referral ?? null, at: AT,
})

describe('revenue split', () => {
  for (const c of cases) {
    it(c.name, () => {
      const s = splitPurchase(input(c))
      const got = { tax: s.tax, creator: s.creator, referral: s.referral?.amount ?? null, platform: s.platform, fee: s.processorFee }
      assert.deepEqual(got, c.expect)
      assert.equal(s.net, c.gross - s.tax)
      assert.equal(s.creator + (s.referral?.amount ?? 0) + s.platform + s.tax, c.gross)
      if (s.referral) assert.equal(s.referral.referrerId, 'ref-1')
    })
  }

  it('records the rates it used', () => {
    const s = splitPurchase(input({ ...cases[0]!, referral: ref(2500), creatorBps: 7000 }))
    assert.deepEqual(s.rates, { taxBps: 2000, creatorShareBps: 7000, referralBps: 2500 })
    assert.equal(splitPurchase(input({ ...cases[0]!, referral: ref(2500, AT) })).rates.referralBps, 0)
  })

  const bad: [name: string, change: Partial<SplitInput>, error: SplitErrorCode | 'NOT_INTEGER' | 'UNKNOWN_CURRENCY'][] = [
    ['zero gross', { gross: { amount: 0, currency: 'USD' } }, 'INVALID_GROSS'],
    ['negative gross', { gross: { amount: -100, currency: 'USD' } }, 'INVALID_GROSS'],
    ['fractional gross', { gross: { amount: 10.5, currency: 'USD' } }, 'NOT_INTEGER'],
    ['unknown currency', { gross: { amount: 100, currency: 'BTC' as Currency } }, 'UNKNOWN_CURRENCY'],
    ['tax over 100 %', { taxBps: 10_001 }, 'INVALID_BPS'],
    ['negative creator share', { creatorShareBps: -1 }, 'INVALID_BPS'],
    ['fractional creator share', { creatorShareBps: 80.5 }, 'INVALID_BPS'],
    ['referral share over 100 %, even when expired', { referral: ref(10_001, AT) }, 'INVALID_BPS'],
    ['negative reported fee', { processorFee: reported(-1) }, 'INVALID_FEE'],
    ['fractional fixed fee', { processorFee: ruleFee(100, 1.5) }, 'INVALID_FEE'],
    ['fee rule over 100 %', { processorFee: ruleFee(20_000, 0) }, 'INVALID_BPS'],
    ['purchase time without a zone', { at: '2025-06-01T12:00:00' }, 'INVALID_TIME'],
    ['purchase time not ISO', { at: 'June 1, 2025' }, 'INVALID_TIME'],
    ['purchase time not a date', { at: '2025-13-01T00:00:00Z' }, 'INVALID_TIME'],
    ['referral end not ISO', { referral: ref(100, 'tomorrow') }, 'INVALID_TIME'],
  ]
  for (const [name, change, error] of bad) {
    it(`refuses ${name} with ${error}`, () =>
      assert.throws(() => splitPurchase({ ...input(cases[0]!), ...change }), { code: error }))
  }

  it('refuses an invalid purchase time even without a referral', () =>
    assert.throws(() => splitPurchase({ ...input(cases[0]!), referral: null, at: 'now' }), { code: SPLIT_ERRORS.INVALID_TIME }))

  it('parts always sum to gross and none is negative, over many generated purchases', () => {
    let seed = 20250601
    const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n // Park-Miller LCG, deterministic
    const currencies = Object.keys(CURRENCIES) as Currency[]
    for (let i = 0; i < 5000; i++) {
      const gross = 1 + (i % 3 === 0 ? next(1000) : next(2_000_000_000))
      const s = splitPurchase({
        gross: { amount: gross, currency: currencies[next(currencies.length)]! },
        taxBps: [0, 500, 1000, 2000, 2500, 2700, next(10_001)][next(7)]!,
        creatorShareBps: [8000, 10_000, 0, next(10_001)][next(4)]!,
        processorFee: next(2) ? reported(next(1000)) : ruleFee(next(2000), next(100)),
        referral: next(2) ? ref(next(10_001), next(2) ? LATER : AT) : null,
        at: AT,
      })
      const parts = [s.tax, s.creator, s.referral?.amount ?? 0, s.platform, s.processorFee]
      assert.ok(parts.every((p) => Number.isSafeInteger(p) && p >= 0), `negative part for gross ${gross}: ${parts}`)
      assert.equal(s.tax + s.creator + (s.referral?.amount ?? 0) + s.platform, gross)
      assert.ok(s.tax <= Math.ceil(gross / 2), 'inclusive tax at <= 100 % is at most half the gross')
    }
  })
})

describe('creator share rule in force', () => {
  const rule = (id: string, creatorId: string | null, bps: number, validFrom: string, validTo: string | null = null): ShareRule =>
    ({ id, creatorId, creatorShareBps: bps, validFrom, validTo })
  const C = 'creator-1'
  const brand70 = rule('b70', null, 7000, '2025-01-01T00:00:00Z')
  const brand75 = rule('b75', null, 7500, '2025-05-01T00:00:00Z')
  const creator90 = rule('c90', C, 9000, '2025-03-01T00:00:00Z', '2025-06-01T12:00:00Z')
  const other = rule('o95', 'creator-2', 9500, '2025-01-01T00:00:00Z')
  const cases: [name: string, rules: ShareRule[], at: string, expected: ShareDecision | SplitErrorCode][] = [
    ['no rules: the 80 % default', [], AT, { creatorShareBps: 8000, ruleId: null, source: 'default' }],
    ['a brand rule in force', [brand70], AT, { creatorShareBps: 7000, ruleId: 'b70', source: 'brand' }],
    ['the newest brand rule wins', [brand70, brand75], AT, { creatorShareBps: 7500, ruleId: 'b75', source: 'brand' }],
    ['a creator rule beats the brand', [brand75, creator90], '2025-05-15T00:00:00Z', { creatorShareBps: 9000, ruleId: 'c90', source: 'creator' }],
    ['a creator rule ends exactly at validTo', [brand75, creator90], AT, { creatorShareBps: 7500, ruleId: 'b75', source: 'brand' }],
    ['a rule not yet in force is ignored', [brand75], '2025-04-30T23:59:59Z', { creatorShareBps: 8000, ruleId: null, source: 'default' }],
    ["another creator's rule does not apply", [other], AT, { creatorShareBps: 8000, ruleId: null, source: 'default' }],
    ['a zero share is a valid deal', [rule('z', C, 0, '2025-01-01T00:00:00Z')], AT, { creatorShareBps: 0, ruleId: 'z', source: 'creator' }],
    ['a stored share over 100 % is refused', [rule('x', C, 10_001, '2025-01-01T00:00:00Z')], AT, 'INVALID_BPS'],
    ['a time without a zone is refused', [brand70], '2025-06-01T12:00:00', 'INVALID_TIME'],
  ]
  for (const [name, rules, at, expected] of cases) {
    it(name, () => {
      if (typeof expected === 'string') assert.throws(() => pickShareRule(rules, C, at), { name: 'SplitError', code: expected })
      else assert.deepEqual(pickShareRule(rules, C, at), expected)
    })
  }
})
