/** Data subject request read model (GET /api/privacy-requests, /api/privacy-requests/:id): the DSR contract of issue 8. */

export const DSR_KIND = { access: 'access', erasure: 'erasure', rectification: 'rectification' } as const
export type DsrKind = (typeof DSR_KIND)[keyof typeof DSR_KIND]

export const JURISDICTION = { gdpr: 'GDPR', ccpa: 'CCPA' } as const
export type Jurisdiction = (typeof JURISDICTION)[keyof typeof JURISDICTION]

export const DSR_STATUS = {
  awaitingVerification: 'AWAITING_VERIFICATION', inProgress: 'IN_PROGRESS', waitingOnHold: 'WAITING_ON_HOLD',
  completed: 'COMPLETED', rejected: 'REJECTED',
} as const
export type DsrStatus = (typeof DSR_STATUS)[keyof typeof DSR_STATUS]

/** The statuses the contract (and the one-open-request index) counts as open: the clock still runs on these. */
export const OPEN_STATUSES: readonly DsrStatus[] = [DSR_STATUS.awaitingVerification, DSR_STATUS.inProgress, DSR_STATUS.waitingOnHold]
export const isOpen = (status: DsrStatus): boolean => OPEN_STATUSES.includes(status)
/** Rejection ends a request before its work is done: not once erasure is done but for the data a hold keeps (the API decides). */
export const canReject = (status: DsrStatus): boolean => status === DSR_STATUS.awaitingVerification || status === DSR_STATUS.inProgress

export const VERIFICATION = { pending: 'pending', verified: 'verified', failed: 'failed' } as const
export type Verification = (typeof VERIFICATION)[keyof typeof VERIFICATION]
export type VerificationMethod = 'session' | 'email_code' | 'staff'

export const STEP_STATUS = { pending: 'PENDING', done: 'DONE', withheld: 'WITHHELD', skipped: 'SKIPPED' } as const
export type StepStatus = (typeof STEP_STATUS)[keyof typeof STEP_STATUS]

export type DsrSystem = 'postgres' | 'storage' | 'search' | 'ledger' | 'temporal'
export type HoldKind = 'records_2257' | 'chargeback' | 'tax' | 'litigation'

export type Extension = { days: number; reason: string; at: string; by: string }
/** Data a hold kept back in one system, and until when (null: until the hold is released). */
export type Withheld = { what: string; holdKind: HoldKind; reason: string; until: string | null }
export type DsrStep = { system: DsrSystem; status: StepStatus; erased: Record<string, number>; withheld: Withheld[]; finishedAt: string | null }
export type Receipt = { issuedAt: string; signature: string; keyId: string }

export type PrivacyRequest = {
  id: string
  personId: string
  personEmail: string
  brand: string
  kind: DsrKind
  jurisdiction: Jurisdiction
  status: DsrStatus
  channel: 'privacy_center' | 'back_office'
  verification: Verification
  verificationMethod: VerificationMethod | null
  receivedAt: string
  dueAt: string
  /** whole days to the deadline, negative once overdue */
  daysLeft: number
  extensions: Extension[]
  escalatedAt: string | null
  completedAt: string | null
  rejectedReason: string | null
  agent: { name: string; relationship: string } | null
  workflowId: string
  steps: DsrStep[]
  /** access requests only */
  download: { available: boolean; expiresAt: string | null } | null
  receipt: Receipt | null
}

/** A hold evaluated for the request: derived ones (2257, chargeback, tax) and compliance's litigation holds. */
export type EvaluatedHold = { kind: HoldKind; reason: string; until: string | null; categories: string[]; ref: string }

/** The show view adds the holds the workflow weighed against the person's data. */
export type PrivacyRequestDetail = PrivacyRequest & { holds: EvaluatedHold[] }

export const choices = (values: readonly string[]) => values.map((v) => ({ id: v, name: v.replaceAll('_', ' ') }))
