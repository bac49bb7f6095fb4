import { ActivityFailure, ApplicationFailure, getExternalWorkflowHandle, patched, proxyActivities, workflowInfo } from '@temporalio/workflow'
import { LEDGER_REFUSALS } from '../domain/ledger/validate.ts'
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
  // a share already paid out cannot come back from the creator's account: the creator owes the rest (receivable)
  const share = -(c.salePostings.find((p) => p.account.kind === 'creatorPending')?.amount ?? 0)
  const book = (clawbackFromCreator: number | undefined) => {
    const entry = refundTemplate({ original: c.salePostings, feeRefunded: refund.feeRefunded, creatorShareStillPending: c.creatorShareStillPending,
      clawbackFromCreator })
    return act.postJournalEntry({ idempotencyKey: `${workflowId}:ledger`, kind: 'refund', memo: entry.memo, brand: c.brand,
      postings: entry.postings, reversesId: c.saleEntryId, metadata: { refundId: refund.refundId, reason: input.reason, requestedBy: input.requestedBy } })
  }
  let posted: Awaited<ReturnType<typeof book>>
  try {
    posted = await book(c.clawbackLimit === undefined ? undefined : Math.min(share, c.clawbackLimit))
  } catch (err) {
    // the money is back with the fan already; if a payout emptied the account since the case was read, the whole
    // share becomes the creator's debt rather than leaving the refund unbooked
    if (!patched('refund-shortfall-receivable') || !(err instanceof ActivityFailure && err.cause instanceof ApplicationFailure
      && err.cause.type === LEDGER_REFUSALS.insufficientFunds)) throw err
    posted = await book(0)
  }
  await act.recordPurchase({ purchaseId: input.purchaseId, status: 'REFUNDED' })
  return { refundId: refund.refundId, feeRefunded: refund.feeRefunded, entryId: posted.entryId }
}
