/** Refund, void and status through the Control Center API; a retried refund is answered from the sale record. */
import { ApplicationFailure } from '@temporalio/common'
import type { RefundRequest, RefundResult, TransactionStatus } from '../driver.ts'
import { fromMajorDecimal, toMajorDecimal } from './amounts.ts'
import { SALE_TRANSACTION_TYPES as TYPES, VEROTEL_FAILURES } from './codes.ts'
import type { ActionReply, ControlCenterClient, SaleRecord } from './control-center-client.ts'

// 412 Precondition Failed is how the Control Center API refuses an action the sale's state does not allow
const PRECONDITION_FAILED = 412

const find = (sale: SaleRecord, type: string) => sale.transactions.find((t) => t.type === type)

/** The reversal already on record, so a retry after a lost answer does not reverse twice. */
function earlierReversal(sale: SaleRecord): RefundResult | null {
  const voided = find(sale, TYPES.void)
  if (voided) return { status: 'voided', refundId: voided.transaction_id, feeRefunded: true }
  const credited = find(sale, TYPES.credit)
  if (credited) return { status: 'refunded', refundId: credited.transaction_id, feeRefunded: false }
  return null
}

function refused(action: string, reply: Extract<ActionReply, { ok: false }>): Error {
  return ApplicationFailure.nonRetryable(`Verotel refused to ${action} the sale: ${reply.title} (HTTP ${reply.status})`, VEROTEL_FAILURES.refused)
}

export function createReversals(api: ControlCenterClient) {
  return {
    /**
     * Voids while the sale is unsettled and the whole amount goes back (Verotel keeps no fee on a void); otherwise
     * credits the amount, partially if asked, and the fee stays with Verotel.
     */
    async refund(request: RefundRequest): Promise<RefundResult> {
      const { transactionId: saleId, idempotencyKey } = request
      const sale = await api.sale(saleId)
      if (!sale) throw ApplicationFailure.nonRetryable(`Verotel has no sale ${saleId}`, VEROTEL_FAILURES.unknownTransaction)
      if (find(sale, TYPES.chargeback)) {
        throw ApplicationFailure.nonRetryable(`sale ${saleId} was charged back`, VEROTEL_FAILURES.chargedBack)
      }
      const earlier = earlierReversal(sale)
      if (earlier) return earlier
      if (request.currency !== sale.currency) {
        throw ApplicationFailure.nonRetryable(`sale ${saleId} is in ${sale.currency}, not ${request.currency}`, VEROTEL_FAILURES.badRequest)
      }
      const whole = request.amount === fromMajorDecimal(sale.amount, sale.currency)
      if (!sale.settled && whole) {
        const voided = await api.reverse(saleId, 'void', {}, `${idempotencyKey}:void`)
        if (voided.ok) return { status: 'voided', refundId: voided.transactionId, feeRefunded: true }
        // settled between our lookup and the void: fall through to a refund
        if (voided.status !== PRECONDITION_FAILED) throw refused('void', voided)
      }
      const amount = toMajorDecimal(request.amount, request.currency)
      const credited = await api.reverse(saleId, 'refund', { amount, reason: request.reason }, `${idempotencyKey}:refund`)
      if (!credited.ok) throw refused('refund', credited)
      return { status: 'refunded', refundId: credited.transactionId, feeRefunded: false }
    },

    /** A chargeback outranks a void or credit on record, and those outrank the approval. */
    async status(saleId: string): Promise<TransactionStatus> {
      const sale = await api.sale(saleId)
      if (!sale) return { transactionId: saleId, state: 'unknown' }
      const state = find(sale, TYPES.chargeback) ? 'chargeback'
        : find(sale, TYPES.void) ? 'voided'
          : find(sale, TYPES.credit) ? 'refunded' : 'approved'
      return { transactionId: saleId, state }
    },
  }
}
