/** Payout money in stablecoin base units and back, exactly (bigint), and the address checks every payout passes. */
import { getAddress, type Address } from 'viem'
import { isCurrency, type Currency } from '../../../../domain/money.ts'
import { addressProblem } from '../../../../domain/payouts/evm-address.ts'
import { tokenScale } from '../../../payments/crypto/amounts.ts'

/** The base units of one minor unit: 10^4 for cents in a 6-decimal token. Fails at boot for a token too coarse for cents. */
export function unitsPerMinor(currency: string, tokenDecimals: number): bigint {
  if (!isCurrency(currency)) throw new Error(`the crypto payout rail has no minor units for currency ${currency}`)
  const scale = tokenScale(currency, tokenDecimals)
  if (scale === null) throw new Error(`a token with ${tokenDecimals} decimals cannot hold ${currency} minor units exactly`)
  return scale
}

/** 12_345 cents -> 123_450_000 base units of a 6-decimal token. */
export const toTokenUnits = (amount: number, scale: bigint): bigint => BigInt(amount) * scale

/** Base units back to minor units; null when they are not a whole number of minor units (no payout of ours). */
export function toMinorUnits(units: bigint, scale: bigint): number | null {
  if (units % scale !== 0n) return null
  const minor = units / scale
  return minor <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(minor) : null
}

/** Whether a rail can carry this amount: a positive, safe whole number of minor units of the pegged currency. */
export function payableProblem(amount: number, currency: string, pegged: Currency): string | null {
  if (currency !== pegged) return `the stablecoin is pegged to ${pegged}; a ${currency} payout cannot be paid with it`
  if (!Number.isSafeInteger(amount) || amount <= 0) return `a payout is a positive whole number of minor units, got ${amount}`
  return null
}

const PAYEE_PROBLEMS: Readonly<Record<NonNullable<ReturnType<typeof addressProblem>>, string>> = {
  FORMAT: 'not an address: expected 0x followed by 40 hexadecimal digits',
  CHECKSUM: 'the address checksum (its mix of upper and lower case) is wrong: a character was probably mistyped',
  ZERO: 'the zero address belongs to nobody: tokens sent there are lost',
}

/**
 * The checksummed address, or why it cannot be paid. Mixed case must carry a valid EIP-55 checksum (one mistyped
 * character in a checksummed address is caught); all-lower or all-upper hex carries none and is taken as written.
 */
export function parsePayee(address: string, treasury: Address): { address: Address } | { problem: string } {
  const problem = addressProblem(address)
  if (problem !== null) return { problem: PAYEE_PROBLEMS[problem] }
  const checksummed = getAddress(address)
  if (checksummed === getAddress(treasury)) return { problem: "the platform treasury's own address cannot receive payouts" }
  return { address: checksummed }
}
