/** Shapes of the storefront's slice of the subscriptions API. */

/** A price of one tier for one period: monthly (months 1) or a prepaid bundle at its discount. */
export type PeriodPrice = { months: number; discountBps: number; amount: number }
export type PlanTier = { id: string; rank: number; name: string; monthlyPrice: number; prices: PeriodPrice[] }

/** GET /api/plans?brand=: a creator's plan as fans see it. */
export type Plan = {
  id: string
  brand: string
  creatorId: string
  creator: { displayName: string; handle: string | null }
  name: string
  currency: string
  trialDays: number
  tiers: PlanTier[]
}

export type SubscriptionStatus = 'PENDING' | 'TRIALING' | 'ACTIVE' | 'PAST_DUE' | 'GRACE' | 'PAUSED' | 'CANCELLED' | 'ENDED' | 'FAILED'

/** GET /api/subscriptions/mine: one of the fan's subscriptions, as its workflow last recorded it. */
export type FanSubscription = {
  id: string
  workflowId: string
  planId: string
  planName: string | null
  tierId: string
  tierName: string
  creatorId: string
  creator: { displayName: string; handle: string | null }
  brand: string
  periodMonths: number
  currency: string
  price: number
  processor: string
  renewalMode: 'PROCESSOR' | 'MERCHANT'
  status: SubscriptionStatus
  cancelAtPeriodEnd: boolean
  currentPeriodEnd: string | null
  nextBillingAt: string | null
  endReason: string | null
  createdAt: string
}

/** GET /api/subscriptions/:id adds the billing events; the first one says what the first charge was. */
export type SubscriptionDetail = FanSubscription & {
  cycles: { id: string; kind: string; status: string; amount: number; currency: string; failureCode: string | null }[]
}

/** 202 answer of POST /api/subscriptions. */
export type StartedSubscription = { id: string; workflowId: string; runId: string }

/** Statuses of a subscription still running (the fan may manage it). */
export const LIVE_STATUSES: readonly SubscriptionStatus[] = ['PENDING', 'TRIALING', 'ACTIVE', 'PAST_DUE', 'GRACE', 'PAUSED']

export const periodText = (months: number) => (months === 1 ? 'month' : `${months} months`)
