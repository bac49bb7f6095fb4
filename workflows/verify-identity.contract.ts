/** Contract of verifyIdentity: a person's identity (creators) or age (fans where the law requires it), checked by the KYC provider. */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow'
import { TASK_QUEUES } from './task-queues.ts'

export const VERIFICATION_PURPOSES = { creator: 'creator', age: 'age' } as const
export type VerificationPurpose = (typeof VERIFICATION_PURPOSES)[keyof typeof VERIFICATION_PURPOSES]

export type KycTimings = {
  /** days after opening a round at which the applicant is reminded */
  reminderDays: number[]
  /** a round the applicant never finishes expires after this many days */
  expiryDays: number
  maxResubmissions: number
  /** a case waiting for a compliance decision longer than this is escalated */
  reviewSlaHours: number
  /** a new verification starts this many days before the ID document expires (creators only) */
  reverificationLeadDays: number
}

export const DEFAULT_KYC_TIMINGS: KycTimings = { reminderDays: [1, 3, 6], expiryDays: 14, maxResubmissions: 3, reviewSlaHours: 48,
  reverificationLeadDays: 30 }

export type VerifyIdentityInput = {
  personId: string
  brandSlug: string
  purpose: VerificationPurpose
  timings: KycTimings
  /** 1 for the first verification; re-verification rounds continue-as-new with the next number */
  round: number
  /** the case row of this round, made by the API for round 1 (so the case is visible at once) */
  caseId: string
}

export type VerificationStatus = 'awaiting_applicant' | 'resubmission_requested' | 'review' | 'approved' | 'declined' | 'expired'

export type VerifyIdentityState = {
  caseId: string
  round: number
  status: VerificationStatus
  hostedUrl: string | null
  resubmissions: number
  remindersSent: number
  reasonCode: string | null
  reason: string | null
  /** when the next re-verification starts (approved creators) */
  reverifyAt: string | null
}

/** What the provider told us, relayed by the webhook route; eventId dedupes redeliveries. */
export type ProviderEventSignal = { eventId: string; sessionId: string; status: 'approved' | 'declined' | 'resubmission_requested' | 'review' | 'expired' | 'abandoned' }

/** A compliance decision on a case in review (or an open case the team closes), with the operator and why. */
export type ComplianceDecision = { decision: 'approve' | 'decline' | 'request_resubmission'; reasonCode: string; reason: string; operatorId: string }

export const providerEventSignal = defineSignal<[ProviderEventSignal]>('providerEvent')
export const decideUpdate = defineUpdate<VerifyIdentityState, [ComplianceDecision]>('decide')
export const verificationStateQuery = defineQuery<VerifyIdentityState>('verificationState')

export const verifyIdentityWorkflowId = (purpose: VerificationPurpose, personId: string) =>
  `${purpose === 'creator' ? 'kyc' : 'age'}:${personId}`
export const verifyIdentityTaskQueue = TASK_QUEUES.core
