/** A creator's new price reaching existing subscribers: after a notice period, at their next renewal. Pure. */
import type { Money } from '../money.ts'
import { periodPrice, validatePlan, type Plan, type PlanRefusalCode } from './catalog.ts'
import { firstBillingOnOrAfter, nextBillingDate, type BillingSchedule } from './billing-calendar.ts'
import { SUBSCRIPTION_ERRORS, SubscriptionError, type Refusal } from './errors.ts'
import { DAY_MS, toIso, toMs, wholeNumber, type Instant } from './time.ts'

/** Days a fan is told ahead of a price increase. */
export const DEFAULT_PRICE_CHANGE_NOTICE_DAYS = 30

/** A new price for one tier: `plan` is the plan as it will be; bundles follow from its monthly price. */
export type PriceChange = { plan: Plan; tierId: string; noticeDays?: number }

/** A subscription as the price change sees it; `amount` is its current list price per period (before any promo). */
export type PricedSubscription = {
  id: string; planId: string; tierId: string; schedule: BillingSchedule; amount: Money
  status: 'active' | 'paused' | 'past_due' | 'cancelled'; cancelAtPeriodEnd: boolean
}

/** A subscription whose renewal price changes, from `effectiveAt` (a renewal date). */
export type PriceChangeLine = {
  subscriptionId: string; oldAmount: Money; newAmount: Money; effectiveAt: string; direction: 'increase' | 'decrease'
}
/** Why a subscription keeps its price. */
export type UnchangedReason = 'other-tier' | 'ending' | 'same-price' | 'bundle-withdrawn'

/** The preview of a price change announced at `now`. */
export type PriceChangeDryRun = {
  ok: true; noticeEndsAt: string; changes: PriceChangeLine[]; unchanged: { subscriptionId: string; reason: UnchangedReason }[]
}

const months = (s: PricedSubscription) => s.schedule.periodMonths

function reasonUnchanged(s: PricedSubscription, change: PriceChange): UnchangedReason | null {
  if (s.planId !== change.plan.id || s.tierId !== change.tierId) return 'other-tier'
  if (s.status === 'cancelled' || s.cancelAtPeriodEnd) return 'ending'
  if (months(s) !== 1 && !change.plan.bundles.some((b) => b.months === months(s))) return 'bundle-withdrawn'
  return null
}

/** Which subscriptions a price change reaches: increases apply at the first renewal on or after the notice ends,
 * decreases at the next renewal. Refuses a plan outside its brand's limits. */
export function dryRun(subscriptions: readonly PricedSubscription[], change: PriceChange, now: Instant):
  PriceChangeDryRun | Refusal<PlanRefusalCode> {
  const checked = validatePlan(change.plan)
  if (!checked.ok) return checked
  const at = toMs(now, 'now')
  const noticeEndsAt = at + wholeNumber(change.noticeDays ?? DEFAULT_PRICE_CHANGE_NOTICE_DAYS, 0, 365, 'notice days') * DAY_MS
  const result: PriceChangeDryRun = { ok: true, noticeEndsAt: toIso(noticeEndsAt), changes: [], unchanged: [] }
  for (const s of subscriptions) {
    const reason = reasonUnchanged(s, change)
    if (reason) {
      result.unchanged.push({ subscriptionId: s.id, reason })
      continue
    }
    if (s.amount.currency !== change.plan.currency) {
      throw new SubscriptionError(SUBSCRIPTION_ERRORS.CURRENCY_MISMATCH, `subscription ${s.id} is billed in ${s.amount.currency}`)
    }
    const newAmount = periodPrice(change.plan, change.tierId, months(s))
    if (newAmount.amount === s.amount.amount) {
      result.unchanged.push({ subscriptionId: s.id, reason: 'same-price' })
      continue
    }
    const direction = newAmount.amount > s.amount.amount ? 'increase' : 'decrease'
    const effectiveAt = direction === 'increase' ? firstBillingOnOrAfter(s.schedule, noticeEndsAt) : nextBillingDate(s.schedule, at)
    result.changes.push({ subscriptionId: s.id, oldAmount: s.amount, newAmount, effectiveAt, direction })
  }
  return result
}
