/** Shapes of the storefront's slice of the API. */

export type Post = {
  id: string
  title: string
  priceMinor: number
  currency: string
  brandSlug: string
  creator: { displayName: string; handle: string | null }
}

export type PurchaseStatus = 'PENDING' | 'COMPLETED' | 'DECLINED' | 'FAILED' | 'REFUNDED' | 'CHARGED_BACK'

export type Purchase = {
  id: string
  workflowId: string
  status: PurchaseStatus
  amount: number
  currency: string
  processor: string
  transactionId: string | null
  declineCode: string | null
  failureReason: string | null
  split: { gross: number; tax: number; net: number } | null
}

/** 202 answer of POST /api/purchases. */
export type StartedPurchase = { id: string; workflowId: string; runId: string }

/** Sandbox test cards the local CCBill sandbox understands; no real card data is ever taken here. */
export const TEST_CARDS = [
  { token: 'tok_approve_demo', label: 'Test card — approves' },
  { token: 'tok_decline_funds', label: 'Test card — insufficient funds' },
] as const

export const COUNTRIES = [
  { code: 'US', label: 'United States' },
  { code: 'DE', label: 'Germany' },
  { code: 'GB', label: 'United Kingdom' },
  { code: 'FR', label: 'France' },
  { code: 'US-TX', label: 'United States — Texas' },
] as const
