/** Contract of handleChargeback: a processor reports that a fan's bank reversed a sale. */
import { TASK_QUEUES } from './task-queues.ts'
import type { Posting } from '../domain/ledger/accounts.ts'

export type HandleChargebackInput = { processor: string; transactionId: string; eventId: string; purchaseWorkflowId: string }
export type HandleChargebackOutput = { purchaseId: string; clawedBack: number; loss: number; evidenceKey: string }

/** What the case activity reads about the reversed sale. */
export type ChargebackCase = {
  purchaseId: string
  fanId: string
  postId: string | null
  creatorId: string
  brand: string
  currency: string
  /** what the fan paid (absent in runs recorded before the case read model) */
  amount?: number
  saleEntryId: string
  salePostings: Posting[]
  /** false once the chargeback window has passed and the share was released */
  creatorShareStillPending: boolean
  /** what the creator's account can give back (the rest is our loss) */
  clawbackLimit: number
  chargebackFee: number
}

export const handleChargebackWorkflowId = (processor: string, transactionId: string) => `chargeback:${processor}:${transactionId}`
export const handleChargebackTaskQueue = TASK_QUEUES.finance

/** The chargeback_cases row a run keeps current (OPEN at first, CLOSED with the outcome). */
export type ChargebackCaseRecord = {
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
  status: 'OPEN' | 'CLOSED'
  outcome?: { clawedBack: number; loss: number; fee: number; ledgerEntryId: string; evidenceKey: string }
}
