/** Minor units <-> Segpay's decimal major units, and the fee we book until Segpay's settlement statement has the real one. */
import { CURRENCIES, assertCurrency, assertMinorUnits, parseDecimal, percentOf } from '../../../domain/money.ts'

/** Basis points of the charged amount plus a fixed part in minor units of the same currency. */
export type FeeRule = { bps: number; fixed: number }

/** A typical high-risk rate; Segpay's real per-merchant rate comes with its statements. */
export const DEFAULT_FEE_RULE: FeeRule = { bps: 1150, fixed: 0 }

/** 999 USD -> '9.99', 1200 JPY -> '1200': exact, digit by digit, no floating point. */
export function toMajorDecimal(amount: number, currency: string): string {
  const { exponent } = CURRENCIES[assertCurrency(currency)]
  const minor = assertMinorUnits(amount)
  if (minor <= 0) throw new RangeError(`Segpay amounts must be positive, got ${minor}`)
  if (exponent === 0) return String(minor)
  const digits = String(minor).padStart(exponent + 1, '0')
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`
}

/**
 * '9.99' -> 999 and SRS's four-decimal '9.9900' -> 999; the sign is dropped (credits may be reported negative).
 * Throws when digits beyond the currency's precision are not zeros.
 */
export function fromMajorDecimal(text: string, currency: string): number {
  const m = /^-?(\d+)(?:\.(\d+))?$/.exec(text.trim())
  if (!m) throw new RangeError(`'${text}' is not a decimal amount`)
  const fraction = (m[2] ?? '').replace(/0+$/, '')
  return parseDecimal(fraction ? `${m[1]}.${fraction}` : (m[1] ?? ''), currency)
}

/** The fee we record at approval time, rounded half-even like every other split of ours. */
export function estimatedFee(amount: number, rule: FeeRule): number {
  return percentOf(amount, rule.bps, 'half-even') + assertMinorUnits(rule.fixed)
}
