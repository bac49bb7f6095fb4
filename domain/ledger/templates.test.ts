import assert from 'node:assert/strict'
import { splitPurchase, type Referral } from '../revenue-split.ts'
import { accountKey, type AccountKind, type Posting } from './accounts.ts'
import {
  chargebackTemplate, purchaseTemplate, refundTemplate, releasePendingTemplate, reversalOf, tipTemplate, type Entry,
  type SaleInput,
} from './templates.ts'
import { assertBalanced, type LedgerErrorCode } from './validate.ts'

const AT = '2025-06-01T12:00:00Z'
const book = { brand: 'boyfanz', currency: 'USD' }
const saleOf = (referral: Referral | null = null, creatorShareBps = 8000, taxBps = 2000): SaleInput => ({
  ...book, fanId: 'fan-1', creatorId: 'cr-1', processor: 'ccbill', jurisdiction: 'DE',
  // worked example: 10.00 USD, 20 % VAT inclusive, fee 10 % + 0.30
  split: splitPurchase({ gross: { amount: 1000, currency: 'USD' }, taxBps, creatorShareBps, at: AT, referral,
    processorFee: { kind: 'rule', bps: 1000, fixed: 30 } }),
})
const referral: Referral = { referrerId: 'ref-1', bps: 2500, endsAt: '2026-01-01T00:00:00Z' }
const sale = purchaseTemplate(saleOf()).postings
const saleWithReferral = purchaseTemplate(saleOf(referral)).postings

type Row = [kind: AccountKind, owner: string | null, amount: number]
const rows = (e: Entry): Row[] => e.postings.map((p) => [p.account.kind, p.account.owner, p.amount])
const netBalances = (...entries: Posting[][]) => {
  const sums = new Map<string, number>()
  for (const p of entries.flat()) sums.set(accountKey(p.account), (sums.get(accountKey(p.account)) ?? 0) + p.amount)
  return Object.fromEntries([...sums].filter(([, v]) => v !== 0))
}

const cases: [name: string, build: () => Entry, expected: Row[]][] = [
  ['purchase, worked example', () => purchaseTemplate(saleOf()), [
    ['processorClearing', 'ccbill', 1000], ['creatorPending', 'cr-1', -666], ['platformRevenue', null, -167],
    ['taxPayable', 'DE', -167], ['processorFees', 'ccbill', 130], ['processorClearing', 'ccbill', -130]]],
  ['purchase with an active referral', () => purchaseTemplate(saleOf(referral)), [
    ['processorClearing', 'ccbill', 1000], ['creatorPending', 'cr-1', -666], ['referralPayable', 'ref-1', -42],
    ['platformRevenue', null, -125], ['taxPayable', 'DE', -167], ['processorFees', 'ccbill', 130],
    ['processorClearing', 'ccbill', -130]]],
  ['purchase at 100 % creator share and no tax omits zero postings', () => purchaseTemplate(saleOf(null, 10_000, 0)), [
    ['processorClearing', 'ccbill', 1000], ['creatorPending', 'cr-1', -1000], ['processorFees', 'ccbill', 130],
    ['processorClearing', 'ccbill', -130]]],
  ['tip books like a purchase', () => tipTemplate(saleOf()), rows(purchaseTemplate(saleOf()))],
  ['release of pending earnings', () => releasePendingTemplate({ ...book, creatorId: 'cr-1', amount: 666 }), [
    ['creatorPending', 'cr-1', 666], ['creatorAvailable', 'cr-1', -666]]],
  ['refund, processor keeps its fee', () => refundTemplate({ original: sale, feeRefunded: false }), [
    ['processorClearing', 'ccbill', -1000], ['creatorPending', 'cr-1', 666], ['platformRevenue', null, 167],
    ['taxPayable', 'DE', 167]]],
  ['refund, fee refunded', () => refundTemplate({ original: sale, feeRefunded: true }), rows({ memo: '', postings: reversalOf(sale) })],
  ['refund after release claws back from available', () =>
    refundTemplate({ original: saleWithReferral, feeRefunded: false, creatorShareStillPending: false }), [
    ['processorClearing', 'ccbill', -1000], ['creatorAvailable', 'cr-1', 666], ['referralPayable', 'ref-1', 42],
    ['platformRevenue', null, 125], ['taxPayable', 'DE', 167]]],
  ['chargeback inside the window: full clawback from pending, fee is a loss', () =>
    chargebackTemplate({ original: sale, creatorShareStillPending: true, chargebackFee: 1500 }), [
    ['processorClearing', 'ccbill', -1000], ['platformRevenue', null, 167], ['taxPayable', 'DE', 167],
    ['creatorPending', 'cr-1', 666], ['chargebackLosses', null, 1500], ['processorClearing', 'ccbill', -1500]]],
  ['chargeback after release: 4.00 clawed back, 2.66 lost', () =>
    chargebackTemplate({ original: sale, creatorShareStillPending: false, clawbackFromCreator: 400, chargebackFee: 1500 }), [
    ['processorClearing', 'ccbill', -1000], ['platformRevenue', null, 167], ['taxPayable', 'DE', 167],
    ['creatorAvailable', 'cr-1', 400], ['chargebackLosses', null, 266], ['chargebackLosses', null, 1500],
    ['processorClearing', 'ccbill', -1500]]],
  ['chargeback with nothing to claw back and no fee, referral reversed', () =>
    chargebackTemplate({ original: saleWithReferral, creatorShareStillPending: false, clawbackFromCreator: 0, chargebackFee: 0 }), [
    ['processorClearing', 'ccbill', -1000], ['referralPayable', 'ref-1', 42], ['platformRevenue', null, 125],
    ['taxPayable', 'DE', 167], ['chargebackLosses', null, 666]]],
]

