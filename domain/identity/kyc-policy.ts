/** The rules of a KYC case: its statuses and transitions, resubmission limit, reminders, expiry and review SLA. Pure. */
import { z } from 'zod'
import { IDENTITY_ERRORS, IdentityError, OK, refuse, type Check } from './errors.ts'

/** The statuses of a KYC case. */
export const KYC_STATUSES = {
  awaitingApplicant: 'awaiting_applicant',
  inProgress: 'in_progress',
  resubmissionRequested: 'resubmission_requested',
  review: 'review',
  approved: 'approved',
  declined: 'declined',
  expired: 'expired',
} as const
/** One KYC case status. */
export type KycStatus = (typeof KYC_STATUSES)[keyof typeof KYC_STATUSES]

const S = KYC_STATUSES

/** The statuses a case may move to from each status; approved, declined and expired are final. */
export const KYC_TRANSITIONS: Readonly<Record<KycStatus, readonly KycStatus[]>> = {
  awaiting_applicant: [S.inProgress, S.expired],
  in_progress: [S.approved, S.declined, S.resubmissionRequested, S.review],
  resubmission_requested: [S.inProgress, S.expired],
  review: [S.approved, S.declined, S.resubmissionRequested],
  approved: [],
  declined: [],
  expired: [],
}

/** Statuses in which the case waits for the applicant: reminders run and the case can expire. */
export const WAITING_FOR_APPLICANT: readonly KycStatus[] = [S.awaitingApplicant, S.resubmissionRequested]

/** True for a status no transition leaves. */
export const isFinalKycStatus = (status: KycStatus): boolean => KYC_TRANSITIONS[status].length === 0

/** OK when a case may move from `from` to `to`; otherwise FORBIDDEN_KYC_TRANSITION. */
export function checkKycTransition(from: KycStatus, to: KycStatus): Check {
  if (KYC_TRANSITIONS[from]?.includes(to)) return OK
  return refuse(IDENTITY_ERRORS.FORBIDDEN_KYC_TRANSITION, `A KYC case cannot go from ${from} to ${to}.`)
}

const days = z.number().int()

/** Validates a KYC policy (the defaults or a brand's overrides). */
export const kycPolicySchema = z.object({
  /** How many times we may ask the applicant to submit again before declining. */
  maxResubmissions: z.number().int().min(0).max(10),
  /** Days after we start waiting for the applicant on which to remind them; ascending, before expiry. */
  reminderDays: z.array(days.min(1)).max(10).readonly(),
  /** Days of waiting for the applicant after which the case expires. */
  expiryDays: days.min(1).max(90),
  /** Hours within which a human reviews a case in review. */
  reviewSlaHours: z.number().int().min(1).max(24 * 14),
  /** Days before a document expires at which we ask for a new one. */
  reverificationLeadDays: days.min(0).max(365),
  /** An expired document: ask for another (while resubmissions remain) or decline at once. */
  expiredDocument: z.enum(['resubmission', 'decline']),
}).refine((p) => p.reminderDays.every((d, i) => d < p.expiryDays && (i === 0 || d > (p.reminderDays[i - 1] ?? 0))),
  { message: 'reminder days must be ascending and before expiry', path: ['reminderDays'] })
/** The numbers that govern a KYC case. */
export type KycPolicy = z.infer<typeof kycPolicySchema>

/** The policy in force unless a brand overrides it. */
export const DEFAULT_KYC_POLICY: KycPolicy = Object.freeze({
  maxResubmissions: 3,
  reminderDays: Object.freeze([1, 3, 6]),
  expiryDays: 14,
  reviewSlaHours: 48,
  reverificationLeadDays: 30,
  expiredDocument: 'resubmission',
})

/** The default policy with `overrides` applied and checked; throws INVALID_KYC_POLICY. */
export function kycPolicy(overrides: Partial<KycPolicy> = {}): KycPolicy {
  const parsed = kycPolicySchema.safeParse({ ...DEFAULT_KYC_POLICY, ...overrides })
  if (!parsed.success) {
    throw new IdentityError(IDENTITY_ERRORS.INVALID_KYC_POLICY, `invalid KYC policy: ${parsed.error.issues[0]?.message ?? ''}`)
  }
  return parsed.data
}

const DAY_MS = 86_400_000
const later = (from: Date, ms: number) => new Date(from.getTime() + ms)

/** When to remind the applicant, counted from when we started waiting for them (opened or asked to resubmit). */
export const reminderTimes = (waitingSince: Date, policy: KycPolicy): Date[] =>
  policy.reminderDays.map((d) => later(waitingSince, d * DAY_MS))

/** When a case still waiting for the applicant expires. */
export const caseExpiresAt = (waitingSince: Date, policy: KycPolicy): Date => later(waitingSince, policy.expiryDays * DAY_MS)

/** When a case that entered review must have been decided by a human. */
export const reviewDueAt = (enteredReview: Date, policy: KycPolicy): Date => later(enteredReview, policy.reviewSlaHours * 3_600_000)
