/** Minor units <-> Epoch's decimal major units, and the fee we book until Epoch's statement has the real one. */
import { CURRENCIES, assertCurrency, assertMinorUnits, parseDecimal, percentOf } from '../../../domain/money.ts'

/** Basis points of the charged amount plus a fixed part in minor units of the same currency. */
export type FeeRule = { bps: number; fixed: number }

/** Epoch publishes no rate card; an assumed high-risk rate, replaced by the real fee from the statement. */
export const DEFAULT_FEE_RULE: FeeRule = { bps: 1500, fixed: 0 }

/** 999 USD -> '9.99', 1200 JPY -> '1200': exact, digit by digit, no floating point. */
export function toMajorDecimal(amount: number, currency: string): string {
  const { exponent } = CURRENCIES[assertCurrency(currency)]
  const minor = assertMinorUnits(amount)
  if (minor <= 0) throw new RangeError(`Epoch amounts must be positive, got ${minor}`)
  if (exponent === 0) return String(minor)
  const digits = String(minor).padStart(exponent + 1, '0')
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`
}

/** '9.99' in USD -> 999; DataPlus books credits and chargebacks as negative amounts, so the sign is dropped. */
export function fromMajorDecimal(value: string, currency: string): number {
  return Math.abs(parseDecimal(value.trim(), currency))
}

/** The fee we record at approval time, rounded half-even like every other split of ours. */
export function estimatedFee(amount: number, rule: FeeRule): number {
  return percentOf(amount, rule.bps, 'half-even') + assertMinorUnits(rule.fixed)
}
