/** Promo codes a creator gives on a plan: percent- or amount-off, for the first N billing cycles or forever. Pure. */
import { CURRENCIES, assertCurrency, formatMoney, percentOf, type Money } from '../money.ts'
import { SUBSCRIPTION_ERRORS, SubscriptionError, refuse, type Refusal } from './errors.ts'
import { toMs, type Instant } from './time.ts'

/** Off the list price: `bps` of it, or a fixed amount in the plan's currency. */
export type PromoDiscount = { kind: 'percent'; bps: number } | { kind: 'amount'; amount: Money }

/** A promo code on one plan (optionally some of its tiers). */
export type Promo = {
  code: string
  planId: string
  /** null: every tier of the plan */
  tierIds: readonly string[] | null
  discount: PromoDiscount
  /** billing cycles the discount lasts from the first charge; null: forever */
  cycles: number | null
  /** redemptions across all fans; null: unlimited */
  maxRedemptions: number | null
  oncePerFan: boolean
  /** inclusive */
  validFrom: Instant
  /** exclusive; null: no end */
  validUntil: Instant | null
}

/** A fan redeeming a promo at checkout. */
export type PromoRedemption = {
  planId: string
  tierId: string
  /** list price of the first charge (monthly or bundle) */
  price: Money
  now: Instant
  /** redemptions so far, by every fan */
  redemptions: number
  fanHasRedeemed: boolean
  /** smallest charge the processor takes; defaults to the currency's minimum purchase */
  processorMinimum?: number
}

/** Why a promo is refused at checkout. */
export const PROMO_REFUSALS = {
  wrongPlan: 'PROMO_WRONG_PLAN', notYetValid: 'PROMO_NOT_YET_VALID', expired: 'PROMO_EXPIRED',
  alreadyUsed: 'PROMO_ALREADY_USED', exhausted: 'PROMO_EXHAUSTED',
} as const
/** One promo refusal code. */
export type PromoRefusalCode = (typeof PROMO_REFUSALS)[keyof typeof PROMO_REFUSALS]

/** A redeemed promo: the first charge and how many cycles (null: all) keep the discount. */
export type AppliedPromo = { ok: true; code: string; price: Money; discount: number; cycles: number | null }

const invalid = (message: string) => new SubscriptionError(SUBSCRIPTION_ERRORS.INVALID_PROMO, message)
const positive = (n: number | null) => n === null || (Number.isSafeInteger(n) && n > 0)

/** Checks a promo is well formed (discount, counts, window) and returns it; throws INVALID_PROMO. */
export function assertPromo(promo: Promo): Promo {
  const d = promo.discount
  const discountOk = d.kind === 'percent'
    ? Number.isInteger(d.bps) && d.bps > 0 && d.bps <= 10_000
    : Number.isSafeInteger(d.amount.amount) && d.amount.amount > 0
  if (!discountOk) throw invalid(`promo ${promo.code} needs a discount of 1..10000 bps or a positive amount`)
  if (!positive(promo.cycles) || !positive(promo.maxRedemptions)) throw invalid(`promo ${promo.code} needs positive counts`)
  const until = promo.validUntil === null ? null : toMs(promo.validUntil, 'promo end')
  if (until !== null && until <= toMs(promo.validFrom, 'promo start')) throw invalid(`promo ${promo.code} ends before it starts`)
  return promo
}

/** The price of billing cycle `cycle` (0 = the first charge) for a fan holding the promo: discounted while the promo
 * lasts, never below zero nor below the processor minimum (unless the list price itself is), full price after. */
export function promoPrice(promo: Promo, price: Money, cycle: number, processorMinimum?: number): Money {
  assertPromo(promo)
  const currency = assertCurrency(price.currency)
  if (promo.cycles !== null && cycle >= promo.cycles) return { amount: price.amount, currency }
  const d = promo.discount
  if (d.kind === 'amount' && d.amount.currency !== currency) {
    const message = `promo ${promo.code} is in ${d.amount.currency}, the price in ${currency}`
    throw new SubscriptionError(SUBSCRIPTION_ERRORS.CURRENCY_MISMATCH, message)
  }
  const off = d.kind === 'percent' ? percentOf(price.amount, d.bps, 'half-even') : d.amount.amount
  const minimum = Math.min(price.amount, processorMinimum ?? CURRENCIES[currency].minPurchase)
  return { amount: Math.max(price.amount - off, minimum), currency }
}

/** Redeems a promo at checkout: the first charge, or why the promo cannot be used (checked in the order of PROMO_REFUSALS). */
export function applyPromo(promo: Promo, r: PromoRedemption): AppliedPromo | Refusal<PromoRefusalCode> {
  assertPromo(promo)
  const now = toMs(r.now, 'now')
  const d = promo.discount
  if (promo.planId !== r.planId || (promo.tierIds !== null && !promo.tierIds.includes(r.tierId))) {
    return refuse(PROMO_REFUSALS.wrongPlan, `Code ${promo.code} is not valid for this subscription.`)
  }
  if (d.kind === 'amount' && d.amount.currency !== r.price.currency) {
    return refuse(PROMO_REFUSALS.wrongPlan, `Code ${promo.code} takes ${formatMoney(d.amount)} off prices in ${d.amount.currency} only.`)
  }
  if (now < toMs(promo.validFrom, 'promo start')) return refuse(PROMO_REFUSALS.notYetValid, `Code ${promo.code} is not valid yet.`)
  if (promo.validUntil !== null && now >= toMs(promo.validUntil, 'promo end')) {
    return refuse(PROMO_REFUSALS.expired, `Code ${promo.code} has expired.`)
  }
  if (promo.oncePerFan && r.fanHasRedeemed) return refuse(PROMO_REFUSALS.alreadyUsed, `You have already used code ${promo.code}.`)
  if (promo.maxRedemptions !== null && r.redemptions >= promo.maxRedemptions) {
    return refuse(PROMO_REFUSALS.exhausted, `Code ${promo.code} has been used up.`)
  }
  const price = promoPrice(promo, r.price, 0, r.processorMinimum)
  return { ok: true, code: promo.code, price, discount: r.price.amount - price.amount, cycles: promo.cycles }
}
