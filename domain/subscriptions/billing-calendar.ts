/** Billing dates of a subscription: every N months from an anchor, in UTC, clamped to month ends without drift. Pure. */
import { daysInMonth } from '../identity/calendar.ts'
import { SUBSCRIPTION_ERRORS, SubscriptionError } from './errors.ts'
import { DAY_MS, toIso, toMs, wholeNumber, type Instant } from './time.ts'

/** When a subscription bills: its first charge (the anchor) and then every `periodMonths` months (1, 3, 6 or 12). */
export type BillingSchedule = { anchor: Instant; periodMonths: number }

/** One billing period: cycle 0 starts at the anchor; start is inclusive, end exclusive. */
export type BillingPeriod = { cycle: number; start: string; end: string }

const schedule = (s: BillingSchedule) => ({
  anchor: toMs(s.anchor, 'billing anchor'),
  months: wholeNumber(s.periodMonths, 1, 12, 'billing period in months', SUBSCRIPTION_ERRORS.INVALID_PERIOD),
})

const addMonthsMs = (ms: number, months: number): number => {
  const d = new Date(ms)
  const [year, month, day] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()]
  const timeOfDay = ms - Date.UTC(year, month, day)
  const target = month + months
  const [ty, tm] = [year + Math.floor(target / 12), ((target % 12) + 12) % 12]
  return Date.UTC(ty, tm, Math.min(day, daysInMonth(ty, tm + 1))) + timeOfDay
}

/** `months` calendar months after `at`, same UTC time of day, the day clamped to the target month (Jan 31 + 1 = Feb 28/29). */
export const addMonthsClamped = (at: Instant, months: number): string =>
  toIso(addMonthsMs(toMs(at, 'date'), wholeNumber(months, -1200, 1200, 'months', SUBSCRIPTION_ERRORS.INVALID_PERIOD)))

// Always counted from the anchor, never from the previous date, so Jan 31 -> Feb 28 -> Mar 31 (not Mar 28).
const dateOf = (anchor: number, months: number, cycle: number) => addMonthsMs(anchor, months * cycle)

/** Start of billing cycle `cycle` (0 = the anchor). */
export function billingDate(s: BillingSchedule, cycle: number): string {
  const { anchor, months } = schedule(s)
  return toIso(dateOf(anchor, months, wholeNumber(cycle, 0, 12_000, 'cycle', SUBSCRIPTION_ERRORS.INVALID_PERIOD)))
}

const cycleAt = (anchor: number, months: number, now: number): number => {
  const [a, n] = [new Date(anchor), new Date(now)]
  let cycle = Math.floor(((n.getUTCFullYear() - a.getUTCFullYear()) * 12 + n.getUTCMonth() - a.getUTCMonth()) / months)
  while (cycle > 0 && dateOf(anchor, months, cycle) > now) cycle -= 1
  while (dateOf(anchor, months, cycle + 1) <= now) cycle += 1
  return cycle
}

/** The billing period containing `now`; throws INVALID_TIME before the anchor (e.g. during a free trial). */
export function currentPeriod(s: BillingSchedule, now: Instant): BillingPeriod {
  const { anchor, months } = schedule(s)
  const at = toMs(now, 'now')
  if (at < anchor) throw new SubscriptionError(SUBSCRIPTION_ERRORS.INVALID_TIME, `${toIso(at)} is before the first billing date`)
  const cycle = cycleAt(anchor, months, at)
  return { cycle, start: toIso(dateOf(anchor, months, cycle)), end: toIso(dateOf(anchor, months, cycle + 1)) }
}

/** The first billing date strictly after `now`: the anchor itself while it is still ahead. */
export function nextBillingDate(s: BillingSchedule, now: Instant): string {
  const at = toMs(now, 'now')
  return at < toMs(s.anchor, 'billing anchor') ? toIso(toMs(s.anchor, 'billing anchor')) : currentPeriod(s, at).end
}

/** The first billing date on or after `at` (a renewal exactly at `at` counts). */
export function firstBillingOnOrAfter(s: BillingSchedule, at: Instant): string {
  const ms = toMs(at, 'date')
  if (ms <= toMs(s.anchor, 'billing anchor')) return toIso(toMs(s.anchor, 'billing anchor'))
  const period = currentPeriod(s, ms)
  return toMs(period.start, 'period start') === ms ? period.start : period.end
}

/** End of a free trial of `trialDays` whole days from `start`: the first charge, and the anchor of the schedule. */
export const trialEnd = (start: Instant, trialDays: number): string =>
  toIso(toMs(start, 'trial start') + wholeNumber(trialDays, 0, 365, 'trial days', SUBSCRIPTION_ERRORS.INVALID_PERIOD) * DAY_MS)
