/** Ending and pausing a subscription: cancel at period end or now with a pro-rata refund, pause and resume. Pure. */
import { assertCurrency, mulDiv, type Money } from '../money.ts'
import { SUBSCRIPTION_ERRORS, SubscriptionError, refuse, type Refusal } from './errors.ts'
import { DAY_MS, toIso, toMs, wholeNumber, type Instant } from './time.ts'

/** How generous cancellation and pausing are. */
export type CancellationPolicy = {
  /** an immediate cancel within this many days of the renewal refunds the unused whole days; none after */
  refundWindowDays: number
  /** longest pause; a late resume counts only this much */
  maxPauseDays: number
}
/** Refunds within 3 days of a renewal; pauses up to 60 days. */
export const DEFAULT_CANCELLATION_POLICY: CancellationPolicy = Object.freeze({ refundWindowDays: 3, maxPauseDays: 60 })

/** A cancel request for the current period, which the fan paid `paid` for (0 during a free trial). */
export type CancelRequest = { mode: 'period-end' | 'immediate'; period: { start: Instant; end: Instant }; paid: Money; now: Instant }

/** The outcome: when the subscription ends, until when the fan keeps access, and the refund. */
export type CancellationPlan =
  | { mode: 'period-end'; effectiveAt: string; accessUntil: string; refund: Money }
  | {
    mode: 'immediate'; effectiveAt: string; accessUntil: string; refund: Money
    unusedDays: number; periodDays: number; withinWindow: boolean
  }

/** Plans a cancellation; the pro-rata refund counts whole unused days (the current day is used) and rounds half-even. */
export function planCancellation(policy: CancellationPolicy, r: CancelRequest): CancellationPlan {
  const [start, end, now] = [toMs(r.period.start, 'period start'), toMs(r.period.end, 'period end'), toMs(r.now, 'now')]
  if (!(start <= now && now < end)) throw new SubscriptionError(SUBSCRIPTION_ERRORS.INVALID_TIME, `${toIso(now)} is outside the period`)
  const currency = assertCurrency(r.paid.currency)
  if (r.mode === 'period-end') {
    return { mode: 'period-end', effectiveAt: toIso(end), accessUntil: toIso(end), refund: { amount: 0, currency } }
  }
  const withinWindow = now - start <= wholeNumber(policy.refundWindowDays, 0, 365, 'refund window') * DAY_MS
  const periodDays = Math.max(1, Math.round((end - start) / DAY_MS))
  const unusedDays = Math.min(periodDays, Math.floor((end - now) / DAY_MS))
  const refund = withinWindow ? mulDiv(r.paid.amount, unusedDays, periodDays, 'half-even') : 0
  return {
    mode: 'immediate', effectiveAt: toIso(now), accessUntil: toIso(now), refund: { amount: refund, currency },
    unusedDays, periodDays, withinWindow,
  }
}

/** Why a pause or resume is refused. */
export const PAUSE_REFUSALS = { alreadyPaused: 'PAUSE_ALREADY_PAUSED', tooLong: 'PAUSE_TOO_LONG', notPaused: 'PAUSE_NOT_PAUSED' } as const
/** One pause refusal code. */
export type PauseRefusalCode = (typeof PAUSE_REFUSALS)[keyof typeof PAUSE_REFUSALS]

/** Pauses for `days` whole days from now; the workflow resumes by itself at `resumeAt`. */
export function planPause(policy: CancellationPolicy, r: { pausedAt: Instant | null; days: number; now: Instant }):
  { ok: true; pausedAt: string; resumeAt: string } | Refusal<PauseRefusalCode> {
  const now = toMs(r.now, 'now')
  const max = wholeNumber(policy.maxPauseDays, 0, 365, 'max pause')
  if (r.pausedAt !== null) return refuse(PAUSE_REFUSALS.alreadyPaused, 'This subscription is already paused.')
  if (!Number.isSafeInteger(r.days) || r.days < 1 || r.days > max) return refuse(PAUSE_REFUSALS.tooLong, `A pause is 1 to ${max} days.`)
  return { ok: true, pausedAt: toIso(now), resumeAt: toIso(now + r.days * DAY_MS) }
}

/** Resumes: the next billing date moves later by the time paused (at most the longest pause) and becomes the new anchor. */
export function planResume(policy: CancellationPolicy, r: { pausedAt: Instant | null; nextBillingAt: Instant; now: Instant }):
  { ok: true; resumedAt: string; pausedMs: number; nextBillingAt: string } | Refusal<PauseRefusalCode> {
  if (r.pausedAt === null) return refuse(PAUSE_REFUSALS.notPaused, 'This subscription is not paused.')
  const [pausedAt, now] = [toMs(r.pausedAt, 'paused at'), toMs(r.now, 'now')]
  if (now < pausedAt) throw new SubscriptionError(SUBSCRIPTION_ERRORS.INVALID_TIME, 'resume before the pause')
  const pausedMs = Math.min(now - pausedAt, wholeNumber(policy.maxPauseDays, 0, 365, 'max pause') * DAY_MS)
  return { ok: true, resumedAt: toIso(now), pausedMs, nextBillingAt: toIso(toMs(r.nextBillingAt, 'next billing') + pausedMs) }
}
