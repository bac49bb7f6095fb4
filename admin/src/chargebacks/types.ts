/** Chargeback case read model (GET /api/chargeback-cases, /api/chargeback-cases/:id), amounts in integer minor units. */
import type { Purchase } from '../purchases/types'

export const CHARGEBACK_STATUS = { open: 'OPEN', closed: 'CLOSED' } as const
export type ChargebackStatus = (typeof CHARGEBACK_STATUS)[keyof typeof CHARGEBACK_STATUS]

export type ChargebackCase = {
  id: string
  workflowId: string
  processor: string
  transactionId: string
  eventId: string
  purchaseId: string
  fanId: string
  creatorId: string
  brand: string
  amount: number
  currency: string
  status: ChargebackStatus
  /** creator share taken back, loss we carry (unrecovered share + fee), and the processor's fee */
  clawedBack: number | null
  loss: number | null
  fee: number | null
  /** the chargeback's journal entry */
  ledgerEntryId: string | null
  evidenceKey: string | null
  openedAt: string
  closedAt: string | null
}

/** The show view adds the reversed purchase and a presigned, short-lived link to the evidence pack. */
export type ChargebackCaseDetail = ChargebackCase & {
  purchase: Purchase | null
  evidence: { key: string; url: string; expiresAt: string } | null
}
