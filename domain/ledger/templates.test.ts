import assert from 'node:assert/strict'
import { splitPurchase, type Referral } from '../revenue-split.ts'
import { accountKey, type AccountKind, type Posting } from './accounts.ts'
import {
  chargebackTemplate, collectibleSaleTemplate, partialRefundTemplate, purchaseTemplate, refundTemplate, releasePendingTemplate, reversalOf, settleShares, tipTemplate,
  type Entry,
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
  ['refund after a payout: what is left is clawed back, the rest the creator owes', () =>
    refundTemplate({ original: sale, feeRefunded: false, creatorShareStillPending: false, clawbackFromCreator: 100 }), [
    ['processorClearing', 'ccbill', -1000], ['creatorAvailable', 'cr-1', 100], ['creatorReceivable', 'cr-1', 566],
    ['platformRevenue', null, 167], ['taxPayable', 'DE', 167]]],
  ['chargeback inside the window: full clawback from pending, fee is a loss', () =>
    chargebackTemplate({ original: sale, creatorShareStillPending: true, chargebackFee: 1500 }), [
    ['processorClearing', 'ccbill', -1000], ['creatorPending', 'cr-1', 666], ['platformRevenue', null, 167],
    ['taxPayable', 'DE', 167], ['chargebackLosses', null, 1500], ['processorClearing', 'ccbill', -1500]]],
  ['chargeback after release: 4.00 clawed back, 2.66 lost', () =>
    chargebackTemplate({ original: sale, creatorShareStillPending: false, clawbackFromCreator: 400, chargebackFee: 1500 }), [
    ['processorClearing', 'ccbill', -1000], ['creatorAvailable', 'cr-1', 400], ['chargebackLosses', null, 266],
    ['platformRevenue', null, 167], ['taxPayable', 'DE', 167], ['chargebackLosses', null, 1500],
    ['processorClearing', 'ccbill', -1500]]],
  ['chargeback with nothing to claw back and no fee, referral reversed', () =>
    chargebackTemplate({ original: saleWithReferral, creatorShareStillPending: false, clawbackFromCreator: 0, chargebackFee: 0 }), [
    ['processorClearing', 'ccbill', -1000], ['chargebackLosses', null, 666], ['referralPayable', 'ref-1', 42],
    ['platformRevenue', null, 125], ['taxPayable', 'DE', 167]]],
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

describe('ledger templates: a creator share owed in another currency', () => {
  // 10.00 EUR sale, brand settles in USD at 1.0850 USD per EUR
  const eurSale = (r: Referral | null): SaleInput => ({ ...saleOf(r), currency: 'EUR',
    split: splitPurchase({ gross: { amount: 1000, currency: 'EUR' }, taxBps: 2000, creatorShareBps: 8000, at: AT, referral: r,
      processorFee: { kind: 'rule', bps: 1000, fixed: 30 } }) })
  const usd = { currency: 'USD', rate: '1.0850', asOf: '2025-06-01', source: 'test' }
  const sumOf = (postings: Posting[], currency: string) => postings.filter((p) => p.account.currency === currency).reduce((s, p) => s + p.amount, 0)

  it('converts the creator and referral shares half-even and passes them through the positions', () => {
    const input = eurSale(referral)
    const settled = settleShares(input.split, usd)
    assert.deepEqual({ ...settled, fx: settled.fx && { from: settled.fx.from, rate: settled.fx.rate } },
      { currency: 'USD', creator: 723, referral: 46, fx: { from: 'EUR', rate: '1.0850' } }) // 666 * 1.085 = 722.61, 42 * 1.085 = 45.57
    const e = purchaseTemplate({ ...input, settled })
    assertBalanced(e.postings)
    assert.equal(sumOf(e.postings, 'EUR'), 0)
    assert.equal(sumOf(e.postings, 'USD'), 0)
    const of = (kind: AccountKind, currency: string) => e.postings.filter((p) => p.account.kind === kind && p.account.currency === currency)
      .reduce((s, p) => s + p.amount, 0)
    assert.equal(of('creatorPending', 'USD'), -723)
    assert.equal(of('referralPayable', 'USD'), -46)
    assert.equal(of('fxPosition', 'EUR'), -708)
    assert.equal(of('fxPosition', 'USD'), 769)
    assert.equal(of('creatorPending', 'EUR'), 0)
  })

  it('keeps the shares as they are when the brand settles in the sale currency', () => {
    const input = eurSale(null)
    assert.deepEqual(settleShares(input.split, { ...usd, currency: 'EUR' }), { currency: 'EUR', creator: 666, referral: 0, fx: null })
    assert.deepEqual(rows(purchaseTemplate({ ...input, settled: settleShares(input.split, null) })), rows(purchaseTemplate(input)))
  })

  it('a refund and a chargeback of a converted sale reverse each currency at the original rate', () => {
    const input = eurSale(null)
    const original = purchaseTemplate({ ...input, settled: settleShares(input.split, usd) }).postings
    const refund = refundTemplate({ original, feeRefunded: true }).postings
    assert.deepEqual(netBalances(original, refund), {})
    const chargeback = chargebackTemplate({ original, creatorShareStillPending: false, clawbackFromCreator: 500, chargebackFee: 1500 }).postings
    assertBalanced(chargeback)
    // the unrecovered share is a loss in the currency it was owed in
    assert.deepEqual(chargeback.filter((p) => p.account.kind === 'chargebackLosses').map((p) => [p.account.currency, p.amount]),
      [['USD', 723 - 500], ['EUR', 1500]])
  })
})

describe('ledger templates: partial refund', () => {
  it('gives back a share of every leg, balanced, the processor keeping its fee', () => {
    const e = partialRefundTemplate({ original: sale, refund: 500, creatorShareStillPending: true })
    // 83.5 rounds half-even to 84 for tax and platform; the platform absorbs the cent so the fan gets exactly 5.00
    assert.deepEqual(rows(e), [['processorClearing', 'ccbill', -500], ['creatorPending', 'cr-1', 333], ['platformRevenue', null, 83],
      ['taxPayable', 'DE', 84]])
    assertBalanced(e.postings)
  })
  it('balances each currency of a converted sale on its own', () => {
    for (const refund of [1, 333, 999, 1000]) {
      const eur = { ...saleOf(), currency: 'EUR', split: splitPurchase({ gross: { amount: 1000, currency: 'EUR' }, taxBps: 2000, creatorShareBps: 8000,
        at: AT, referral: null, processorFee: { kind: 'rule', bps: 1000, fixed: 30 } }) }
      const original = purchaseTemplate({ ...eur, settled: settleShares(eur.split, { currency: 'USD', rate: '1.085', asOf: '2025-06-01', source: 't' }) }).postings
      const { postings } = partialRefundTemplate({ original, refund, creatorShareStillPending: true })
      assertBalanced(postings)
      assert.equal(postings.find((p) => p.account.kind === 'processorClearing')!.amount, -refund)
    }
  })
  it('refuses nothing and more than the sale', () => {
    assert.throws(() => partialRefundTemplate({ original: sale, refund: 0, creatorShareStillPending: true }), { code: 'INVALID_AMOUNT' })
    assert.throws(() => partialRefundTemplate({ original: sale, refund: 1001, creatorShareStillPending: true }), { code: 'INVALID_AMOUNT' })
  })
})

describe('collectible sale', () => {
  const e = collectibleSaleTemplate({ ...saleOf(), mintFee: 50 })
  const creatorShare = purchaseTemplate(saleOf()).postings.find((p) => p.account.kind === 'creatorPending')!.amount
  it('books the mint fee out of the one creator posting into platform revenue, balanced', () => {
    assertBalanced(e.postings)
    const creator = e.postings.filter((p) => p.account.kind === 'creatorPending')
    assert.equal(creator.length, 1, 'one creator posting, so refunds and chargebacks find it')
    assert.equal(creator[0]!.amount, creatorShare + 50)
  })
  it('never takes more fee than the share', () => {
    const all = collectibleSaleTemplate({ ...saleOf(), mintFee: 1_000_000 })
    assert.equal(all.postings.find((p) => p.account.kind === 'creatorPending'), undefined, 'the whole share went to the fee')
    assertBalanced(all.postings)
  })
  it('is reversed by a refund and a chargeback like any sale', () => {
    for (const reverse of [refundTemplate({ original: e.postings, feeRefunded: false, creatorShareStillPending: true }),
      chargebackTemplate({ original: e.postings, creatorShareStillPending: true, chargebackFee: 2500 })]) {
      assertBalanced(reverse.postings)
      assert.equal(netBalances(e.postings, reverse.postings)[accountKey({ kind: 'creatorPending', brand: 'boyfanz', currency: 'USD', owner: 'cr-1' })], undefined,
        'the creator pending share is back to zero')
    }
  })
})
