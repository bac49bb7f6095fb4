/** A brand's payout schedule and policy (cadence, minimum, reserve, approval threshold) and its Temporal Schedule spec. Pure. */
import { z } from 'zod'
import { BRAND_SLUGS } from '../brands.ts'
import { instantMs } from './errors.ts'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS
/** Temporal's day names, Sunday = 0 as in Date.getUTCDay(). */
export const WEEKDAY_NAMES = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const
export type WeekdayName = (typeof WEEKDAY_NAMES)[number]

const whole = (min: number, max: number) => z.number().int().min(min).max(max)

/** A brand's payout settings; every field but brand and cadence has a default. Amounts in minor units of the brand's currency. */
export const payoutScheduleSchema = z.object({
  brand: z.enum(BRAND_SLUGS),
  cadence: z.enum(['weekly', 'biweekly', 'monthly']),
  /** weekly and biweekly: 0 = Sunday .. 6 = Saturday */
  weekday: whole(0, 6).default(1),
  /** monthly: 1..28, so every month has the day */
  dayOfMonth: whole(1, 28).default(1),
  hourUtc: whole(0, 23).default(6),
  minimum: whole(0, Number.MAX_SAFE_INTEGER).default(5000),
  /** 0..100 in whole basis points (7.5 is fine, 7.555 is not) */
  reservePercent: z.number().min(0).max(100).refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-6, 'at most two decimals').default(5),
  /** how long a reserve is held before it is released */
  reserveDays: whole(0, 365).default(90),
  /** payouts above this wait for a finance approval */
  approvalThreshold: whole(0, Number.MAX_SAFE_INTEGER).default(500_000),
})
export type PayoutScheduleSettings = z.output<typeof payoutScheduleSchema>
export type PayoutScheduleInput = z.input<typeof payoutScheduleSchema>

/** The reserve as basis points, the unit the ledger math uses. */
export const reserveBpsOf = (s: Pick<PayoutScheduleSettings, 'reservePercent'>): number => Math.round(s.reservePercent * 100)

/** A Temporal ScheduleSpec (assignable to @temporalio/client's ScheduleSpec); durations are milliseconds. */
export type PayoutScheduleSpec =
  | { calendars: { dayOfWeek?: WeekdayName; dayOfMonth?: number; hour: number; minute: 0 }[] }
  | { intervals: { every: number; offset: number }[] }

type When = Pick<PayoutScheduleSettings, 'cadence' | 'weekday' | 'dayOfMonth' | 'hourUtc'>

/**
 * Biweekly runs are an interval of 14 days counted from the Unix epoch (Thursday 1970-01-01 00:00 UTC), shifted to the
 * weekday and hour: runs fall on the weekday of the weeks an even number of weeks after that weekday in the epoch's
 * week (for Monday: 1970-01-05, ..., 2025-06-09, 2025-06-23). Calendars cannot say "every other week".
 */
const biweeklyOffset = (s: When): number => ((s.weekday + 3) % 7) * DAY_MS + s.hourUtc * HOUR_MS

/** The spec of the brand's Temporal Schedule: a calendar for weekly and monthly runs, a 14-day interval for biweekly. */
export function toScheduleSpec(s: When): PayoutScheduleSpec {
  if (s.cadence === 'monthly') return { calendars: [{ dayOfMonth: s.dayOfMonth, hour: s.hourUtc, minute: 0 }] }
  if (s.cadence === 'biweekly') return { intervals: [{ every: 14 * DAY_MS, offset: biweeklyOffset(s) }] }
  return { calendars: [{ dayOfWeek: WEEKDAY_NAMES[s.weekday] ?? 'MONDAY', hour: s.hourUtc, minute: 0 }] }
}

/** The first run strictly after `afterIso`, as the spec above produces it: for "next payout on ..." in the apps. */
export function nextPayoutAt(s: When, afterIso: string): string {
  const after = instantMs(afterIso, 'time')
  if (s.cadence === 'biweekly') {
    const offset = biweeklyOffset(s)
    return new Date((Math.floor((after - offset) / (14 * DAY_MS)) + 1) * 14 * DAY_MS + offset).toISOString()
  }
  const day = new Date(after)
  for (let i = 0; i <= 62; i += 1) {
    const at = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + i, s.hourUtc)
    const d = new Date(at)
    const fits = s.cadence === 'monthly' ? d.getUTCDate() === s.dayOfMonth : d.getUTCDay() === s.weekday
    if (fits && at > after) return d.toISOString()
  }
  throw new RangeError(`no payout day for ${JSON.stringify(s)}`)
}

/** The business id of a brand's run for the day it was scheduled (UTC): `payout-run:boyfanz:2025-06-02`. */
export const payoutRunId = (brand: string, scheduledAtIso: string): string =>
  `payout-run:${brand}:${new Date(instantMs(scheduledAtIso, 'scheduled time')).toISOString().slice(0, 10)}`
