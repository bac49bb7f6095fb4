/** Purchase read model (GET /api/purchases, /api/purchases/:id), amounts in integer minor units. */

export const PURCHASE_STATUS = {
  pending: 'PENDING', completed: 'COMPLETED', declined: 'DECLINED', failed: 'FAILED',
  refunded: 'REFUNDED', chargedBack: 'CHARGED_BACK',
} as const
export type PurchaseStatus = (typeof PURCHASE_STATUS)[keyof typeof PURCHASE_STATUS]

export type PurchaseSplit = {
  currency: string
  gross: number
  tax: number
  net: number
  creator: number
  referral: { referrerId: string; amount: number } | null
  platform: number
  processorFee: number
}

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
