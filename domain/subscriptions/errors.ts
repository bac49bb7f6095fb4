/** Error codes of the subscription rules, and refusals as values. Pure. */
import { CodedError } from '../coded-error.ts'

/** Codes for input that cannot be used at all (malformed times, policies, promos); refusals have their own tables. */
export const SUBSCRIPTION_ERRORS = {
  INVALID_TIME: 'INVALID_TIME',
  INVALID_PERIOD: 'INVALID_PERIOD',
  INVALID_POLICY: 'INVALID_POLICY',
  INVALID_PROMO: 'INVALID_PROMO',
  UNKNOWN_TIER: 'UNKNOWN_TIER',
  CURRENCY_MISMATCH: 'CURRENCY_MISMATCH',
} as const
/** One subscription error code. */
export type SubscriptionErrorCode = (typeof SUBSCRIPTION_ERRORS)[keyof typeof SUBSCRIPTION_ERRORS]

/** Thrown for malformed input; a business "no" is returned as a Refusal instead. */
export class SubscriptionError extends CodedError<SubscriptionErrorCode> {}

/** A business "no": a code from a module's refusal table and a message safe to show to the fan or creator. */
export type Refusal<Code extends string> = { ok: false; code: Code; message: string }

/** Builds a refusal. */
export const refuse = <Code extends string>(code: Code, message: string): Refusal<Code> => ({ ok: false, code, message })
