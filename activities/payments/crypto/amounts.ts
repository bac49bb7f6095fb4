/** Our money (integer minor units) in stablecoin base units, and the on-chain ids our idempotency keys map to. Exact. */
import { ApplicationFailure } from '@temporalio/common'
import { isHex, keccak256, stringToBytes, type Hex } from 'viem'
import { CURRENCIES, type Currency } from '../../../domain/money.ts'
import { CRYPTO_FAILURES } from './codes.ts'

/** The stablecoin is a dollar token: only USD prices can be paid with it, one cent for one cent. */
export const CRYPTO_CURRENCY = 'USD'

/** Refuses, for good, what no stablecoin payment can carry: other currencies than USD, and amounts that are not whole positive cents. */
export function assertPayable(amount: number, currency: string): void {
  if (currency !== CRYPTO_CURRENCY) {
    throw ApplicationFailure.nonRetryable(`crypto payments settle in a US-dollar stablecoin; ${currency} is not accepted`,
      CRYPTO_FAILURES.unsupportedCurrency)
  }
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw ApplicationFailure.nonRetryable(`a crypto amount is a positive whole number of cents, got ${amount}`, CRYPTO_FAILURES.invalidAmount)
  }
}

/** The base units of one minor unit: 10^4 for cents in a 6-decimal token; null for a token too coarse to hold them exactly. */
export function tokenScale(currency: Currency, tokenDecimals: number): bigint | null {
  const shift = tokenDecimals - CURRENCIES[currency].exponent
  return Number.isInteger(shift) && shift >= 0 ? 10n ** BigInt(shift) : null
}

/** 999 USD cents -> 9_990_000 base units of a 6-decimal token (cents * 10^4), in bigint: no floating point anywhere. */
export function toTokenUnits(amount: number, currency: string, tokenDecimals: number): bigint {
  assertPayable(amount, currency)
  const scale = tokenScale(CRYPTO_CURRENCY, tokenDecimals)
  if (scale === null) throw new Error(`a token with ${tokenDecimals} decimals cannot hold cents exactly`)
  return BigInt(amount) * scale
}

/** The router's payment id for a charge: the same key gives the same id, so a retried charge finds its payment. */
export const paymentIdFor = (idempotencyKey: string): Hex => keccak256(stringToBytes(idempotencyKey))

/** The router's refund id, from the refund's own idempotency key. */
export const refundIdFor = (idempotencyKey: string): Hex => keccak256(stringToBytes(idempotencyKey))

/** A transaction id of ours is a payment id: 32 bytes in hex; anything else names no payment. */
export const isPaymentId = (transactionId: string): transactionId is Hex => isHex(transactionId, { strict: true }) && transactionId.length === 66
