/** ACH return codes and Dwolla transfer statuses in our words, and the correlationId our key travels as. */
import { createHash } from 'node:crypto'
import { PAYOUT_FAILURES, type PayoutFailureCode, type RailReportLine } from '../../rail.ts'
import { failureLookup } from '../codes.ts'

/** The returns that say something other than "the money came back" (R02 Account closed is a return: RETURNED). */
const FAILURES: Record<string, PayoutFailureCode> = {
  R03: PAYOUT_FAILURES.invalidAccount, // No account/unable to locate
  R04: PAYOUT_FAILURES.invalidAccount, // Invalid account number
  R13: PAYOUT_FAILURES.invalidAccount, // Invalid ACH routing number
  R20: PAYOUT_FAILURES.invalidAccount, // Non-transaction account
  R14: PAYOUT_FAILURES.recipientRefused, // Representative payee deceased
  R15: PAYOUT_FAILURES.recipientRefused, // Beneficiary deceased
  R16: PAYOUT_FAILURES.recipientRefused, // Account frozen
  R23: PAYOUT_FAILURES.recipientRefused, // Credit entry refused by receiver
}

const listedFailure = failureLookup(FAILURES, null)

/** Our failure for an ACH return code: the listed ones, RETURNED for any other R code, REJECTED for anything else. */
export const failureForReturn = (code: string): PayoutFailureCode =>
  listedFailure(code) ?? (/^R\d\d$/.test(code) ? PAYOUT_FAILURES.returned : PAYOUT_FAILURES.rejected)

/** The report status of a Dwolla transfer (with its return code when failed). */
export function reportStatusOf(status: string, returnCode: string | null): RailReportLine['status'] {
  if (status === 'processed') return 'settled'
  if (status === 'failed') return returnCode && failureForReturn(returnCode) === PAYOUT_FAILURES.returned ? 'returned' : 'failed'
  return status === 'cancelled' ? 'failed' : 'sent'
}

/** Dwolla's correlationId takes [A-Za-z0-9._-] only, so our key travels hashed (hex SHA-256); it is what status() searches by. */
export const correlationIdFor = (idempotencyKey: string): string => createHash('sha256').update(`fanz-unified:ach-payout:${idempotencyKey}`, 'utf8').digest('hex')
