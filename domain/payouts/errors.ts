/** Error codes of the payout rules: input that cannot be used at all. A business "no" is a value, not an error. Pure. */
import { CodedError } from '../coded-error.ts'

export const PAYOUT_ERRORS = {
  INVALID_TIME: 'INVALID_TIME',
  INVALID_AMOUNT: 'INVALID_AMOUNT',
  INVALID_PERCENT: 'INVALID_PERCENT',
  INVALID_SETTINGS: 'INVALID_SETTINGS',
} as const
export type PayoutErrorCode = (typeof PAYOUT_ERRORS)[keyof typeof PAYOUT_ERRORS]

export class PayoutError extends CodedError<PayoutErrorCode> {}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/

/** Epoch ms of an ISO instant with a zone; throws INVALID_TIME otherwise (a zone-less time depends on the machine). */
export function instantMs(iso: string, what: string): number {
  const ms = typeof iso === 'string' && ISO_INSTANT.test(iso) ? Date.parse(iso) : Number.NaN
  if (Number.isNaN(ms)) throw new PayoutError(PAYOUT_ERRORS.INVALID_TIME, `${what} '${String(iso)}' is not an ISO instant with a zone`)
  return ms
}

/** Checks a whole number of minor units within bounds. */
export function minorUnits(n: number, what: string, min = 0): number {
  if (Number.isSafeInteger(n) && n >= min) return n
  throw new PayoutError(PAYOUT_ERRORS.INVALID_AMOUNT, `${what} ${n} is not a whole number of minor units >= ${min}`)
}
