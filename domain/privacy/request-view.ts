/**
 * A data subject request as the API shows it (GET /api/me/privacy-requests, /api/privacy-requests): one shape for the
 * storefront's privacy center and the back office, so the two read the same words.
 */
export const DSR_KIND = { access: 'access', erasure: 'erasure', rectification: 'rectification' } as const
export type DsrKind = (typeof DSR_KIND)[keyof typeof DSR_KIND]

export const DSR_STATUS = {
  awaitingVerification: 'AWAITING_VERIFICATION', inProgress: 'IN_PROGRESS', waitingOnHold: 'WAITING_ON_HOLD',
  completed: 'COMPLETED', rejected: 'REJECTED',
} as const
export type DsrStatus = (typeof DSR_STATUS)[keyof typeof DSR_STATUS]

/** Open requests: the one-open-request rule counts them, and the statutory clock runs on the first two. */
export const OPEN_STATUSES: readonly DsrStatus[] = [DSR_STATUS.awaitingVerification, DSR_STATUS.inProgress, DSR_STATUS.waitingOnHold]
export const isOpen = (status: DsrStatus): boolean => OPEN_STATUSES.includes(status)

export type Verification = 'pending' | 'verified' | 'failed'
export type VerificationMethod = 'session' | 'email_code' | 'staff'
export type DsrSystem = 'postgres' | 'storage' | 'search' | 'ledger' | 'temporal'
export type StepStatus = 'PENDING' | 'DONE' | 'WITHHELD' | 'SKIPPED'
export type HoldKind = 'records_2257' | 'chargeback' | 'tax' | 'litigation'

/** Data kept back in one system and until when (null: until released); 'running_workflows' is no legal hold. */
export type Withheld = { what: string; holdKind: HoldKind | 'running_workflows'; reason: string; until: string | null }
export type DsrStep = { system: DsrSystem; status: StepStatus; erased: Record<string, number>; withheld: Withheld[]; finishedAt: string | null }
export type Extension = { days: number; reason: string; at: string; by: string }

export type PrivacyRequestView = {
  id: string
  personId: string
  brand: string
  kind: DsrKind
  jurisdiction: 'GDPR' | 'CCPA'
  status: DsrStatus
  channel: 'privacy_center' | 'back_office'
  verification: Verification
  verificationMethod: VerificationMethod | null
  receivedAt: string
  dueAt: string
  /** whole days to the deadline, negative once overdue; null once answered */
  daysLeft: number | null
  extensions: Extension[]
  escalatedAt: string | null
  completedAt: string | null
  rejectedReason: string | null
  agent: { name: string; relationship: string } | null
  workflowId: string
  steps: DsrStep[]
  /** access requests only */
  download: { available: boolean; expiresAt: string | null } | null
  receipt: { issuedAt: string; signature: string; keyId: string } | null
}
