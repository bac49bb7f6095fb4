/** Fake purchase activities that record every call, for workflow tests and for recording replay histories. */
import { ApplicationFailure } from '@temporalio/common'
import type { PurchaseQuote } from '../../workflows/purchase-ppv.contract.ts'

type Call = { name: string; args: Record<string, unknown> }

/** Fake activities that record every call; `fail` makes one of them fail permanently. */
export function fakes(opts: { decline?: boolean; fail?: string; quote?: Partial<PurchaseQuote> } = {}) {
  const calls: Call[] = []
  const rec = <T>(name: string, result: (args: Record<string, unknown>) => T) => async (args: Record<string, unknown>) => {
    calls.push({ name, args })
    if (opts.fail === name) throw ApplicationFailure.nonRetryable(`${name} broke`, 'TEST_FAILURE')
    return result(args)
  }
  const activities = {
    quotePurchase: rec('quotePurchase', () => ({ brand: 'boyfanz', creatorId: 'creator-1', amount: 1000, currency: 'USD', taxBps: 2000,
      creatorShareBps: 8000, chargebackWindowDays: 30, ...opts.quote })),
    quoteTip: rec('quoteTip', () => ({ brand: 'boyfanz', creatorId: 'creator-1', amount: 500, currency: 'USD', taxBps: 0,
      creatorShareBps: 8000, chargebackWindowDays: 30, ...opts.quote })),
    chargeFan: rec('chargeFan', () => opts.decline
      ? { status: 'declined', transactionId: 'tx-d', decline: 'INSUFFICIENT_FUNDS', message: 'Insufficient funds' }
      : { status: 'approved', transactionId: 'tx-1', processorFee: 130, approvedAt: '2026-11-23T00:00:00Z' }),
    refundCharge: rec('refundCharge', () => ({ status: 'refunded', refundId: 'r-1', feeRefunded: false })),
    postJournalEntry: rec('postJournalEntry', (a) => ({ idempotencyKey: a.idempotencyKey, entryId: String(calls.length), created: true })),
    grantEntitlement: rec('grantEntitlement', () => undefined),
    revokeEntitlement: rec('revokeEntitlement', () => undefined),
    recordPurchase: rec('recordPurchase', () => undefined),
  }
  return { calls, activities, names: () => calls.map((c) => c.name) }
}

