/** Credit (void or refund) and status through Epoch's Customer Search API; a retried credit is answered from history. */
import { ApplicationFailure } from '@temporalio/common'
import type { RefundRequest, RefundResult, TransactionStatus } from '../driver.ts'
import { toMajorDecimal } from './amounts.ts'
import { CREDIT_REASON, CREDIT_TYPES, CSA_ERRORS, CSA_STATUS, DATAPLUS_TYPES } from './codes.ts'
import type { CsaAnswer, HistoryRow, createCustomerSearchClient } from './customer-search-client.ts'

type CustomerSearch = ReturnType<typeof createCustomerSearchClient>

export const EPOCH_FAILURES = {
  unknownTransaction: 'EPOCH_UNKNOWN_TRANSACTION',
  chargedBack: 'EPOCH_ALREADY_CHARGED_BACK',
  refused: 'EPOCH_CREDIT_REFUSED',
} as const

// answers a retry (or an operator fixing the credentials) can cure
const TRANSIENT: readonly string[] = [CSA_ERRORS.badAuth]
const REVERSALS: readonly string[] = [DATAPLUS_TYPES.chargeback, DATAPLUS_TYPES.returnedCheck]

function failure(action: string, answer: CsaAnswer): Error {
  const message = `Epoch Customer Search ${action} answered ${answer.error ?? answer.status}`
  if (TRANSIENT.includes(answer.error ?? '')) return new Error(message)
  if (answer.error === CSA_ERRORS.chargedBack) return ApplicationFailure.nonRetryable(message, EPOCH_FAILURES.chargedBack)
  return ApplicationFailure.nonRetryable(message, EPOCH_FAILURES.refused)
}

const result = (transactionId: string, creditType: string | undefined, creditId: string): RefundResult =>
  creditType === CREDIT_TYPES.void
    ? { status: 'voided', refundId: `${transactionId}:void:${creditId}`, feeRefunded: true }
    : { status: 'refunded', refundId: `${transactionId}:credit:${creditId}`, feeRefunded: false }

/** The rows that reverse this sale (credits, chargebacks), from its history. */
const reversalsOf = (rows: HistoryRow[], transactionId: string) =>
  rows.filter((r) => r.ets_ref_trans_ids === transactionId && r.ets_transaction_id !== transactionId)

export function createReversals(csa: CustomerSearch) {
  /** The sale's history, or null when Epoch has no such transaction for us. */
  async function history(transactionId: string): Promise<HistoryRow[] | null> {
    const answer = await csa.call('search', { trans_id: transactionId })
    if (answer.status === CSA_STATUS.success) return answer.transactions ?? []
    if (answer.error === CSA_ERRORS.notFound) return null
    throw failure('search', answer)
  }

  return {
    /**
     * One credit through the Customer Search API: Epoch voids a sale that has not settled (its fee comes back, the
     * whole sale is reversed) and credits a settled one (partial amounts allowed, its fee stays).
     */
    async refund(request: RefundRequest): Promise<RefundResult> {
      const { transactionId, idempotencyKey } = request
      const rows = await history(transactionId)
      if (!rows) throw ApplicationFailure.nonRetryable(`Epoch has no transaction ${transactionId}`, EPOCH_FAILURES.unknownTransaction)
      const reversals = reversalsOf(rows, transactionId)
      if (reversals.some((r) => REVERSALS.includes(r.ets_transaction_type))) {
        throw ApplicationFailure.nonRetryable(`transaction ${transactionId} was charged back`, EPOCH_FAILURES.chargedBack)
      }
      const earlier = reversals.find((r) => r.ets_transaction_type === DATAPLUS_TYPES.credit)
      if (earlier) return result(transactionId, earlier.credit_type, earlier.ets_transaction_id)
      const answer = await csa.call('credit', {
        trans_id: transactionId, credit_reason: CREDIT_REASON,
        // a partial amount is honoured on settled sales only; Epoch's parameter name for it is not public
        amount: toMajorDecimal(request.amount, request.currency),
      }, `${idempotencyKey}:credit`)
      if (answer.status !== CSA_STATUS.success || !answer.credit_trans_id) throw failure('credit', answer)
      return result(transactionId, answer.credit_type, answer.credit_trans_id)
    },

    /** A chargeback outranks a credit on record, and that outranks the approval. */
    async status(transactionId: string): Promise<TransactionStatus> {
      const rows = await history(transactionId)
      if (!rows || !rows.some((r) => r.ets_transaction_id === transactionId)) return { transactionId, state: 'unknown' }
      const reversals = reversalsOf(rows, transactionId)
      const credit = reversals.find((r) => r.ets_transaction_type === DATAPLUS_TYPES.credit)
      const state = reversals.some((r) => REVERSALS.includes(r.ets_transaction_type)) ? 'chargeback'
        : credit ? (credit.credit_type === CREDIT_TYPES.void ? 'voided' : 'refunded') : 'approved'
      return { transactionId, state }
    },
  }
}
