/** ISO 20022 payment statuses and ExternalStatusReason1Code reasons in our words. */
import { PAYOUT_FAILURES, type PayoutFailureCode, type PayoutState } from '../../rail.ts'
import { failureLookup } from '../codes.ts'
import type { PaymentStatus } from './iso20022.ts'

const REASONS: Record<string, PayoutFailureCode> = {
  AC01: PAYOUT_FAILURES.invalidAccount, // IncorrectAccountNumber
  AC03: PAYOUT_FAILURES.invalidAccount, // InvalidCreditorAccountNumber
  AC04: PAYOUT_FAILURES.invalidAccount, // ClosedAccountNumber
  AC06: PAYOUT_FAILURES.invalidAccount, // BlockedAccount
  BE01: PAYOUT_FAILURES.invalidAccount, // InconsistentWithEndCustomer
  RC01: PAYOUT_FAILURES.invalidAccount, // BankIdentifierIncorrect
  MD07: PAYOUT_FAILURES.invalidAccount, // EndCustomerDeceased
  AM04: PAYOUT_FAILURES.insufficientFunds, // InsufficientFunds
  AG01: PAYOUT_FAILURES.recipientRefused, // TransactionForbidden
  RR01: PAYOUT_FAILURES.recipientRefused, // MissingDebtorAccountOrIdentification (regulatory)
  RR02: PAYOUT_FAILURES.recipientRefused, // MissingDebtorNameOrAddress
  RR03: PAYOUT_FAILURES.recipientRefused, // MissingCreditorNameOrAddress
  RR04: PAYOUT_FAILURES.recipientRefused, // RegulatoryReason
  AM02: PAYOUT_FAILURES.unsupported, // NotAllowedAmount
  AM03: PAYOUT_FAILURES.unsupported, // NotAllowedCurrency
  CURR: PAYOUT_FAILURES.unsupported, // IncorrectCurrency
}

/** Accepted and on its way: technical validation, customer profile, settlement in process, pending. */
const SENT = new Set(['RCVD', 'ACTC', 'ACCP', 'ACSP', 'ACWC', 'ACWP', 'PDNG', 'PART'])
const SETTLED = new Set(['ACSC', 'ACCC'])

/**
 * Rejections of the message, not of the payment: DU01-DU05 (duplicate message, instruction, end-to-end, UETR or
 * payment information id) and AM05 (duplication). The first payment stands; its own status is the answer.
 */
const DUPLICATE = new Set(['DU01', 'DU02', 'DU03', 'DU04', 'DU05', 'AM05'])

/** Whether the bank refused the message as a repeat of one it holds: never a failure of the payout. */
export const isDuplicateRejection = (s: PaymentStatus): boolean => s.status === 'RJCT' && s.reasonCode !== null && DUPLICATE.has(s.reasonCode)

/** Our failure for a rejection reason; anything unknown is REJECTED. */
export const failureFor: (reasonCode: string | null) => PayoutFailureCode = failureLookup(REASONS, PAYOUT_FAILURES.rejected)

/**
 * A pain.002 status as a PayoutState. A rejection of a payment that had settled (the report still carries its
 * FctvIntrBkSttlmDt) is the money coming back: RETURNED, whatever the reason code says.
 */
export function payoutStateOf(s: PaymentStatus, fallbackRef: string, now: () => number): PayoutState {
  const providerRef = s.bankRef ?? fallbackRef
  if (SETTLED.has(s.status)) return { status: 'settled', providerRef, settledAt: s.settledAt ?? new Date(now()).toISOString() }
  if (SENT.has(s.status)) return { status: 'sent', providerRef }
  if (s.status !== 'RJCT') throw new Error(`the bank answered payment status '${s.status}', which we do not know`)
  if (isDuplicateRejection(s)) throw new Error(`the bank refused a repeated message (${s.reasonCode}): that says nothing of the payment, whose status must be read`)
  const failure = s.settledAt ? PAYOUT_FAILURES.returned : failureFor(s.reasonCode)
  const message = `bank ${s.settledAt ? 'returned' : 'rejected'} the wire: ${s.reasonCode ?? 'no reason'}${s.reasonText ? ` ${s.reasonText}` : ''}`
  return { status: 'failed', providerRef: s.bankRef, failure, railCode: s.reasonCode ?? 'RJCT', message }
}
