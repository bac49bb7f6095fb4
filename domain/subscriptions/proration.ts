/** Moving a subscriber between tiers mid-cycle: upgrades now with a prorated charge, downgrades at period end. Pure. */
import { CURRENCIES, assertCurrency, mulDiv, type Currency, type Money } from '../money.ts'
import { SUBSCRIPTION_ERRORS, SubscriptionError, refuse, type Refusal } from './errors.ts'
import { toIso, toMs, type Instant } from './time.ts'

/** A tier's rank and its price for one billing period of this subscription (monthly or bundle). */
export type TierPrice = { tierId: string; rank: number; price: Money }

/** A fan asks to move from the tier they pay for now to another, at `now` inside the current period. */
export type TierChangeRequest = {
  /** `price` is what the fan paid for the current period */
  from: TierPrice
  /** `price` is the list price of the same period length on the new tier */
  to: TierPrice
  period: { start: Instant; end: Instant }
  now: Instant
  /** smallest charge the processor takes; defaults to the currency's minimum purchase */
  processorMinimum?: number
}

/** Upgrade: applies now; the fan pays the new price for the rest of the period less the credit for the old one. */
export type UpgradePlan = {
  kind: 'upgrade'; effectiveAt: string; currency: Currency
  secondsRemaining: number; secondsInPeriod: number
  /** unused part of what was paid */
  credit: number
  /** the new price for the remaining seconds */
  charge: number
  /** charge - credit, never negative; 0 when waived */
  amountDue: number
  /** a difference under the processor minimum is given away rather than charged */
  waived: boolean
  nextRenewal: Money
}
/** Downgrade: the fan keeps the current tier until the period ends, no refund; the next renewal is at the new price. */
export type DowngradePlan = { kind: 'downgrade'; effectiveAt: string; currency: Currency; amountDue: 0; refund: 0; nextRenewal: Money }

/** Why a tier change is refused. */
export const TIER_CHANGE_REFUSALS = { unchanged: 'TIER_UNCHANGED' } as const
/** One tier change refusal code. */
export type TierChangeRefusalCode = (typeof TIER_CHANGE_REFUSALS)[keyof typeof TIER_CHANGE_REFUSALS]

/** Plans a tier change; prorates by whole seconds remaining, each side rounded half-even. Throws INVALID_TIME outside the period. */
export function planTierChange(r: TierChangeRequest): UpgradePlan | DowngradePlan | Refusal<TierChangeRefusalCode> {
  const currency = assertCurrency(r.from.price.currency)
  if (r.to.price.currency !== currency) {
    throw new SubscriptionError(SUBSCRIPTION_ERRORS.CURRENCY_MISMATCH, `cannot move from ${currency} to ${r.to.price.currency}`)
  }
  const [start, end, now] = [toMs(r.period.start, 'period start'), toMs(r.period.end, 'period end'), toMs(r.now, 'now')]
  if (!(start <= now && now < end)) {
    throw new SubscriptionError(SUBSCRIPTION_ERRORS.INVALID_TIME, `${toIso(now)} is outside the period ${toIso(start)}..${toIso(end)}`)
  }
  const nextRenewal = { amount: r.to.price.amount, currency }
  if (r.to.rank === r.from.rank) return refuse(TIER_CHANGE_REFUSALS.unchanged, 'You are already on this tier.')
  if (r.to.rank < r.from.rank) return { kind: 'downgrade', effectiveAt: toIso(end), currency, amountDue: 0, refund: 0, nextRenewal }

  const secondsInPeriod = Math.floor((end - start) / 1000)
  const secondsRemaining = Math.floor((end - now) / 1000)
  const credit = mulDiv(r.from.price.amount, secondsRemaining, secondsInPeriod, 'half-even')
  const charge = mulDiv(r.to.price.amount, secondsRemaining, secondsInPeriod, 'half-even')
  const difference = Math.max(charge - credit, 0)
  const waived = difference > 0 && difference < (r.processorMinimum ?? CURRENCIES[currency].minPurchase)
  return {
    kind: 'upgrade', effectiveAt: toIso(now), currency, secondsRemaining, secondsInPeriod,
    credit, charge, amountDue: waived ? 0 : difference, waived, nextRenewal,
  }
}
