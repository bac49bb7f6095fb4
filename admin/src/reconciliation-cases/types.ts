/** Reconciliation case read model (GET /api/reconciliation-cases): a difference between the ledger and a rail's report. */

export const CASE_KINDS = { missingAtRail: 'MISSING_AT_RAIL', unknownAtRail: 'UNKNOWN_AT_RAIL', amountMismatch: 'AMOUNT_MISMATCH', statusMismatch: 'STATUS_MISMATCH' } as const
type CaseKind = (typeof CASE_KINDS)[keyof typeof CASE_KINDS]
export const CASE_STATUS = { open: 'OPEN', resolved: 'RESOLVED' } as const
type CaseStatus = (typeof CASE_STATUS)[keyof typeof CASE_STATUS]

export type ReconciliationCase = {
  id: string
  runId: string
  rail: string
  kind: CaseKind
  providerRef: string
  itemId: string | null
  ledgerAmount: number | null
  railAmount: number | null
  currency: string
  detail: string
  status: CaseStatus
  resolution: string | null
  resolvedBy: string | null
  resolvedAt: string | null
  createdAt: string
}
