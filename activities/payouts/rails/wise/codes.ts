/** Wise's transfer states and identifiers in our words: PayoutState, report status, the customerTransactionId. */
import { createHash } from 'node:crypto'
import { PAYOUT_FAILURES, type PayoutFailureCode, type PayoutState, type RailReportLine } from '../../rail.ts'

/**
 * Wise's idempotency key for a transfer: a UUID derived from ours, so every retry sends the same one. SHA-256 of a
 * namespaced key, laid out as a name-based UUID (version 5 bits, RFC 4122 variant; SHA-256 instead of SHA-1).
 */
export function customerTransactionIdFor(idempotencyKey: string): string {
  const b = createHash('sha256').update(`fanz-unified:wise-payout:${idempotencyKey}`, 'utf8').digest().subarray(0, 16)
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x50
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
  const hex = b.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * A transfer state as a PayoutState. outgoing_payment_sent is Wise's last step (the money left for the payee's bank),
 * so it counts as settled; `at` is when we learned it (the webhook's occurred_at, or the time of the poll).
 * incoming_payment_waiting (created, not funded) is in flight unless the caller knows funding was refused.
 */
export function payoutStateOf(providerRef: string, state: string, at: string): PayoutState {
  const failed = (failure: PayoutFailureCode, message: string): PayoutState =>
    ({ status: 'failed', providerRef, failure, railCode: state, message })
  switch (state) {
    case 'outgoing_payment_sent': return { status: 'settled', providerRef, settledAt: at }
    case 'bounced_back': return failed(PAYOUT_FAILURES.returned, 'Wise: the payee\'s bank sent the payout back')
    case 'funds_refunded': return failed(PAYOUT_FAILURES.returned, 'Wise: the payout was refunded to our balance')
    case 'cancelled': return failed(PAYOUT_FAILURES.rejected, 'Wise: the transfer was cancelled')
    case 'charged_back': return failed(PAYOUT_FAILURES.rejected, 'Wise: the transfer was charged back')
    // incoming_payment_waiting, processing, funds_converted and any state Wise adds later: still on its way
    default: return { status: 'sent', providerRef }
  }
}

/** The report status of a transfer state. */
export function reportStatusOf(state: string | undefined): RailReportLine['status'] {
  if (state === 'bounced_back' || state === 'funds_refunded') return 'returned'
  if (state === 'cancelled' || state === 'charged_back') return 'failed'
  return state === 'outgoing_payment_sent' ? 'settled' : 'sent'
}
