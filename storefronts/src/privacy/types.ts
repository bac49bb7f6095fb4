/** A data subject request (GDPR / CCPA) as the fan's privacy center sees it: the DSR contract of issue 8. */

export const DSR_KIND = { access: 'access', erasure: 'erasure', rectification: 'rectification' } as const
export type DsrKind = (typeof DSR_KIND)[keyof typeof DSR_KIND]

export const DSR_STATUS = {
  awaitingVerification: 'AWAITING_VERIFICATION', inProgress: 'IN_PROGRESS', waitingOnHold: 'WAITING_ON_HOLD',
  completed: 'COMPLETED', rejected: 'REJECTED',
} as const
export type DsrStatus = (typeof DSR_STATUS)[keyof typeof DSR_STATUS]

/** Open requests: the statutory clock still runs, and the page keeps polling while any is. */
export const OPEN_STATUSES: readonly DsrStatus[] = [DSR_STATUS.awaitingVerification, DSR_STATUS.inProgress, DSR_STATUS.waitingOnHold]
export const isOpen = (status: DsrStatus): boolean => OPEN_STATUSES.includes(status)

export type Verification = 'pending' | 'verified' | 'failed'
export type VerificationMethod = 'session' | 'email_code' | 'staff'
export type DsrSystem = 'postgres' | 'storage' | 'search' | 'ledger' | 'temporal'
export type StepStatus = 'PENDING' | 'DONE' | 'WITHHELD' | 'SKIPPED'
export type HoldKind = 'records_2257' | 'chargeback' | 'tax' | 'litigation'

/** Data a legal hold kept back in one system, and until when (null: until the hold is released). */
export type Withheld = { what: string; holdKind: HoldKind; reason: string; until: string | null }
export type DsrStep = { system: DsrSystem; status: StepStatus; erased: Record<string, number>; withheld: Withheld[]; finishedAt: string | null }
export type Extension = { days: number; reason: string; at: string; by: string }

export type PrivacyRequest = {
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
  receipt: { issuedAt: string; signature: string; keyId: string } | null
}

/** GET /api/me/privacy-requests/:id/receipt: what was done in each system, signed with the platform's key. */
export type SignedReceipt = { receipt: Record<string, unknown>; signature: string; keyId: string; algorithm: 'Ed25519'; publicKey: string }

export type NewPrivacyRequest = { kind: DsrKind; brand: string; rectification?: { displayName?: string } }
