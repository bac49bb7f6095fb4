/** Calendar dates (no time of day, no zone) for dates of birth, document expiry and rule effective dates. Pure. */
import { IDENTITY_ERRORS, IdentityError } from './errors.ts'

/** A day on the calendar; month 1..12. */
export type CalendarDate = { year: number; month: number; day: number }

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

/** Days in a month of a year (28..31). */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31

/** Strict 'YYYY-MM-DD' to a date that exists on the calendar, or null (2023-02-30, 2023-13-01, ' 2023-01-01'). */
export function parseIsoDate(text: string): CalendarDate | null {
  const m = ISO_DATE.exec(text)
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  return { year, month, day }
}

/** Like parseIsoDate, for dates in our own tables and trusted inputs: throws INVALID_DATE. */
export function isoDate(text: string): CalendarDate {
  const d = parseIsoDate(text)
  if (!d) throw new IdentityError(IDENTITY_ERRORS.INVALID_DATE, 'not a calendar date in YYYY-MM-DD form')
  return d
}

/** 'YYYY-MM-DD'. */
export const formatIsoDate = ({ year, month, day }: CalendarDate): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`

/** Negative, zero or positive as a is before, on or after b. */
export const compareDates = (a: CalendarDate, b: CalendarDate): number =>
  a.year - b.year || a.month - b.month || a.day - b.day

/** Midnight UTC at the start of a calendar date, as an instant. */
export function utcMidnight({ year, month, day }: CalendarDate): Date {
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day)
  return d
}

const fromInstant = (d: Date): CalendarDate => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() })

/** The date `days` later (earlier when negative). */
export const addDays = (date: CalendarDate, days: number): CalendarDate =>
  fromInstant(new Date(utcMidnight(date).getTime() + days * DAY_MS))

/** Offsets of the first and last time zones on Earth: a calendar day starts at UTC+14 and ends at UTC-12. */
export const EARLIEST_ZONE_MINUTES = 14 * 60
/** Offset of the last time zone, where a calendar day ends. */
export const LATEST_ZONE_MINUTES = -12 * 60

/** The calendar date at an instant in a zone `offsetMinutes` east of UTC; throws INVALID_DATE for an invalid Date. */
export function calendarDateAt(instant: Date, offsetMinutes = 0): CalendarDate {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new IdentityError(IDENTITY_ERRORS.INVALID_DATE, 'an instant is required')
  }
  return fromInstant(new Date(instant.getTime() + offsetMinutes * 60_000))
}
