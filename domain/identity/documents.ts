/** Identity documents: types, number normalisation, validity and when to ask for a new one. Pure: pass `now`. */
import { z } from 'zod'
import { LATEST_ZONE_MINUTES, addDays, calendarDateAt, compareDates, utcMidnight, type CalendarDate } from './calendar.ts'
import { IDENTITY_ERRORS, IdentityError, OK, refuse, type Check } from './errors.ts'

/** The identity documents we accept. */
export const DOCUMENT_TYPES = {
  passport: 'passport',
  nationalId: 'national_id',
  drivingLicence: 'driving_licence',
  residencePermit: 'residence_permit',
} as const
/** One accepted document type. */
export type DocumentType = (typeof DOCUMENT_TYPES)[keyof typeof DOCUMENT_TYPES]

/** Validates a document type from an API body or a provider payload. */
export const documentTypeSchema = z.enum(Object.values(DOCUMENT_TYPES) as [DocumentType, ...DocumentType[]])

// Separators people and scanners put in numbers: spaces, dashes, dots, slashes and the MRZ filler '<'.
const SEPARATORS = /[\s\-‐‑‒–—./<]/gu
const NORMALISED = /^[\p{Lu}\p{Nd}]{4,24}$/u

/**
 * The form a document number is compared and indexed in: NFKC (full-width digits become ASCII), upper case,
 * separators removed. Throws MALFORMED_DOCUMENT_NUMBER unless 4..24 letters and digits remain.
 */
export function normaliseDocumentNumber(raw: string): string {
  const number = raw.normalize('NFKC').toUpperCase().replace(SEPARATORS, '')
  if (!NORMALISED.test(number)) {
    throw new IdentityError(IDENTITY_ERRORS.MALFORMED_DOCUMENT_NUMBER, 'A document number is 4 to 24 letters and digits.')
  }
  return number
}

/**
 * OK while the document is valid: through the whole of its expiry day in every time zone, so we never refuse a
 * document on its last valid day. `validUntil` null means it does not expire. Otherwise DOCUMENT_EXPIRED.
 */
export function checkDocumentValid({ validUntil, now }: { validUntil: CalendarDate | null; now: Date }): Check {
  if (validUntil === null) return OK
  if (compareDates(calendarDateAt(now, LATEST_ZONE_MINUTES), validUntil) <= 0) return OK
  return refuse(IDENTITY_ERRORS.DOCUMENT_EXPIRED, 'The identity document has expired. Please use a valid one.')
}

/** When to ask for a new document: `leadDays` before it expires (midnight UTC), or null if it never expires. */
export function reverificationDueAt(validUntil: CalendarDate | null, leadDays: number): Date | null {
  if (!Number.isInteger(leadDays) || leadDays < 0) {
    throw new IdentityError(IDENTITY_ERRORS.INVALID_KYC_POLICY, 'the lead time must be a whole number of days, 0 or more')
  }
  return validUntil === null ? null : utcMidnight(addDays(validUntil, -leadDays))
}
