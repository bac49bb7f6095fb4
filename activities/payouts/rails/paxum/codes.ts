/** Paxum's ResponseCodes (Appendix A) in our words, for the answers that are a verdict on a payout. */
import { PAYOUT_FAILURES, type PayoutFailureCode } from '../../rail.ts'
import { failureLookup } from '../codes.ts'

const FAILURES: Record<string, PayoutFailureCode> = {
  IP: PAYOUT_FAILURES.invalidAccount, // Invalid Payee: no wallet with that e-mail
  IA: PAYOUT_FAILURES.invalidAccount, // Invalid Account ID
  NM: PAYOUT_FAILURES.invalidAccount, // Name Doesn't Match: the wallet is someone else's
  BM: PAYOUT_FAILURES.invalidAccount, // Business Name Doesn't Match
  UA: PAYOUT_FAILURES.recipientRefused, // Unverified Account
  '58': PAYOUT_FAILURES.recipientRefused, // Transaction Not Permitted
  '51': PAYOUT_FAILURES.insufficientFunds, // Not Sufficient Funds
  IK: PAYOUT_FAILURES.unsupported, // Invalid Currency
  P5: PAYOUT_FAILURES.unsupported, // Currency Conversion Error
  '52': PAYOUT_FAILURES.unsupported, // Single Transaction Limit Amount Exceeded
}

/**
 * Our failure for a Paxum ResponseCode other than 00, or null for a code we do not know: whether that one moved money
 * is unclear, so a transfer answered with it is retried (the history then tells), never taken as failed.
 */
export const failureFor: (responseCode: string) => PayoutFailureCode | null = failureLookup(FAILURES, null)
