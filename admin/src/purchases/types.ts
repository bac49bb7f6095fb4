/** Purchase read model (GET /api/purchases, /api/purchases/:id), amounts in integer minor units. */
import type { RevenueSplit } from '../../../domain/revenue-split.ts'

export const PURCHASE_STATUS = {
  pending: 'PENDING', completed: 'COMPLETED', declined: 'DECLINED', failed: 'FAILED',
  refunded: 'REFUNDED', chargedBack: 'CHARGED_BACK',
} as const
export type PurchaseStatus = (typeof PURCHASE_STATUS)[keyof typeof PURCHASE_STATUS]

/** The split the purchase workflow recorded (domain/revenue-split.ts). */
export type PurchaseSplit = Omit<RevenueSplit, 'rates'>

export type Purchase = {
  id: string
  workflowId: string
  kind: string
  fanId: string
  creatorId: string
  postId: string | null
  brand: string
  amount: number
  currency: string
  processor: string
  status: PurchaseStatus
  transactionId: string | null
  ledgerEntryId: string | null
  declineCode: string | null
  failureReason: string | null
  split: PurchaseSplit | null
  createdAt: string
  updatedAt: string
}

export const PROCESSORS = ['ccbill', 'segpay', 'epoch', 'verotel', 'crypto'] as const
