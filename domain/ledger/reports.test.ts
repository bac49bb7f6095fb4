import assert from 'node:assert/strict'
import { balanceSheet, profitAndLoss, toCsv, type KindTotal } from './reports.ts'
import { purchaseTemplate } from './templates.ts'

// one 10.00 USD purchase: the balances its postings leave, by kind
const sale = purchaseTemplate({ brand: 'b', currency: 'USD', fanId: 'f', creatorId: 'c', processor: 'ccbill', jurisdiction: 'DE',
  split: { currency: 'USD', gross: 1000, tax: 167, creator: 666, referral: null, platform: 167, processorFee: 130 } })
const totals: KindTotal[] = [...sale.postings.reduce((m, p) => m.set(p.account.kind, (m.get(p.account.kind) ?? 0) + p.amount),
  new Map<KindTotal['kind'], number>())].map(([kind, balance]) => ({ kind, currency: 'USD', balance }))

describe('financial statements', () => {
  it('P&L: platform revenue less processor fees', () => {
    const pnl = profitAndLoss(totals, 'USD')
    assert.deepEqual([pnl.totalRevenue, pnl.totalExpenses, pnl.netIncome], [167, 130, 37])
  })
  it('balance sheet balances: clearing asset = creator and tax liabilities + equity', () => {
    const bs = balanceSheet(totals, 'USD')
    assert.deepEqual([bs.totalAssets, bs.equity, bs.totalLiabilitiesAndEquity, bs.balanced], [870, 37, 870, true])
  })
  it('ignores other currencies', () => assert.equal(profitAndLoss(totals, 'EUR').netIncome, 0))
  it('writes CSV with quoting', () => {
    assert.equal(toCsv([{ a: 'x,y', b: 2, c: null }, { a: 'say "hi"', b: 3, c: 'z' }]), 'a,b,c\n"x,y",2,\n"say ""hi""",3,z\n')
  })
})
