import assert from 'node:assert/strict'
import { creatorGateDetail, evaluateGates, type GateCode, type GateFacts } from './gates.ts'

const NOW = '2025-06-02T06:00:00Z'
const ok: GateFacts = {
  now: NOW,
  kyc: { status: 'APPROVED', expiresAt: '2026-01-01T00:00:00Z' },
  taxForm: { kind: 'W-8BEN', signedAt: '2025-01-10T12:00:00Z', expiresAt: '2028-12-31T23:59:59.999Z' },
  holds: [],
  method: { rail: 'paxum', verifiedAt: '2025-02-01T00:00:00Z' },
  balances: { available: 100_000, receivable: 0 },
  minimum: 5000,
  reservePercent: 5,
  currency: 'USD',
}
const facts = (change: Partial<GateFacts>): GateFacts => ({ ...ok, ...change })

type Expect = { failed: GateCode[]; amount: number; reserve: number; netted: number; net: number }
const paid = (amount: number, reserve: number, netted: number, net = amount + reserve): Expect => ({ failed: [], amount, reserve, netted, net })
const blocked = (failed: GateCode[], net = 100_000): Expect => ({ failed, amount: 0, reserve: 0, netted: 0, net })

const cases: [name: string, input: GateFacts, expected: Expect][] = [
  ['everything in order: 5 % reserve', ok, paid(95_000, 5000, 0)],
  ['no reserve', facts({ reservePercent: 0 }), paid(100_000, 0, 0)],
  ['fractional reserve 7.5 % floors the reserve', facts({ reservePercent: 7.5, balances: { available: 10_001, receivable: 0 } }), paid(9251, 750, 0)],
  ['receivable is netted first', facts({ balances: { available: 100_000, receivable: 20_000 } }), paid(76_000, 4000, 20_000)],
  ['KYC without expiry', facts({ kyc: { status: 'APPROVED', expiresAt: null } }), paid(95_000, 5000, 0)],
  ['tax form without expiry (W-9)', facts({ taxForm: { kind: 'W-9', signedAt: '2024-01-01T00:00:00Z', expiresAt: null } }), paid(95_000, 5000, 0)],
  ['a hold that ended', facts({ holds: [{ reason: 'MANUAL', note: 'docs check', until: '2025-06-01T00:00:00Z' }] }), paid(95_000, 5000, 0)],
  ['a hold ending exactly now has ended', facts({ holds: [{ reason: 'MANUAL', note: '', until: NOW }] }), paid(95_000, 5000, 0)],
  ['exactly the minimum after reserve', facts({ balances: { available: 5263, receivable: 0 } }), paid(5000, 263, 0)],
  ['no KYC', facts({ kyc: null }), blocked(['KYC_CURRENT'])],
  ['KYC pending', facts({ kyc: { status: 'PENDING', expiresAt: null } }), blocked(['KYC_CURRENT'])],
  ['KYC expiring exactly now', facts({ kyc: { status: 'APPROVED', expiresAt: NOW } }), blocked(['KYC_CURRENT'])],
  ['no tax form', facts({ taxForm: null }), blocked(['TAX_FORM'])],
  ['expired W-8BEN', facts({ taxForm: { kind: 'W-8BEN', signedAt: '2021-03-01T00:00:00Z', expiresAt: '2024-12-31T23:59:59.999Z' } }),
    blocked(['TAX_FORM'])],
  ['tax form signed in the future', facts({ taxForm: { kind: 'W-9', signedAt: '2025-07-01T00:00:00Z', expiresAt: null } }), blocked(['TAX_FORM'])],
  ['an open-ended dispute hold', facts({ holds: [{ reason: 'DISPUTE', note: 'open chargeback ccbill tx-1', until: null }] }), blocked(['NO_HOLDS'])],
  ['a moderation freeze still running', facts({ holds: [{ reason: 'MODERATION_FREEZE', note: '', until: '2025-06-10T00:00:00Z' }] }),
    blocked(['NO_HOLDS'])],
  ['no method', facts({ method: null }), blocked(['METHOD_VERIFIED'])],
  ['unverified method', facts({ method: { rail: 'wire', verifiedAt: null } }), blocked(['METHOD_VERIFIED'])],
  ['zero balance', facts({ balances: { available: 0, receivable: 0 } }), blocked(['BALANCE_POSITIVE', 'MINIMUM'], 0)],
  ['receivable equal to available', facts({ balances: { available: 30_000, receivable: 30_000 } }), blocked(['BALANCE_POSITIVE', 'MINIMUM'], 0)],
  ['late chargeback: creator owes more than available', facts({ balances: { available: 5000, receivable: 7500 } }),
    blocked(['BALANCE_POSITIVE', 'MINIMUM'], -2500)],
  ['one unit under the minimum after reserve', facts({ balances: { available: 5262, receivable: 0 } }), blocked(['MINIMUM'], 5262)],
  ['a 100 % reserve pays nothing even without a minimum', facts({ reservePercent: 100, minimum: 0 }), blocked(['MINIMUM'])],
  ['every gate failing at once', facts({ kyc: null, taxForm: null, holds: [{ reason: 'MANUAL', note: '', until: null }], method: null,
    balances: { available: 0, receivable: 100 } }), blocked(['KYC_CURRENT', 'TAX_FORM', 'NO_HOLDS', 'METHOD_VERIFIED', 'BALANCE_POSITIVE', 'MINIMUM'], -100)],
]

