/** Dates of birth: strict parsing, exact age, and the adult check. Pure: callers pass `now`. Never echoes a DOB. */
import { z } from 'zod'
import {
  EARLIEST_ZONE_MINUTES, LATEST_ZONE_MINUTES, calendarDateAt, compareDates, isoDate, parseIsoDate, type CalendarDate,
} from './calendar.ts'
import { IDENTITY_ERRORS, IdentityError, OK, refuse, type Check } from './errors.ts'

/** Shape check for API bodies; parseDateOfBirth does the calendar and plausibility checks. */
export const dateOfBirthSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

/** Earlier dates are typos or test data, not customers. */
export const EARLIEST_DATE_OF_BIRTH: CalendarDate = isoDate('1900-01-01')

/** 'YYYY-MM-DD' to a date of birth that exists, is not before 1900 and is not in the future. */
export function parseDateOfBirth(text: unknown, now: Date): CalendarDate {
  const dob = typeof text === 'string' ? parseIsoDate(text) : null
  if (!dob) {
    throw new IdentityError(IDENTITY_ERRORS.MALFORMED_DATE_OF_BIRTH, 'The date of birth must be a real date written YYYY-MM-DD.')
  }
  if (compareDates(dob, EARLIEST_DATE_OF_BIRTH) < 0) {
    throw new IdentityError(IDENTITY_ERRORS.IMPLAUSIBLE_DATE_OF_BIRTH, 'The date of birth is before 1900.')
  }
  // 'Future' means after today anywhere on Earth, so no time zone can make a real birth date look future.
  if (compareDates(dob, calendarDateAt(now, EARLIEST_ZONE_MINUTES)) > 0) {
    throw new IdentityError(IDENTITY_ERRORS.IMPLAUSIBLE_DATE_OF_BIRTH, 'The date of birth is in the future.')
  }
  return dob
}

/** Whole years completed on `on`. Someone born on 29 February completes a year on 1 March in common years. */
export function ageOn(dob: CalendarDate, on: CalendarDate): number {
  if (compareDates(on, dob) < 0) throw new IdentityError(IDENTITY_ERRORS.INVALID_DATE, 'the date is before the birth')
  const birthdayPassed = on.month > dob.month || (on.month === dob.month && on.day >= dob.day)
  return on.year - dob.year - (birthdayPassed ? 0 : 1)
}

/**
 * OK when the person has reached `minimumAge` at `now` wherever they are: the birthday counts from the moment it
 * has begun in the last time zone (UTC-12), so nobody passes a few hours early. Otherwise UNDERAGE.
 */
export function checkAdult(dob: CalendarDate, minimumAge: number, now: Date): Check {
  if (!Number.isInteger(minimumAge) || minimumAge < 1 || minimumAge > 99) {
    throw new IdentityError(IDENTITY_ERRORS.INVALID_KYC_POLICY, 'the minimum age must be a whole number of years')
  }
  const today = calendarDateAt(now, LATEST_ZONE_MINUTES)
  if (compareDates(today, dob) >= 0 && ageOn(dob, today) >= minimumAge) return OK
  return refuse(IDENTITY_ERRORS.UNDERAGE, `You must be at least ${minimumAge} years old to use this service.`)
}
