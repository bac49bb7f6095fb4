/** Refund, status and the end of rebilling through Segpay SRS; a retried refund is answered from the transaction report. */
import { ApplicationFailure } from '@temporalio/common'
import type { CancelRecurringRequest, RefundRequest, RefundResult, TransactionStatus } from '../driver.ts'
import { fromMajorDecimal } from './amounts.ts'
import { SRS_ANSWERS, reversalOf } from './codes.ts'
import type { createSrsClient, SrsRow } from './srs-client.ts'

type Srs = ReturnType<typeof createSrsClient>
type Reversal = { kind: 'void' | 'refund' | 'chargeback'; transId: string }
type SaleRecord = { sale: SrsRow; reversals: Reversal[] }

/** Why a refund can never succeed: non-retryable failure types. */
export const SEGPAY_FAILURES = {
  unknownTransaction: 'SEGPAY_UNKNOWN_TRANSACTION',
  unknownSubscription: 'SEGPAY_UNKNOWN_SUBSCRIPTION',
  cancelRefused: 'SEGPAY_CANCEL_REFUSED',
  chargedBack: 'SEGPAY_ALREADY_CHARGED_BACK',
  partialRefund: 'SEGPAY_PARTIAL_REFUND_UNSUPPORTED',
  refused: 'SEGPAY_REFUND_REFUSED',
} as const

const approved = (row: SrsRow) => (row.Auth ?? '').trim().toLowerCase() === 'yes'

/** What a reversal on record means for us; Segpay keeps its fee on a refund but not on a void (as card networks do). */
function resultOf(reversal: Reversal): RefundResult {
  return reversal.kind === 'void'
    ? { status: 'voided', refundId: reversal.transId, feeRefunded: true }
    : { status: 'refunded', refundId: reversal.transId, feeRefunded: false }
}

function failure(transactionId: string, answer: string): Error {
  const code = answer === SRS_ANSWERS.mismatch ? SEGPAY_FAILURES.unknownTransaction : SEGPAY_FAILURES.refused
  return ApplicationFailure.nonRetryable(`Segpay refused to refund ${transactionId}: '${answer}'`, code)
}

/** Refund and status over SRS reports and RefundTransaction. */
export function createReversals(srs: Srs) {
  /** The sale row and the reversals pointing at it, or null when Segpay has no such transaction for us. */
  async function lookup(transactionId: string): Promise<SaleRecord | null> {
    const sale = (await srs.transactionByTransId(transactionId)).find((r) => r.TransID === transactionId)
    if (!sale) return null
    const related = sale.PurchaseID ? await srs.transactionsByPurchaseId(sale.PurchaseID) : []
    const reversals = related.filter((r) => r.RelatedTransID === transactionId && approved(r))
      .map((r) => ({ kind: reversalOf(r.Type ?? ''), transId: r.TransID ?? '' }))
      .filter((r): r is Reversal => r.kind !== null)
    return { sale, reversals }
  }

  const find = (record: SaleRecord, kind: Reversal['kind']) => record.reversals.find((r) => r.kind === kind)

  /** Segpay's RefundTransaction takes no amount, so only the whole sale can be given back. */
  function assertWholeSale(record: SaleRecord, request: RefundRequest): void {
    const currency = (record.sale.Currency ?? '').trim() || request.currency
    const sold = fromMajorDecimal(record.sale.TransAmount ?? '', currency)
    if (currency !== request.currency || sold !== request.amount) {
      throw ApplicationFailure.nonRetryable(`Segpay refunds whole transactions only: ${request.transactionId} was ${sold} ${currency}, `
        + `asked ${request.amount} ${request.currency}`, SEGPAY_FAILURES.partialRefund)
    }
  }

  return {
    /**
     * Asks Segpay to reverse the sale: Segpay voids it while unsettled and credits it after settlement; the report
     * read afterwards tells which. A reversal already on record (a retry after a lost answer) is returned as is.
     */
    async refund(request: RefundRequest): Promise<RefundResult> {
      const { transactionId, idempotencyKey } = request
      const record = await lookup(transactionId)
      if (!record) throw ApplicationFailure.nonRetryable(`Segpay has no transaction ${transactionId}`, SEGPAY_FAILURES.unknownTransaction)
      if (find(record, 'chargeback')) {
        throw ApplicationFailure.nonRetryable(`transaction ${transactionId} was charged back`, SEGPAY_FAILURES.chargedBack)
      }
      const earlier = find(record, 'void') ?? find(record, 'refund')
      if (earlier) return resultOf(earlier)
      assertWholeSale(record, request)
      const answer = await srs.refundTransaction(transactionId, request.reason, idempotencyKey)
      if (answer !== SRS_ANSWERS.successful) throw failure(transactionId, answer)
      const after = await lookup(transactionId)
      const reversal = after && (find(after, 'void') ?? find(after, 'refund'))
      if (!reversal) throw new Error(`Segpay accepted the refund of ${transactionId} but its report does not show it yet`)
      return resultOf(reversal)
    },

    /** A chargeback outranks a void or refund on record, and those outrank the approval. */
    async status(transactionId: string): Promise<TransactionStatus> {
      const record = await lookup(transactionId)
      if (!record) return { transactionId, state: 'unknown' }
      if (!approved(record.sale)) return { transactionId, state: 'declined' }
      const state = find(record, 'chargeback') ? 'chargeback' : find(record, 'void') ? 'voided' : find(record, 'refund') ? 'refunded' : 'approved'
      return { transactionId, state }
    },

    /**
     * Cancels Segpay's rebilling of a purchase. 'Subscription not active' means nothing rebills it any more (cancelled
     * before: a retry, or the fan at Segpay; or expired), which is what was asked.
     */
    async cancelRecurring(request: CancelRecurringRequest): Promise<{ cancelled: boolean }> {
      const { subscriptionRef, reason, idempotencyKey } = request
      const answer = await srs.cancelMembership(subscriptionRef, reason, idempotencyKey)
      if (answer === SRS_ANSWERS.successful || answer === SRS_ANSWERS.notActive) return { cancelled: true }
      if (answer === SRS_ANSWERS.purchaseMismatch) {
        throw ApplicationFailure.nonRetryable(`Segpay has no purchase ${subscriptionRef} of ours`, SEGPAY_FAILURES.unknownSubscription)
      }
      throw ApplicationFailure.nonRetryable(`Segpay refused to cancel ${subscriptionRef}: '${answer}'`, SEGPAY_FAILURES.cancelRefused)
    },
  }
}
