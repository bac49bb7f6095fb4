/** Subscription read model (GET /api/subscriptions, /api/subscriptions/:id, /api/dunning-queue), amounts in integer minor units. */
import type { SubscriptionState } from '../../../workflows/subscription.contract.ts'

export const SUBSCRIPTION_STATUS = {
  pending: 'PENDING', trialing: 'TRIALING', active: 'ACTIVE', pastDue: 'PAST_DUE', grace: 'GRACE', paused: 'PAUSED',
  cancelled: 'CANCELLED', ended: 'ENDED', failed: 'FAILED',
} as const
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUS)[keyof typeof SUBSCRIPTION_STATUS]

export type Subscription = {
  id: string
  workflowId: string
  fanId: string
  creatorId: string
  creator: { displayName: string; handle: string | null }
  brand: string
  planId: string
  planName: string | null
  tierId: string
  tierName: string
  periodMonths: number
  currency: string
  /** list price of one period (bundle discount applied, promo not) */
  price: number
  promoCode: string | null
  processor: string
  renewalMode: 'PROCESSOR' | 'MERCHANT'
  status: SubscriptionStatus
  cancelAtPeriodEnd: boolean
  currentPeriodStart: string | null
  currentPeriodEnd: string | null
  nextBillingAt: string | null
  pausedAt: string | null
  endedAt: string | null
  endReason: string | null
  createdAt: string
  updatedAt: string
}

/** One billing event, with the workflow run that booked it. */
export type Cycle = {
  id: string
  cycle: number
  kind: 'trial' | 'initial' | 'renewal' | 'retry' | 'upgrade' | 'refund'
  attempt: number
  status: 'PAID' | 'FAILED' | 'FREE' | 'REFUNDED' | 'CHARGED_BACK'
  amount: number
  currency: string
  periodStart: string
  periodEnd: string
  transactionId: string | null
  ledgerEntryId: string | null
  failureCode: string | null
  workflowId: string
  runId: string
  createdAt: string
}

export type Entitlement = { access: 'FULL' | 'RESTRICTED' | 'NONE'; validUntil: string | null; updatedAt: string }

/** The show view adds the cycles (newest first), the entitlement and the workflow's live state (null when it cannot be asked). */
export type SubscriptionDetail = Subscription & { cycles: Cycle[]; entitlement: Entitlement | null; state: SubscriptionState | null }

/** A row of the dunning queue: the subscription and its last failed charge. */
export type DunningRow = Subscription & {
  failedAttempts: number
  lastFailure: { code: string | null; amount: number; kind: string; attempt: number; at: string } | null
}
