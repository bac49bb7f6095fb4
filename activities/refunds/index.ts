/** Activities of refunds: read the purchase and decide, by policy, whether it may be refunded. */
import { ApplicationFailure } from '@temporalio/activity'
import type { Db } from '../../prisma/client.ts'
import { kindOfCode } from '../../domain/ledger/accounts.ts'
import { REFUND_REFUSALS, refundRefusal } from '../../domain/refund-policy.ts'
import type { RefundCase, RefundPurchaseInput } from '../../workflows/refund-purchase.contract.ts'
import { purchaseKey } from '../../workflows/purchase-ppv.contract.ts'

const refuse = (message: string, code: string) => ApplicationFailure.nonRetryable(message, code)

export function createRefundActivities({ db }: { db: Db }) {
  return {
    /** Loads a completed purchase and applies the refund policy for whoever asked. */
    async loadRefundCase({ purchaseId, requestedBy }: RefundPurchaseInput): Promise<RefundCase> {
      const p = await db.purchase.findUnique({ where: { id: purchaseId } })
      if (!p) throw refuse('No such purchase.', REFUND_REFUSALS.notRefundable)
      const refusal = refundRefusal({ purchase: p, requester: requestedBy, now: new Date() })
      if (refusal || !p.transactionId) throw refuse(refusal?.message ?? 'No transaction to refund.', refusal?.code ?? REFUND_REFUSALS.notRefundable)
      const sale = p.ledgerEntryId === null ? null
        : await db.journalEntry.findUnique({ where: { id: p.ledgerEntryId }, include: { postings: { include: { account: true } } } })
      if (!sale) throw refuse('The purchase has no sale entry.', REFUND_REFUSALS.notRefundable)
      const released = Boolean(await db.journalEntry.findUnique({ where: { idempotencyKey: purchaseKey(p.id, 'release') } }))
      return { purchaseWorkflowId: p.workflowId, fanId: p.fanId, postId: p.postId, brand: p.brand, processor: p.processor as RefundCase['processor'],
        transactionId: p.transactionId, amount: p.amount, currency: p.currency, saleEntryId: sale.id.toString(), creatorShareStillPending: !released,
        salePostings: sale.postings.map((x) => ({ amount: Number(x.amount), account: { kind: kindOfCode(x.account.kind), brand: x.account.brand,
          currency: x.account.currency, owner: x.account.owner } })) }
    },
  }
}
