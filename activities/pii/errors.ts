/** Error codes of personal-data encryption. All are permanent: an activity maps them to nonRetryable failures. */
import { CodedError } from '../../domain/coded-error.ts'

/** Every code the encryption layer fails with. */
export const PII_ERRORS = {
  KEY_DESTROYED: 'KEY_DESTROYED',
  KEY_NOT_FOUND: 'KEY_NOT_FOUND',
  UNKNOWN_MASTER_KEY: 'UNKNOWN_MASTER_KEY',
  INVALID_MASTER_KEY: 'INVALID_MASTER_KEY',
  INVALID_INDEX_KEY: 'INVALID_INDEX_KEY',
  INVALID_PURPOSE: 'INVALID_PURPOSE',
  INVALID_PERSON_ID: 'INVALID_PERSON_ID',
  MALFORMED_CIPHERTEXT: 'MALFORMED_CIPHERTEXT',
  DECRYPTION_FAILED: 'DECRYPTION_FAILED',
} as const
/** One PII error code. */
export type PiiErrorCode = (typeof PII_ERRORS)[keyof typeof PII_ERRORS]

/** Messages name the failure, never a key, a plaintext or a ciphertext. */
export class PiiError extends CodedError<PiiErrorCode> {}
