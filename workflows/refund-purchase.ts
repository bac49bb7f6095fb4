import { getExternalWorkflowHandle, proxyActivities, workflowInfo } from '@temporalio/workflow'
import type * as refunds from '../activities/refunds/index.ts'
import type * as finance from '../activities/purchases/index.ts'
import type * as ledger from '../activities/ledger/index.ts'
import { refundTemplate } from '../domain/ledger/templates.ts'
import type { RefundPurchaseInput, RefundPurchaseOutput } from './refund-purchase.contract.ts'
import { refundNoticeSignal } from './purchase-ppv.ts'

type Activities = ReturnType<typeof refunds.createRefundActivities> & ReturnType<typeof finance.createPurchaseActivities>
  & ReturnType<typeof ledger.createLedgerActivities>
const act = proxyActivities<Activities>({ startToCloseTimeout: '30s', retry: { initialInterval: '1s', maximumAttempts: 8 } })

/** Refunds a purchase: access first, then the money at the processor, then the books, each step keyed. */
export async function refundPurchase(input: RefundPurchaseInput): Promise<RefundPurchaseOutput> {
  const { workflowId } = workflowInfo()
  // the policy check refuses (non-retryable) what may not be refunded, before anything changes
  const c = await act.loadRefundCase(input)
  await getExternalWorkflowHandle(c.purchaseWorkflowId).signal(refundNoticeSignal, { refundWorkflowId: workflowId }).catch(() => undefined)
  if (c.postId) await act.revokeEntitlement({ fanId: c.fanId, postId: c.postId, purchaseId: input.purchaseId })
  const refund = await act.refundCharge({ processor: c.processor, idempotencyKey: `${workflowId}:refund`, transactionId: c.transactionId,
    amount: c.amount, currency: c.currency, reason: input.reason })
  const entry = refundTemplate({ original: c.salePostings, feeRefunded: refund.feeRefunded, creatorShareStillPending: c.creatorShareStillPending })
  const posted = await act.postJournalEntry({ idempotencyKey: `${workflowId}:ledger`, kind: 'refund', memo: entry.memo, brand: c.brand,
    postings: entry.postings, reversesId: c.saleEntryId, metadata: { refundId: refund.refundId, reason: input.reason, requestedBy: input.requestedBy } })
  await act.recordPurchase({ purchaseId: input.purchaseId, status: 'REFUNDED' })
  return { refundId: refund.refundId, feeRefunded: refund.feeRefunded, entryId: posted.entryId }
}
