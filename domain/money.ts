/** Money in integer minor units (a safe-integer `number`, so Temporal payloads stay plain JSON). Pure. */
import { CodedError } from './coded-error.ts'

const CENTS = { exponent: 2, minPurchase: 100, maxPurchase: 100_000 } as const

/** Minor-unit exponent and the per-purchase limits, in minor units, of each currency we take. */
export const CURRENCIES = {
  USD: CENTS, EUR: CENTS, GBP: CENTS, CAD: CENTS, AUD: CENTS,
  // yen has no minor unit; ¥100..¥150,000 is roughly the 1.00..1000.00 USD band
  JPY: { exponent: 0, minPurchase: 100, maxPurchase: 150_000 },
  USDC: { exponent: 6, minPurchase: 1_000_000, maxPurchase: 1_000_000_000 },
} as const
export type Currency = keyof typeof CURRENCIES

export type Money = { amount: number; currency: Currency }
export type Rounding = 'floor' | 'half-even'
/** An exchange rate: units of the target currency per one unit of the source, in major units. */
export type ExchangeRate = { numerator: number; denominator: number }
/** 10000 basis points = 100 %. */
export const BPS_SCALE = 10_000

export const MONEY_ERRORS = {
  NOT_INTEGER: 'NOT_INTEGER', UNSAFE: 'UNSAFE', UNKNOWN_CURRENCY: 'UNKNOWN_CURRENCY', CURRENCY_MISMATCH: 'CURRENCY_MISMATCH',
  NEGATIVE: 'NEGATIVE', ZERO: 'ZERO', UNDER_LIMIT: 'UNDER_LIMIT', OVER_LIMIT: 'OVER_LIMIT',
  INVALID_DECIMAL: 'INVALID_DECIMAL', TOO_PRECISE: 'TOO_PRECISE', INVALID_WEIGHTS: 'INVALID_WEIGHTS',
  INVALID_BPS: 'INVALID_BPS', INVALID_RATE: 'INVALID_RATE',
} as const
export type MoneyErrorCode = (typeof MONEY_ERRORS)[keyof typeof MONEY_ERRORS]

export class MoneyError extends CodedError<MoneyErrorCode> {}

export const isCurrency = (x: unknown): x is Currency => typeof x === 'string' && Object.hasOwn(CURRENCIES, x)

/** Checks that a number can stand for minor units and returns it. */
export const assertMinorUnits = (amount: number): number => {
  if (!Number.isInteger(amount)) throw new MoneyError(MONEY_ERRORS.NOT_INTEGER, `${amount} is not an integer`)
  if (!Number.isSafeInteger(amount)) throw new MoneyError(MONEY_ERRORS.UNSAFE, `${amount} is not a safe integer`)
  return amount
}

export const assertCurrency = (currency: unknown): Currency => {
  if (!isCurrency(currency)) throw new MoneyError(MONEY_ERRORS.UNKNOWN_CURRENCY, `unknown currency ${String(currency)}`)
  return currency
}

/** A validated Money; the amount may be negative (refunds, postings), use assertPurchaseAmount for prices. */
export const money = (amount: number, currency: string): Money =>
  ({ amount: assertMinorUnits(amount), currency: assertCurrency(currency) })

const toSafe = (n: bigint): number => {
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MoneyError(MONEY_ERRORS.UNSAFE, `${n} is outside the safe integer range`)
  }
  return Number(n)
}

const sameCurrency = (a: Money, b: Money): Currency => {
  if (a.currency !== b.currency) {
    throw new MoneyError(MONEY_ERRORS.CURRENCY_MISMATCH, `cannot mix ${a.currency} and ${b.currency}`)
  }
  return assertCurrency(a.currency)
}

export const add = (a: Money, b: Money): Money =>
  money(toSafe(BigInt(assertMinorUnits(a.amount)) + BigInt(assertMinorUnits(b.amount))), sameCurrency(a, b))

export const subtract = (a: Money, b: Money): Money =>
  money(toSafe(BigInt(assertMinorUnits(a.amount)) - BigInt(assertMinorUnits(b.amount))), sameCurrency(a, b))

/** n / d rounded (d > 0); exact on big integers. */
const divRound = (n: bigint, d: bigint, mode: Rounding): bigint => {
  const q = n / d
  const r = n % d
  if (r === 0n) return q
  if (mode === 'floor') return r < 0n ? q - 1n : q
  const twice = (r < 0n ? -r : r) * 2n
  const away = twice > d || (twice === d && q % 2n !== 0n)
  return away ? q + (n < 0n ? -1n : 1n) : q
}

/** a * b / c with explicit rounding, exact for any safe-integer inputs (c > 0). */
export const mulDiv = (a: number, b: number, c: number, mode: Rounding): number => {
  if (assertMinorUnits(c) <= 0) throw new MoneyError(MONEY_ERRORS.INVALID_RATE, `divisor ${c} must be positive`)
  return toSafe(divRound(BigInt(assertMinorUnits(a)) * BigInt(assertMinorUnits(b)), BigInt(c), mode))
}

export const assertBps = (bps: number): number => {
  if (!Number.isInteger(bps) || bps < 0 || bps > BPS_SCALE) {
    throw new MoneyError(MONEY_ERRORS.INVALID_BPS, `${bps} bps is not an integer in 0..${BPS_SCALE}`)
  }
  return bps
}

