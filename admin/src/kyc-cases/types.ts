/** KYC case read model (GET /api/kyc-cases, /api/kyc-cases/:id) and the decision vocabulary of the compliance team. */

export const KYC_STATUS = {
  awaitingApplicant: 'awaiting_applicant', resubmissionRequested: 'resubmission_requested', review: 'review',
  approved: 'approved', declined: 'declined', expired: 'expired',
} as const
export type KycStatus = (typeof KYC_STATUS)[keyof typeof KYC_STATUS]

/** Statuses in which the applicant still has to act at the provider. */
export const WAITING_STATUSES: readonly KycStatus[] = [KYC_STATUS.awaitingApplicant, KYC_STATUS.resubmissionRequested]

export const KYC_PURPOSES = ['creator', 'age'] as const

export const DECISIONS = { approve: 'approve', decline: 'decline', requestResubmission: 'request_resubmission' } as const
export type Decision = (typeof DECISIONS)[keyof typeof DECISIONS]

export const DECISION_LABELS: Record<Decision, string> = {
  approve: 'Approve', decline: 'Decline', request_resubmission: 'Request resubmission',
}

export const REASON_CODES = {
  documentOk: 'DOCUMENT_OK', documentUnreadable: 'DOCUMENT_UNREADABLE', documentExpired: 'DOCUMENT_EXPIRED',
  faceMismatch: 'FACE_MISMATCH', nameMismatch: 'NAME_MISMATCH', suspectedFraud: 'SUSPECTED_FRAUD', underage: 'UNDERAGE',
  other: 'OTHER',
} as const
export type ReasonCode = (typeof REASON_CODES)[keyof typeof REASON_CODES]

const R = REASON_CODES
/** Which reason codes make sense for which decision (an approval for UNDERAGE is a slip, not a decision). */
export const REASONS_BY_DECISION: Record<Decision, readonly ReasonCode[]> = {
  approve: [R.documentOk],
  decline: [R.underage, R.suspectedFraud, R.faceMismatch, R.nameMismatch, R.documentExpired, R.other],
  request_resubmission: [R.documentUnreadable, R.documentExpired, R.faceMismatch, R.nameMismatch, R.other],
}

/** Decisions the API takes in a status: all three in review; while waiting on the applicant only a decline. */
export function decisionsFor(status: KycStatus): Decision[] {
  if (status === KYC_STATUS.review) return [DECISIONS.approve, DECISIONS.decline, DECISIONS.requestResubmission]
  if (WAITING_STATUSES.includes(status)) return [DECISIONS.decline]
  return []
}

export type KycCase = {
  id: string
  personId: string
  personEmail: string | null
  personDisplayName: string | null
  brand: string | null
  purpose: 'creator' | 'age'
  status: KycStatus
  round: number
  resubmissions: number
  remindersSent: number
  reasonCode: string | null
  reason: string | null
  escalatedAt: string | null
  createdAt: string
  updatedAt: string
  decidedAt: string | null
  ageHours: number
  workflowId: string
}

export type DeclaredName = { firstName: string; lastName: string }
export type ProviderDocument = { type: string | null; number: string | null; issuingCountry: string | null; validUntil: string | null }
export type ProviderPerson = { firstName: string | null; lastName: string | null; dateOfBirth: string | null; document: ProviderDocument | null }

export type KycEvidence = {
  declared: DeclaredName | null
  provider?: {
    status: string; reasonCode: string | null; reason: string | null; decidedAt: string | null
    person: ProviderPerson | null; liveness: string | null; riskLabels: string[] | null
  } | null
  assessment?: { outcome: string; reasonCode: string | null; reason: string | null } | null
}

export type KycMedia = { mediaId: string; kind: string; contentType: string; url: string }

export type KycCaseDetail = KycCase & { evidence: KycEvidence | null; media: KycMedia[] }
