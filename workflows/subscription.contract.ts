/** Contract of the subscription workflow: one long-lived workflow per subscription (`sub:<id>`), continued-as-new each cycle. */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow'
import type { Settlement } from '../domain/ledger/templates.ts'
import type { Referral } from '../domain/revenue-split.ts'
import type { PromoDiscount } from '../domain/subscriptions/promo.ts'
import type { Bundle, Tier } from '../domain/subscriptions/catalog.ts'
import { TASK_QUEUES } from './task-queues.ts'

export type SubscriptionProcessor = 'ccbill' | 'segpay' | 'epoch' | 'verotel' | 'crypto'

/** What the API starts a subscription with. */
export type SubscribeInput = {
  subscriptionId: string
  fanId: string
  planId: string
  tierId: string
  /** 1 (monthly) or a bundle of 3, 6 or 12 months paid at once */
  periodMonths: number
  processor: SubscriptionProcessor
  paymentToken: string
  jurisdiction: string
  promoCode: string | null
}

/** The plan, price and split rules fixed when the subscription opened (prices may change later, with notice). */
export type SubscriptionQuote = {
  brand: string
  creatorId: string
  currency: string
  planName: string
  /** the plan's tiers when the subscription opened, for tier changes */
  tiers: Tier[]
  bundles: Bundle[]
  /** list price of one period on the chosen tier (bundle discount applied) */
  price: number
  promo: { code: string; discount: PromoDiscount; cycles: number | null } | null
  trialDays: number
  /** PROCESSOR: the processor rebills and tells us (CCBill, Segpay); MERCHANT: we charge each renewal */
  renewalMode: 'PROCESSOR' | 'MERCHANT'
  taxBps: number
  creatorShareBps: number
  shareRuleId: string | null
  referral: Referral | null
  settlement: Settlement | null
  chargebackWindowDays: number
  fanEmail: string
  fanName: string
}

export type SubscriptionStatus = 'PENDING' | 'TRIALING' | 'ACTIVE' | 'PAST_DUE' | 'GRACE' | 'PAUSED' | 'CANCELLED' | 'ENDED' | 'FAILED'
export type Access = 'FULL' | 'RESTRICTED' | 'NONE'

/** One billing event, as the query shows it; `runId` is the run that booked it. */
export type CycleRecord = {
  cycle: number
  kind: 'trial' | 'initial' | 'renewal' | 'retry' | 'upgrade' | 'refund'
  attempt: number
  status: 'PAID' | 'FAILED' | 'FREE' | 'REFUNDED'
  amount: number
  periodStart: string
  periodEnd: string
  transactionId: string | null
  purchaseId: string | null
  failureCode: string | null
  at: string
  runId: string
}

/** Everything a run knows; carried into the next run by continue-as-new. */
export type SubscriptionState = {
  status: SubscriptionStatus
  access: Access
  tierId: string
  periodMonths: number
  /** list price of the next period (before promo) */
  price: number
  /** billing cycle of the current period (0 = first paid period) */
  cycle: number
  /** the billing date of cycle `anchorCycle`; later periods count from it (a resume moves it) */
  anchor: string | null
  anchorCycle: number
  /** the processor's subscription id when it owns the rebilling */
  subscriptionRef: string | null
  currentPeriod: { start: string; end: string } | null
  nextBillingAt: string | null
  cancelAtPeriodEnd: boolean
  pausedAt: string | null
  resumeAt: string | null
  /** a downgrade waiting for the period end */
  pendingTierId: string | null
  /** announced price change, applied at the first renewal on or after `effectiveFrom` */
  pendingPrice: { priceChangeId: string; amount: number; effectiveFrom: string } | null
  dunning: { failedAt: string; attempts: number; step: string } | null
  /** creator shares waiting out the chargeback window, released by this workflow when due (it outlives the last period for them) */
  holds: { purchaseId: string; transactionId: string; releaseAt: string; amount: number; currency: string }[]
  /** the last charges (for the query, and to find a charge by transaction id) */
  history: CycleRecord[]
  endedAt: string | null
  endReason: string | null
}

/** What one run starts with: the API's input, and after the first run the quote and state carried over. */
export type SubscriptionArgs = {
  input: SubscribeInput
  quote?: SubscriptionQuote
  state?: SubscriptionState
  seenEventIds?: string[]
  /** processor events and fan notices the previous run had not handled yet */
  events?: SubscriptionProcessorEvent[]
  notices?: { key: string; notice: string; amount?: number; at?: string | null }[]
}
export type SubscriptionOutcome = { status: SubscriptionStatus; endReason: string | null; cycles: number }

/** A processor's notification about this subscription (CCBill / Segpay rebills, failures, cancellations), deduped by eventId. */
export type SubscriptionProcessorEvent = {
  eventId: string
  type: 'rebill' | 'rebill_failed' | 'cancellation'
  transactionId: string
  amount: number | null
  processorFee: number | null
  occurredAt: string
}
export const subscriptionEventSignal = defineSignal<[SubscriptionProcessorEvent]>('subscriptionProcessorEvent')
/** The creator changed the tier's price: notice to the fan now, applied at a renewal on or after `effectiveFrom`. */
export const priceChangeSignal = defineSignal<[{ priceChangeId: string; tierId: string; monthlyPrice: number; amount: number; effectiveFrom: string }]>('subscriptionPriceChange')

export type CancelRequest = { mode: 'period-end' | 'immediate'; reason: string; by: 'fan' | 'staff' }
export type CancelResult = { mode: 'period-end' | 'immediate'; accessUntil: string; refund: number }
export const cancelUpdate = defineUpdate<CancelResult, [CancelRequest]>('cancel')
export const pauseUpdate = defineUpdate<{ pausedAt: string; resumeAt: string }, [{ days: number }]>('pause')
export const resumeUpdate = defineUpdate<{ nextBillingAt: string }, []>('resume')
export type TierChangeResult = { kind: 'upgrade' | 'downgrade'; effectiveAt: string; amountCharged: number; nextRenewal: number }
export const changeTierUpdate = defineUpdate<TierChangeResult, [{ tierId: string }]>('changeTier')
export const subscriptionStateQuery = defineQuery<SubscriptionState | null>('subscriptionState')

/** Refusals of the updates (ApplicationFailure types; the API answers them 409/422). */
export const SUBSCRIPTION_REFUSALS = {
  notActive: 'SUBSCRIPTION_NOT_ACTIVE',
  busy: 'SUBSCRIPTION_BUSY',
  unknownTier: 'UNKNOWN_TIER',
  declined: 'PAYMENT_DECLINED',
} as const

export const subscriptionWorkflowId = (subscriptionId: string) => `sub:${subscriptionId}`
export const subscriptionTaskQueue = TASK_QUEUES.finance
/** Idempotency key of a charge: one per subscription, cycle, kind and attempt. */
export const chargeKey = (subscriptionId: string, cycle: number, kind: string, attempt: number) => `sub:${subscriptionId}:c${cycle}:${kind}:${attempt}`
