/** How a fan's tax-inclusive payment divides into tax, creator, referrer and platform shares. Pure. */
import { BPS_SCALE, mulDiv, money, percentOf, type Currency, type Money } from './money.ts'
import { CodedError } from './coded-error.ts'

export const DEFAULT_CREATOR_SHARE_BPS = 8000

export const SPLIT_ERRORS = {
  INVALID_BPS: 'INVALID_BPS',
  INVALID_GROSS: 'INVALID_GROSS',
  INVALID_FEE: 'INVALID_FEE',
  INVALID_TIME: 'INVALID_TIME',
} as const
export type SplitErrorCode = (typeof SPLIT_ERRORS)[keyof typeof SPLIT_ERRORS]

export class SplitError extends CodedError<SplitErrorCode> {}

/** The processor's fee: as it reported it, or by its contract rule (bps of gross + a fixed amount). */
export type ProcessorFee = { kind: 'reported'; amount: number } | { kind: 'rule'; bps: number; fixed: number }

/** A referrer earns `bps` of the platform's cut on purchases made strictly before `endsAt`. */
export type Referral = { referrerId: string; bps: number; endsAt: string }

export type SplitInput = {
  /** what the fan paid, tax included */
  gross: Money
  taxBps: number
  creatorShareBps: number
  processorFee: ProcessorFee
  referral: Referral | null
  /** time of the purchase, ISO 8601 with a zone */
  at: string
}

/** creator + (referral?.amount ?? 0) + platform + tax === gross; processorFee is the platform's expense on top. */
export type RevenueSplit = {
  currency: Currency
  gross: number
  tax: number
  net: number
  creator: number
  referral: { referrerId: string; amount: number } | null
  platform: number
  processorFee: number
  rates: { taxBps: number; creatorShareBps: number; referralBps: number }
}

const bps = (value: number, what: string): number => {
  if (!Number.isInteger(value) || value < 0 || value > BPS_SCALE) {
    throw new SplitError(SPLIT_ERRORS.INVALID_BPS, `${what} ${value} is not an integer in 0..${BPS_SCALE} bps`)
  }
  return value
}

// An explicit zone keeps the comparison independent of the machine's local time.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/

const instant = (iso: string, what: string): number => {
  const ms = ISO_INSTANT.test(iso) ? Date.parse(iso) : Number.NaN
  if (Number.isNaN(ms)) throw new SplitError(SPLIT_ERRORS.INVALID_TIME, `${what} '${iso}' is not an ISO instant with a zone`)
  return ms
}

/** Whether the referral still earns on a purchase at `at`; it has expired when `at` reaches `endsAt`. */
export const isReferralActive = (referral: Referral | null, at: string): referral is Referral => {
  const now = instant(at, 'purchase time')
  if (referral === null) return false
  bps(referral.bps, 'referral share')
  return now < instant(referral.endsAt, 'referral end')
}

const nonNegative = (value: number, what: string): number => {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new SplitError(SPLIT_ERRORS.INVALID_FEE, `${what} ${value} is not a non-negative integer of minor units`)
  }
  return value
}

/** The processor fee in minor units; a rule's percentage part rounds half-even. */
export const processorFeeAmount = (fee: ProcessorFee, gross: number): number =>
  fee.kind === 'reported'
    ? nonNegative(fee.amount, 'reported processor fee')
    : percentOf(gross, bps(fee.bps, 'processor fee'), 'half-even') + nonNegative(fee.fixed, 'fixed processor fee')

/** Splits a purchase; tax is the inclusive part G*r/(10000+r), each share rounds half-even, the platform takes the rest. */
export const splitPurchase = (input: SplitInput): RevenueSplit => {
  const { amount: gross, currency } = money(input.gross.amount, input.gross.currency)
  if (gross <= 0) throw new SplitError(SPLIT_ERRORS.INVALID_GROSS, `gross ${gross} must be positive`)
  const taxBps = bps(input.taxBps, 'tax rate')
  const creatorShareBps = bps(input.creatorShareBps, 'creator share')
  const referral = isReferralActive(input.referral, input.at) ? input.referral : null
  const referralBps = referral?.bps ?? 0

  const tax = mulDiv(gross, taxBps, BPS_SCALE + taxBps, 'half-even')
  const net = gross - tax
  const creator = percentOf(net, creatorShareBps, 'half-even')
  const referralAmount = percentOf(net - creator, referralBps, 'half-even')
  return {
    currency, gross, tax, net, creator,
    referral: referral ? { referrerId: referral.referrerId, amount: referralAmount } : null,
    platform: net - creator - referralAmount,
    processorFee: processorFeeAmount(input.processorFee, gross),
    rates: { taxBps, creatorShareBps, referralBps },
  }
}

/** A stored share deal (revenue_share_rules): a brand's (creatorId null) or one creator's, in force in [validFrom, validTo). */
export type ShareRule = { id: string; creatorId: string | null; creatorShareBps: number; validFrom: string; validTo: string | null }
export type ShareDecision = { creatorShareBps: number; ruleId: string | null; source: 'creator' | 'brand' | 'default' }

/** The share that applies at `at`: the newest creator rule in force, else the newest brand rule in force, else 80 %. */
export const pickShareRule = (rules: readonly ShareRule[], creatorId: string, at: string): ShareDecision => {
  const now = instant(at, 'sale time')
  const inForce = (r: ShareRule) => instant(r.validFrom, 'rule start') <= now && (r.validTo === null || now < instant(r.validTo, 'rule end'))
  const newest = (xs: ShareRule[]) => xs.sort((a, b) => instant(b.validFrom, 'rule start') - instant(a.validFrom, 'rule start'))[0]
  const creator = newest(rules.filter((r) => r.creatorId === creatorId && inForce(r)))
  const brand = newest(rules.filter((r) => r.creatorId === null && inForce(r)))
  const rule = creator ?? brand
  if (!rule) return { creatorShareBps: DEFAULT_CREATOR_SHARE_BPS, ruleId: null, source: 'default' }
  return { creatorShareBps: bps(rule.creatorShareBps, 'stored creator share'), ruleId: rule.id, source: creator ? 'creator' : 'brand' }
}
