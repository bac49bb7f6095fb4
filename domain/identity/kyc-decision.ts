/** What a KYC case becomes when the verification provider reports: its result combined with our own checks. Pure. */
import { z } from 'zod'
import { parseIsoDate, type CalendarDate } from './calendar.ts'
import { checkAdult, parseDateOfBirth } from './date-of-birth.ts'
import { checkDocumentValid, documentTypeSchema, reverificationDueAt } from './documents.ts'
import { reviewDueAt, type KycPolicy } from './kyc-policy.ts'
import { namesMatch } from './names.ts'

/** The provider's verdict, mapped from its own vocabulary by the provider adapter. */
export const PROVIDER_STATUSES = {
  approved: 'approved', declined: 'declined', resubmissionRequested: 'resubmission_requested', review: 'review',
} as const
/** One provider verdict. */
export type ProviderStatus = (typeof PROVIDER_STATUSES)[keyof typeof PROVIDER_STATUSES]

/** Why a case was declined, sent back or sent to review. */
export const KYC_REASONS = {
  underage: 'UNDERAGE',
  documentExpired: 'DOCUMENT_EXPIRED',
  unreadableDocument: 'UNREADABLE_DOCUMENT',
  unreadableDateOfBirth: 'UNREADABLE_DATE_OF_BIRTH',
  nameMismatch: 'NAME_MISMATCH',
  providerDeclined: 'PROVIDER_DECLINED',
  providerResubmission: 'PROVIDER_RESUBMISSION',
  providerReview: 'PROVIDER_REVIEW',
  tooManyResubmissions: 'TOO_MANY_RESUBMISSIONS',
} as const
/** One KYC reason code. */
export type KycReason = (typeof KYC_REASONS)[keyof typeof KYC_REASONS]

/** What the provider read from the document; any field may be missing when it could not read it. */
export const verifiedPersonSchema = z.object({
  fullName: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  document: z.object({ type: documentTypeSchema, validUntil: z.string().nullable() }).nullable(),
})
/** The provider's reading of the applicant and their document. */
export type VerifiedPerson = z.infer<typeof verifiedPersonSchema>

/** What we know of the case: the name the applicant gave, the minimum age where they are, resubmissions so far. */
export type KycCaseFacts = { declaredName: string; minimumAge: number; resubmissions: number }

/** The next status of the case, why, and the timers that follow from it. */
export type KycDecision = {
  status: 'approved' | 'declined' | 'resubmission_requested' | 'review'
  reason: KycReason | null
  /** Set for review: when a human must have decided. */
  reviewDueAt: Date | null
  /** Set for approved: when to ask for a new document (null if it never expires). */
  reverifyAt: Date | null
}

/** Everything decideFromProviderResult weighs. */
export type ProviderResult = {
  providerStatus: ProviderStatus; person: VerifiedPerson; facts: KycCaseFacts; policy: KycPolicy; now: Date
}

const readDate = (text: string | null, parse: (t: string) => CalendarDate | null): CalendarDate | null => {
  try { return text === null ? null : parse(text) } catch { return null }
}

/**
 * The case's next status. Order matters: a minor is declined whatever the provider says and never asked to try
 * again; then the provider's own refusals; then an expired document; then anything a human must look at.
 */
export function decideFromProviderResult({ providerStatus, person, facts, policy, now }: ProviderResult): KycDecision {
  const decided = (status: KycDecision['status'], reason: KycReason | null, reverifyAt: Date | null = null): KycDecision =>
    ({ status, reason, reviewDueAt: status === 'review' ? reviewDueAt(now, policy) : null, reverifyAt })
  const resubmitOr = (reason: KycReason, whenExhausted: KycReason) =>
    facts.resubmissions < policy.maxResubmissions ? decided('resubmission_requested', reason) : decided('declined', whenExhausted)

  const dob = readDate(person.dateOfBirth, (t) => parseDateOfBirth(t, now))
  if (dob && !checkAdult(dob, facts.minimumAge, now).ok) return decided('declined', KYC_REASONS.underage)
  if (providerStatus === 'declined') return decided('declined', KYC_REASONS.providerDeclined)
  if (providerStatus === 'resubmission_requested') return resubmitOr(KYC_REASONS.providerResubmission, KYC_REASONS.tooManyResubmissions)

  const validUntil = readDate(person.document?.validUntil ?? null, parseIsoDate)
  if (!person.document || (person.document.validUntil !== null && !validUntil)) return decided('review', KYC_REASONS.unreadableDocument)
  if (!checkDocumentValid({ validUntil, now }).ok) {
    return policy.expiredDocument === 'decline' ? decided('declined', KYC_REASONS.documentExpired)
      : resubmitOr(KYC_REASONS.documentExpired, KYC_REASONS.documentExpired)
  }
  if (!dob) return decided('review', KYC_REASONS.unreadableDateOfBirth)
  if (!person.fullName || !namesMatch(facts.declaredName, person.fullName)) return decided('review', KYC_REASONS.nameMismatch)
  if (providerStatus === 'review') return decided('review', KYC_REASONS.providerReview)
  return decided('approved', null, reverificationDueAt(validUntil, policy.reverificationLeadDays))
}
