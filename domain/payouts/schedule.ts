/** A brand's payout schedule as a Temporal Schedule spec, and when its next run falls. Pure. */
import { instantMs } from './errors.ts'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS
/** Temporal's day names, Sunday = 0 as in Date.getUTCDay(). */
export const WEEKDAY_NAMES = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const
export type WeekdayName = (typeof WEEKDAY_NAMES)[number]

/** A Temporal ScheduleSpec (assignable to @temporalio/client's ScheduleSpec); durations are milliseconds. */
export type PayoutScheduleSpec =
  | { calendars: { dayOfWeek?: WeekdayName; dayOfMonth?: number; hour: number; minute: 0 }[] }
  | { intervals: { every: number; offset: number }[] }

/** When a brand's runs start: weekly or every 14 days on a weekday (0 = Sunday), or monthly on a day (1..28), at an hour (UTC). */
export type PayoutWhen = { cadence: 'weekly' | 'biweekly' | 'monthly'; weekday: number; dayOfMonth: number; hourUtc: number }
type When = PayoutWhen

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
