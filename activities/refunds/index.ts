/** Activities of refunds: read the purchase and decide, by policy, whether it may be refunded. */
import { ApplicationFailure } from '@temporalio/activity'
import type { Db } from '../../prisma/client.ts'
import { REFUND_REFUSALS, refundRefusal } from '../../domain/refund-policy.ts'
import type { RefundCase, RefundPurchaseInput } from '../../workflows/refund-purchase.contract.ts'
import { creatorClawbackLimit, readBookedSale } from '../purchases/sale-record.ts'

const refuse = (message: string, code: string) => ApplicationFailure.nonRetryable(message, code)

export function createRefundActivities({ db }: { db: Db }) {
  return {
    /** Loads a completed purchase and applies the refund policy for whoever asked. */
    async loadRefundCase({ purchaseId, requestedBy }: RefundPurchaseInput): Promise<RefundCase> {
      const p = await db.purchase.findUnique({ where: { id: purchaseId } })
      if (!p) throw refuse('No such purchase.', REFUND_REFUSALS.notRefundable)
      if (p.kind === 'subscription') throw refuse('A subscription charge is refunded through its subscription.', REFUND_REFUSALS.notRefundable)
      const refusal = refundRefusal({ purchase: p, requester: requestedBy, now: new Date() })
      if (refusal || !p.transactionId) throw refuse(refusal?.message ?? 'No transaction to refund.', refusal?.code ?? REFUND_REFUSALS.notRefundable)
      const sale = await readBookedSale(db, p)
      if (!sale) throw refuse('The purchase has no sale entry.', REFUND_REFUSALS.notRefundable)
      return { purchaseWorkflowId: p.workflowId, fanId: p.fanId, postId: p.postId, brand: p.brand, processor: p.processor as RefundCase['processor'],
        transactionId: p.transactionId, amount: p.amount, currency: p.currency, saleEntryId: sale.saleEntryId, salePostings: sale.salePostings,
        creatorShareStillPending: !sale.released, clawbackLimit: await creatorClawbackLimit(db, sale) }
    },
  }
}
