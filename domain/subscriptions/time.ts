/** Instants for the subscription rules: ISO strings with a zone or epoch milliseconds in, ISO strings out. Pure. */
import { SUBSCRIPTION_ERRORS, SubscriptionError } from './errors.ts'

/** A point in time as callers hold it: ISO 8601 with a zone ('2026-01-31T10:00:00Z') or epoch milliseconds. */
export type Instant = string | number

/** One UTC day; subscriptions are billed in UTC, which has no daylight-saving days. */
export const DAY_MS = 86_400_000

// An explicit zone keeps every rule independent of the machine's local time.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/
const MAX_MS = 8.64e15

/** Epoch milliseconds of an instant; throws INVALID_TIME for a string without a zone or an impossible value. */
export function toMs(t: Instant, what: string): number {
  const ms = typeof t === 'number' ? t : ISO_INSTANT.test(t) ? Date.parse(t) : Number.NaN
  if (!Number.isSafeInteger(ms) || Math.abs(ms) > MAX_MS) {
    throw new SubscriptionError(SUBSCRIPTION_ERRORS.INVALID_TIME, `${what} '${String(t)}' is not an ISO instant with a zone or epoch ms`)
  }
  return ms
}

/** ISO 8601 in UTC ('2026-02-28T10:00:00.000Z'), the form every rule returns. */
export const toIso = (ms: number): string => new Date(ms).toISOString()

/** Checks a whole number of days (or months) within bounds and returns it; throws `code` otherwise. */
export function wholeNumber(n: number, min: number, max: number, what: string,
  code: (typeof SUBSCRIPTION_ERRORS)[keyof typeof SUBSCRIPTION_ERRORS] = SUBSCRIPTION_ERRORS.INVALID_POLICY): number {
  if (Number.isSafeInteger(n) && n >= min && n <= max) return n
  throw new SubscriptionError(code, `${what} ${n} is not a whole number in ${min}..${max}`)
}
