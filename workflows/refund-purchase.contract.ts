/** Contract of refundPurchase: money back to the fan, by the fan within policy or by finance at any time. */
import { TASK_QUEUES } from './task-queues.ts'
import type { Posting } from '../domain/ledger/accounts.ts'

export type RefundPurchaseInput = { purchaseId: string; requestedBy: { personId: string; role: 'fan' | 'finance' }; reason: string }
export type RefundPurchaseOutput = { refundId: string; feeRefunded: boolean; entryId: string }

/** What the refund activity reads about the purchase. */
export type RefundCase = {
  purchaseWorkflowId: string
  fanId: string
  postId: string | null
  brand: string
  processor: 'ccbill' | 'segpay' | 'epoch' | 'verotel' | 'crypto'
  transactionId: string
  amount: number
  currency: string
  saleEntryId: string
  salePostings: Posting[]
  creatorShareStillPending: boolean
  /** what the creator's account can give back now (the rest they owe us); absent in runs recorded before it existed */
  clawbackLimit?: number
}

export const refundPurchaseWorkflowId = (purchaseId: string) => `refund:${purchaseId}`
export const refundPurchaseTaskQueue = TASK_QUEUES.finance
