/** Minor units <-> FlexPay's 'nnn.nn' amounts, and the fee we book until Verotel's payout statement has the real one. */
import { assertCurrency, assertMinorUnits, formatMoney, parseDecimal, percentOf } from '../../../domain/money.ts'

/** Basis points of the charged amount plus a fixed part in minor units of the same currency. */
export type FeeRule = { bps: number; fixed: number }

/**
 * A placeholder, not a published rate: Verotel quotes its fee per merchant contract. Set the contracted rate through
 * the driver config; the payout statement carries the fee actually taken.
 */
export const DEFAULT_FEE_RULE: FeeRule = { bps: 1550, fixed: 0 }

/** 999 USD -> '9.99': exact, no floating point; FlexPay wants a positive amount. */
export function toMajorDecimal(amount: number, currency: string): string {
  if (assertMinorUnits(amount) <= 0) throw new RangeError(`Verotel amounts must be positive, got ${amount}`)
  return formatMoney({ amount, currency: assertCurrency(currency) }).split(' ')[0] ?? ''
}

/** '9.99' in USD -> 999; throws on anything that is not a plain decimal in the currency's precision. */
export const fromMajorDecimal = (value: string, currency: string): number => parseDecimal(value.trim(), currency)

/** The fee we record at approval time, rounded half-even like every other split of ours. */
export function estimatedFee(amount: number, rule: FeeRule): number {
  return percentOf(amount, rule.bps, 'half-even') + assertMinorUnits(rule.fixed)
}