describe('payout gates', () => {
  for (const [name, input, expected] of cases) {
    it(name, () => {
      const v = evaluateGates(input)
      assert.deepEqual(v.gates.map((g) => g.gate), ['KYC_CURRENT', 'TAX_FORM', 'NO_HOLDS', 'METHOD_VERIFIED', 'BALANCE_POSITIVE', 'MINIMUM'])
      assert.deepEqual({ failed: v.gates.filter((g) => !g.passed).map((g) => g.gate), amount: v.amount, reserve: v.reserve, netted: v.netted, net: v.net },
        expected)
      assert.equal(v.payable, expected.failed.length === 0)
      if (v.payable) assert.equal(v.amount + v.reserve + v.netted, input.balances.available)
      for (const g of v.gates) assert.match(g.detail, /^[A-Z0-9].*\.$/, `${g.gate} detail is a sentence`)
    })
  }

  const details: [name: string, input: GateFacts, gate: GateCode, detail: string][] = [
    ['the amount owed after a late chargeback', facts({ balances: { available: 5000, receivable: 7500 } }), 'BALANCE_POSITIVE',
      'The creator owes 25.00 USD: refunds and chargebacks after earlier payouts (75.00 USD) exceed the available balance (50.00 USD); '
      + 'it is taken from future earnings.'],
    ['what was netted', facts({ balances: { available: 100_000, receivable: 20_000 } }), 'BALANCE_POSITIVE',
      '800.00 USD is payable after 200.00 USD owed from refunds and chargebacks is settled.'],
    ['the reserve and the minimum', facts({ balances: { available: 5262, receivable: 0 } }), 'MINIMUM',
      'The payout of 49.99 USD after a 2.63 USD reserve (5 %) is under the 50.00 USD minimum; the balance carries over to the next run.'],
    ['each open hold', facts({ holds: [{ reason: 'DISPUTE', note: 'open chargeback ccbill tx-1', until: null },
      { reason: 'MODERATION_FREEZE', note: '"Beach" was taken down', until: '2025-06-10T00:00:00Z' }] }), 'NO_HOLDS',
    'Payouts are on hold: DISPUTE (open chargeback ccbill tx-1) until released; MODERATION_FREEZE ("Beach" was taken down) until 2025-06-10.'],
    ['an expired KYC', facts({ kyc: { status: 'APPROVED', expiresAt: '2025-05-01T00:00:00Z' } }), 'KYC_CURRENT',
      'Identity verification expired on 2025-05-01; please verify again.'],
    ['amounts without a currency', facts({ currency: undefined }), 'BALANCE_POSITIVE', '100000 minor units is payable.'],
  ]
  for (const [name, input, gate, detail] of details) {
    it(`explains ${name}`, () => assert.equal(evaluateGates(input).gates.find((g) => g.gate === gate)?.detail, detail))
  }

  const bad: [name: string, input: GateFacts, code: string][] = [
    ['a time without a zone', facts({ now: '2025-06-02T06:00:00' }), 'INVALID_TIME'],
    ['a malformed expiry', facts({ kyc: { status: 'APPROVED', expiresAt: 'soon' } }), 'INVALID_TIME'],
    ['a fractional balance', facts({ balances: { available: 10.5, receivable: 0 } }), 'INVALID_AMOUNT'],
    ['a negative receivable', facts({ balances: { available: 100, receivable: -1 } }), 'INVALID_AMOUNT'],
    ['a negative minimum', facts({ minimum: -1 }), 'INVALID_AMOUNT'],
    ['a reserve over 100 %', facts({ reservePercent: 101 }), 'INVALID_PERCENT'],
    ['a negative reserve', facts({ reservePercent: -1 }), 'INVALID_PERCENT'],
    ['a reserve finer than a basis point', facts({ reservePercent: 7.555 }), 'INVALID_PERCENT'],
    ['a NaN reserve', facts({ reservePercent: Number.NaN }), 'INVALID_PERCENT'],
  ]
  for (const [name, input, code] of bad) {
    it(`refuses ${name} with ${code}`, () => assert.throws(() => evaluateGates(input), { name: 'PayoutError', code }))
  }
})

describe('gates as the creator reads them', () => {
  it('a failed hold gate never carries finance\'s note; every other gate reads as finance reads it', () => {
    const note = 'open chargeback ccbill 0123; compliance case 42'
    assert.doesNotMatch(creatorGateDetail({ gate: 'NO_HOLDS', passed: false, detail: note }), /chargeback|compliance case/)
    assert.equal(creatorGateDetail({ gate: 'NO_HOLDS', passed: true, detail: 'No open holds.' }), 'No open holds.')
    assert.equal(creatorGateDetail({ gate: 'TAX_FORM', passed: false, detail: 'No tax form on file.' }), 'No tax form on file.')
  })
})
