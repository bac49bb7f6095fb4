/** Refund, void, status and the end of rebilling through CCBill DataLink; a retry is answered from the status record. */
import { ApplicationFailure } from '@temporalio/common'
import type { CancelRecurringRequest, RefundRequest, RefundResult, TransactionStatus } from '../driver.ts'
import { toMajorDecimal } from './amounts.ts'
import { DATALINK_RESULTS } from './codes.ts'
import type { createDatalinkClient } from './datalink-client.ts'

type Datalink = ReturnType<typeof createDatalinkClient>
type StatusRecord = Record<string, string>

export const CCBILL_FAILURES = {
  unknownTransaction: 'CCBILL_UNKNOWN_TRANSACTION',
  unknownSubscription: 'CCBILL_UNKNOWN_SUBSCRIPTION',
  chargedBack: 'CCBILL_ALREADY_CHARGED_BACK',
  refused: 'CCBILL_DATALINK_REFUSED',
} as const

// answers that mean "no such subscription for this merchant", as opposed to "try again"
const NOT_FOUND: readonly string[] = [DATALINK_RESULTS.invalidSubscription, DATALINK_RESULTS.noRecord, DATALINK_RESULTS.otherAccount]
// answers a retry (or an operator fixing the credentials) can cure
const TRANSIENT: readonly string[] = [DATALINK_RESULTS.badCredentials, DATALINK_RESULTS.internalError]

function failure(action: string, result: string | undefined): Error {
  const message = `CCBill DataLink ${action} answered ${result ?? 'nothing'}`
  if (result === undefined || TRANSIENT.includes(result)) return new Error(message)
  return ApplicationFailure.nonRetryable(message, CCBILL_FAILURES.refused)
}

const count = (record: StatusRecord, field: string) => Number(record[field] ?? '0') || 0
/** CCBill stamps a cancelDate on a subscription whose rebilling was cancelled (it runs on to its expiration date). */
const cancelled = (record: StatusRecord) => (record.cancelDate ?? '').trim() !== ''

/** The reversal already on record, so a retry after a lost answer does not refund twice. */
function earlierReversal(record: StatusRecord, transactionId: string): RefundResult | null {
  if (count(record, 'voidsIssued') > 0) return { status: 'voided', refundId: `${transactionId}:void`, feeRefunded: true }
  if (count(record, 'refundsIssued') > 0) return { status: 'refunded', refundId: `${transactionId}:refund`, feeRefunded: false }
  return null
}

export function createReversals(datalink: Datalink) {
  /** The status record, or null when CCBill has no such subscription for us. */
  async function lookup(transactionId: string): Promise<StatusRecord | null> {
    const record = await datalink.call('viewSubscriptionStatus', { subscriptionId: transactionId })
    if (record.results === undefined) return record
    if (NOT_FOUND.includes(record.results)) return null
    throw failure('viewSubscriptionStatus', record.results)
  }

  return {
    /**
     * Voids while the sale is unsettled (CCBill keeps its fee off a void), refunds after settlement (its fee stays).
     * A void reverses the whole sale: partial refunds are only possible once the sale has settled.
     */
    async refund(request: RefundRequest): Promise<RefundResult> {
      const { transactionId, idempotencyKey } = request
      const record = await lookup(transactionId)
      if (!record) throw ApplicationFailure.nonRetryable(`CCBill has no transaction ${transactionId}`, CCBILL_FAILURES.unknownTransaction)
      if (count(record, 'chargebacksIssued') > 0) {
        throw ApplicationFailure.nonRetryable(`transaction ${transactionId} was charged back`, CCBILL_FAILURES.chargedBack)
      }
      const earlier = earlierReversal(record, transactionId)
      if (earlier) return earlier
      const voided = await datalink.call('voidTransaction', { subscriptionId: transactionId }, `${idempotencyKey}:void`)
      if (voided.results === DATALINK_RESULTS.success) return { status: 'voided', refundId: `${transactionId}:void`, feeRefunded: true }
      // 0: the action failed, which for a void means the sale has settled already
      if (voided.results !== DATALINK_RESULTS.failed) throw failure('voidTransaction', voided.results)
      const amount = toMajorDecimal(request.amount, request.currency)
      const refunded = await datalink.call('refundTransaction', { subscriptionId: transactionId, amount }, `${idempotencyKey}:refund`)
      if (refunded.results !== DATALINK_RESULTS.success) throw failure('refundTransaction', refunded.results)
      return { status: 'refunded', refundId: `${transactionId}:refund`, feeRefunded: false }
    },

    /** A chargeback outranks a void or refund on record, and those outrank the approval. */
    async status(transactionId: string): Promise<TransactionStatus> {
      const record = await lookup(transactionId)
      if (!record) return { transactionId, state: 'unknown' }
      const state = count(record, 'chargebacksIssued') > 0 ? 'chargeback'
        : count(record, 'voidsIssued') > 0 ? 'voided'
          : count(record, 'refundsIssued') > 0 ? 'refunded' : 'approved'
      return { transactionId, state }
    },

    /**
     * Cancels CCBill's rebilling of a subscription; one already cancelled (a retry, or the fan cancelling at CCBill) is
     * not cancelled twice. A one-time sale has nothing to cancel: `cancelled` false.
     */
    async cancelRecurring(request: CancelRecurringRequest): Promise<{ cancelled: boolean }> {
      const { subscriptionRef, idempotencyKey } = request
      const record = await lookup(subscriptionRef)
      if (!record) {
        throw ApplicationFailure.nonRetryable(`CCBill has no subscription ${subscriptionRef}`, CCBILL_FAILURES.unknownSubscription)
      }
      if (cancelled(record)) return { cancelled: true }
      if (count(record, 'recurringSubscription') === 0) return { cancelled: false }
      const answer = await datalink.call('cancelSubscription', { subscriptionId: subscriptionRef }, `${idempotencyKey}:cancel`)
      if (answer.results === DATALINK_RESULTS.success) return { cancelled: true }
      // 0: refused, which for a cancellation racing another (the fan's own) means it is cancelled already
      if (answer.results === DATALINK_RESULTS.failed && cancelled((await lookup(subscriptionRef)) ?? {})) return { cancelled: true }
      throw failure('cancelSubscription', answer.results)
    },
  }
}