/** bps/10000 of an amount in minor units. */
export const percentOf = (amount: number, bps: number, mode: Rounding): number =>
  mulDiv(amount, assertBps(bps), BPS_SCALE, mode)

/** Splits total by integer weights (largest remainder); parts sum exactly to total, ties go to the lower index. */
export const allocate = (total: number, weights: readonly number[]): number[] => {
  assertMinorUnits(total)
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
    throw new MoneyError(MONEY_ERRORS.INVALID_WEIGHTS, 'weights must be non-negative safe integers')
  }
  const sum = weights.reduce((s, w) => s + BigInt(w), 0n)
  if (sum === 0n) throw new MoneyError(MONEY_ERRORS.INVALID_WEIGHTS, 'weights must not all be zero')
  if (total < 0) return allocate(-total, weights).map((p) => 0 - p)
  const exact = weights.map((w) => BigInt(total) * BigInt(w))
  const parts = exact.map((e) => e / sum)
  let left = BigInt(total) - parts.reduce((s, p) => s + p, 0n)
  const order = exact.map((e, i) => ({ i, rem: e % sum })).sort((x, y) => (y.rem > x.rem ? 1 : y.rem < x.rem ? -1 : x.i - y.i))
  for (const { i } of order) {
    if (left === 0n) break
    parts[i] = (parts[i] ?? 0n) + 1n
    left -= 1n
  }
  return parts.map(Number)
}

/** '12.34' in USD -> 1234; refuses more decimals than the currency has, exponents and signs other than '-'. */
export const parseDecimal = (text: string, currency: string): number => {
  const { exponent } = CURRENCIES[assertCurrency(currency)]
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text)
  if (!m) throw new MoneyError(MONEY_ERRORS.INVALID_DECIMAL, `'${text}' is not a decimal amount`)
  const [, sign = '', whole = '', fraction = ''] = m
  if (fraction.length > exponent) {
    throw new MoneyError(MONEY_ERRORS.TOO_PRECISE, `'${text}' has more than ${exponent} decimals for ${currency}`)
  }
  const minor = toSafe(BigInt(whole + fraction.padEnd(exponent, '0')))
  return sign === '-' && minor !== 0 ? -minor : minor
}

/** Minor units as a decimal in major units, all of the currency's decimals: 1234 USD -> '12.34'; -5 USD -> '-0.05'. */
export const decimalText = (m: Money): string => {
  const { exponent } = CURRENCIES[assertCurrency(m.currency)]
  const digits = String(Math.abs(assertMinorUnits(m.amount))).padStart(exponent + 1, '0')
  const whole = digits.slice(0, digits.length - exponent)
  const text = exponent === 0 ? whole : `${whole}.${digits.slice(digits.length - exponent)}`
  return `${m.amount < 0 ? '-' : ''}${text}`
}

/** 1234 USD -> '12.34 USD'; 1200 JPY -> '1200 JPY'. */
export const formatMoney = (m: Money): string => `${decimalText(m)} ${m.currency}`

const parseRate = (rate: ExchangeRate | string): ExchangeRate => {
  if (typeof rate === 'string') {
    const m = /^(\d+)(?:\.(\d+))?$/.exec(rate)
    if (!m) throw new MoneyError(MONEY_ERRORS.INVALID_RATE, `'${rate}' is not a decimal rate`)
    const [, whole = '', fraction = ''] = m
    return parseRate({ numerator: toSafe(BigInt(whole + fraction)), denominator: toSafe(10n ** BigInt(fraction.length)) })
  }
  const { numerator: n, denominator: d } = rate
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || n <= 0 || d <= 0) {
    throw new MoneyError(MONEY_ERRORS.INVALID_RATE, `rate ${n}/${d} must be positive safe integers`)
  }
  return { numerator: n, denominator: d }
}

/** Converts minor units of `from` into minor units of `to` (half-even) and returns the rate used, for the entry. */
export const convert = (amount: number, from: string, to: string, rate: ExchangeRate | string):
  { amount: number; currency: Currency; rate: ExchangeRate } => {
  const used = parseRate(rate)
  const [src, dst] = [CURRENCIES[assertCurrency(from)], CURRENCIES[assertCurrency(to)]]
  const n = BigInt(assertMinorUnits(amount)) * BigInt(used.numerator) * 10n ** BigInt(dst.exponent)
  const d = BigInt(used.denominator) * 10n ** BigInt(src.exponent)
  return { amount: toSafe(divRound(n, d, 'half-even')), currency: assertCurrency(to), rate: used }
}

/** A price a fan may pay: positive and inside the currency's per-purchase band. */
export const assertPurchaseAmount = (m: Money): Money => {
  const { amount, currency } = money(m.amount, m.currency)
  const { minPurchase, maxPurchase } = CURRENCIES[currency]
  if (amount < 0) throw new MoneyError(MONEY_ERRORS.NEGATIVE, `${formatMoney(m)} is negative`)
  if (amount === 0) throw new MoneyError(MONEY_ERRORS.ZERO, 'a purchase cannot be free')
  if (amount < minPurchase) throw new MoneyError(MONEY_ERRORS.UNDER_LIMIT, `${formatMoney(m)} is under the minimum`)
  if (amount > maxPurchase) throw new MoneyError(MONEY_ERRORS.OVER_LIMIT, `${formatMoney(m)} is over the maximum`)
  return { amount, currency }
}