describe('ledger templates', () => {
  for (const [name, build, expected] of cases) {
    it(name, () => {
      const e = build()
      assert.deepEqual(rows(e), expected)
      assertBalanced(e.postings)
      assert.ok(e.postings.every((p) => p.account.brand === 'boyfanz' && p.account.currency === 'USD'))
      assert.ok(e.memo.length > 0)
    })
  }

  it('a purchase and its refund leave only the processor fee the processor kept', () => {
    assert.deepEqual(netBalances(sale, refundTemplate({ original: sale, feeRefunded: false }).postings), {
      'boyfanz:USD:processor_clearing:ccbill': -130, 'boyfanz:USD:processor_fees:ccbill': 130 })
    assert.deepEqual(netBalances(sale, refundTemplate({ original: sale, feeRefunded: true }).postings), {})
  })

  it('the reversal of a reversal is the original, and a reversal cancels it', () => {
    for (const original of [sale, saleWithReferral, releasePendingTemplate({ ...book, creatorId: 'c', amount: 1 }).postings]) {
      assert.deepEqual(reversalOf(reversalOf(original)), original)
      assert.deepEqual(netBalances(original, reversalOf(original)), {})
      assertBalanced(reversalOf(original))
    }
    assert.ok(Object.is(reversalOf([{ account: sale[0]!.account, amount: 0 }])[0]!.amount, 0)) // never -0
  })

  const badSplit = (change: Partial<SaleInput['split']>): SaleInput => ({ ...saleOf(), split: { ...saleOf().split, ...change } })
  const bad: [name: string, build: () => Entry, code: LedgerErrorCode][] = [
    ['a split in another currency', () => purchaseTemplate({ ...saleOf(), currency: 'EUR' }), 'CURRENCY_MISMATCH'],
    ['a split whose parts do not sum to gross', () => purchaseTemplate(badSplit({ platform: 168 })), 'UNBALANCED'],
    ['a negative share', () => tipTemplate(badSplit({ creator: -1, platform: 834 })), 'INVALID_AMOUNT'],
    ['a fractional fee', () => purchaseTemplate(badSplit({ processorFee: 1.5 })), 'INVALID_AMOUNT'],
    ['releasing nothing', () => releasePendingTemplate({ ...book, creatorId: 'cr-1', amount: 0 }), 'INVALID_AMOUNT'],
    ['releasing a negative amount', () => releasePendingTemplate({ ...book, creatorId: 'cr-1', amount: -5 }), 'INVALID_AMOUNT'],
    ['refunding an entry that is not a purchase', () =>
      refundTemplate({ original: releasePendingTemplate({ ...book, creatorId: 'cr-1', amount: 5 }).postings, feeRefunded: false }),
    'NOT_A_PURCHASE'],
    ['refunding an unbalanced entry', () => refundTemplate({ original: sale.slice(1), feeRefunded: true }), 'UNBALANCED'],
    ['refunding nothing', () => refundTemplate({ original: [], feeRefunded: true }), 'EMPTY'],
    ['clawing back more than the share', () => chargebackTemplate({ original: sale, creatorShareStillPending: true,
      clawbackFromCreator: 667, chargebackFee: 0 }), 'INVALID_AMOUNT'],
    ['a negative chargeback fee', () => chargebackTemplate({ original: sale, creatorShareStillPending: true,
      chargebackFee: -1 }), 'INVALID_AMOUNT'],
  ]
  for (const [name, build, code] of bad) {
    it(`refuses ${name} with ${code}`, () => assert.throws(build, { name: 'LedgerError', code }))
  }
})
