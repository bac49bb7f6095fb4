/** Fake chargeback activities over a 10.00 USD sale (creator share 6.66), recording every call. */
import { ApplicationFailure } from '@temporalio/common'
import type { Posting } from '../../domain/ledger/accounts.ts'
import { purchaseTemplate } from '../../domain/ledger/templates.ts'

const sale: Posting[] = purchaseTemplate({ brand: 'boyfanz', currency: 'USD', fanId: 'fan-1', creatorId: 'creator-1', processor: 'ccbill',
  jurisdiction: 'DE', split: { currency: 'USD', gross: 1000, tax: 167, creator: 666, referral: null, platform: 167, processorFee: 130 } }).postings

export function chargebackFakes(opts: { stillPending: boolean; clawbackLimit: number }) {
  const calls: { name: string; args: Record<string, unknown> }[] = []
  const rec = <T>(name: string, result: () => T) => async (args: Record<string, unknown>) => { calls.push({ name, args }); return result() }
  const activities = {
    loadChargebackCase: rec('loadChargebackCase', () => ({ purchaseId: 'p-1', fanId: 'fan-1', postId: 'post-1', creatorId: 'creator-1', brand: 'boyfanz',
      currency: 'USD', amount: 1000, saleEntryId: '42', salePostings: sale, creatorShareStillPending: opts.stillPending, clawbackLimit: opts.clawbackLimit, chargebackFee: 2500 })),
    revokeEntitlement: rec('revokeEntitlement', () => undefined),
    postJournalEntry: rec('postJournalEntry', () => ({ idempotencyKey: 'k', entryId: '43', created: true })),
    recordPurchase: rec('recordPurchase', () => undefined),
    assembleEvidencePack: rec('assembleEvidencePack', () => 'evidence/chargebacks/ccbill/tx-1.json'),
    flagFan: rec('flagFan', () => undefined),
    recordChargebackCase: rec('recordChargebackCase', () => undefined),
  }
  return { calls, activities }
}

/**
 * Fake refund activities over the same sale; `voided` decides whether the processor gave its fee back, `clawbackLimit`
 * what the creator's account holds, `refuseFirstPost` makes the first ledger post find the account emptied meanwhile.
 */
export function refundFakes(opts: { voided: boolean; clawbackLimit?: number; refuseFirstPost?: boolean }) {
  let posts = 0
  const calls: { name: string; args: Record<string, unknown> }[] = []
  const rec = <T>(name: string, result: () => T) => async (args: Record<string, unknown>) => { calls.push({ name, args }); return result() }
  const activities = {
    loadRefundCase: rec('loadRefundCase', () => ({ purchaseWorkflowId: 'ppv:fan-1:post-1', fanId: 'fan-1', postId: 'post-1', brand: 'boyfanz',
      processor: 'ccbill', transactionId: 'tx-1', amount: 1000, currency: 'USD', saleEntryId: '42', salePostings: sale, creatorShareStillPending: true,
      ...(opts.clawbackLimit === undefined ? {} : { clawbackLimit: opts.clawbackLimit }) })),
    revokeEntitlement: rec('revokeEntitlement', () => undefined),
    refundCharge: rec('refundCharge', () => ({ status: opts.voided ? 'voided' : 'refunded', refundId: 'tx-1:void', feeRefunded: opts.voided })),
    postJournalEntry: rec('postJournalEntry', () => {
      if (opts.refuseFirstPost && posts++ === 0) {
        throw ApplicationFailure.nonRetryable('An account that may not go negative would be overdrawn.', 'INSUFFICIENT_FUNDS')
      }
      return { idempotencyKey: 'k', entryId: '44', created: true }
    }),
    recordPurchase: rec('recordPurchase', () => undefined),
  }
  return { calls, activities }
}
