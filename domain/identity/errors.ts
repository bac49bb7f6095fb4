/** Error codes of the identity rules, and the result of a check that may refuse. Pure. */
import { CodedError } from '../coded-error.ts'

/** Every code an identity rule refuses or fails with. */
export const IDENTITY_ERRORS = {
  UNKNOWN_COUNTRY: 'UNKNOWN_COUNTRY',
  UNKNOWN_REGION: 'UNKNOWN_REGION',
  INVALID_DATE: 'INVALID_DATE',
  MALFORMED_DATE_OF_BIRTH: 'MALFORMED_DATE_OF_BIRTH',
  IMPLAUSIBLE_DATE_OF_BIRTH: 'IMPLAUSIBLE_DATE_OF_BIRTH',
  UNDERAGE: 'UNDERAGE',
  MALFORMED_DOCUMENT_NUMBER: 'MALFORMED_DOCUMENT_NUMBER',
  DOCUMENT_EXPIRED: 'DOCUMENT_EXPIRED',
  FORBIDDEN_KYC_TRANSITION: 'FORBIDDEN_KYC_TRANSITION',
  INVALID_KYC_POLICY: 'INVALID_KYC_POLICY',
} as const
/** One identity error code. */
export type IdentityErrorCode = (typeof IDENTITY_ERRORS)[keyof typeof IDENTITY_ERRORS]

/** Thrown for input that cannot be used at all (malformed, unknown). Messages never repeat personal data. */
export class IdentityError extends CodedError<IdentityErrorCode> {}

/** Outcome of a rule that may refuse: refusals are values, so callers decide whether to throw or to record. */
export type Check = { ok: true } | { ok: false; code: IdentityErrorCode; message: string }

/** The passing check. */
export const OK: Check = Object.freeze({ ok: true })

/** A refusal with its code and a message safe to show to the person concerned. */
export const refuse = (code: IdentityErrorCode, message: string): Check => ({ ok: false, code, message })
