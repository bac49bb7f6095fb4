/** Codes of the crypto driver's permanent failures (ApplicationFailure types: retrying cannot change them). */
export const CRYPTO_FAILURES = {
  unsupportedCurrency: 'CRYPTO_UNSUPPORTED_CURRENCY',
  invalidAmount: 'CRYPTO_INVALID_AMOUNT',
  /** the idempotency key was used before for a different payment or refund */
  idempotencyConflict: 'CRYPTO_IDEMPOTENCY_CONFLICT',
  unknownTransaction: 'CRYPTO_UNKNOWN_TRANSACTION',
  refundExceedsPayment: 'CRYPTO_REFUND_EXCEEDS_PAYMENT',
  /** paid to another address than this platform's treasury: only that payee can refund it */
  otherPayee: 'CRYPTO_OTHER_PAYEE',
} as const
