/** Payout run read model (GET /api/payout-runs, /api/payout-runs/:id), amounts in integer minor units. */
import type { PayoutItemStatus } from '../payout-items/types'

export const PAYOUT_RUN_STATUS = { selecting: 'SELECTING', paying: 'PAYING', settling: 'SETTLING', reconciling: 'RECONCILING', completed: 'COMPLETED' } as const
export type PayoutRunStatus = (typeof PAYOUT_RUN_STATUS)[keyof typeof PAYOUT_RUN_STATUS]

/** The brand's payout policy as it stood when the run started (payout_settings). */
export type PayoutSettingsSnapshot = {
  currency: string
  cadence: string
  weekday: number
  dayOfMonth: number
  hourUtc: number
  minimum: number
  reserveBps: number
  reserveDays: number
  approvalThreshold: number
}

export type RunTotals = Partial<Record<PayoutItemStatus, { count: number; amount: number }>>

export type PayoutRun = {
  id: string
  workflowId: string
  brand: string
  currency: string
  status: PayoutRunStatus
  trigger: string
  asOf: string
  settings: PayoutSettingsSnapshot | null
  creators: number
  startedAt: string
  finishedAt: string | null
  totals: RunTotals
  /** reconciliation cases of the run still open */
  openCases: number
}
