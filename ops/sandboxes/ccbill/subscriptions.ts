/**
 * Subscriptions the CCBill sandbox rebills: a rebill happens when a test or demo asks for one (real periods are a month),
 * posting RenewalSuccess or RenewalFailure; DataLink cancelSubscription ends the rebilling and posts Cancellation.
 */
import express from 'express'
import { z } from 'zod'
import { cancellationEvent, renewalEvent, renewalFailureEvent } from './events.ts'
import { SANDBOX_CURRENCIES, type CcbillState, type SandboxRecurring, type SandboxTransaction } from './state.ts'
import type { WebhookPoster } from './webhooks.ts'

const DAY_MS = 86_400_000

/** A transaction that opened a subscription, with its terms in reach. */
type Subscription = SandboxTransaction & { recurring: SandboxRecurring }

const rebillSchema = z.object({ outcome: z.enum(['approve', 'decline']), duplicate: z.boolean().optional() })

/** What GET /sandbox/subscriptions/:id shows. */
function view(t: Subscription) {
  const { recurring: r } = t
  return {
    subscriptionRef: t.subscriptionId, status: r.cancelledAt ? 'cancelled' : 'active', recurringPrice: r.price,
    currency: SANDBOX_CURRENCIES[t.currencyCode] ?? '', periodDays: r.periodDays, timesRebilled: r.renewals.filter((x) => x.approved).length,
    nextRenewalAt: r.nextRenewalAt, cancelledAt: r.cancelledAt, passThrough: t.passThrough, renewals: r.renewals,
  }
}

/** Ends the rebilling and posts Cancellation; false when there was none to end (one-time sale, or cancelled before). */
export function cancelRecurring(t: SandboxTransaction, webhooks: WebhookPoster, reason: string): boolean {
  if (!t.recurring || t.recurring.cancelledAt) return false
  const now = Date.now()
  t.recurring.cancelledAt = new Date(now).toISOString()
  webhooks.post('Cancellation', cancellationEvent(t, reason, now))
  return true
}

/** Runs one rebill now and posts its webhook (twice when asked to, as CCBill sometimes does). */
function rebill(state: CcbillState, webhooks: WebhookPoster, t: Subscription, approve: boolean, copies: number) {
  const now = Date.now()
  const transactionId = state.nextId()
  if (approve) t.recurring.nextRenewalAt = new Date(Date.parse(t.recurring.nextRenewalAt) + t.recurring.periodDays * DAY_MS).toISOString()
  t.recurring.renewals.push({ transactionId, approved: approve, amount: t.recurring.price, at: new Date(now).toISOString() })
  const [eventType, fields] = approve ? ['RenewalSuccess', renewalEvent(t, transactionId, now)] as const
    : ['RenewalFailure', renewalFailureEvent(t, transactionId, now)] as const
  for (let i = 0; i < copies; i++) webhooks.post(eventType, fields)
  return { transactionId, approved: approve, eventType }
}

/** Controls under /sandbox: a subscription's state, and a rebill on demand. */
export function createSubscriptionRouter(state: CcbillState, webhooks: WebhookPoster) {
  const router = express.Router()
  const subscription = (id: string): Subscription | undefined => {
    const t = state.find(id)
    return t?.recurring ? (t as Subscription) : undefined
  }

  /** One subscription: its terms, rebills so far, and whether it was cancelled. */
  router.get('/subscriptions/:subscriptionRef', (req, res) => {
    const t = subscription(req.params.subscriptionRef)
    if (!t) return res.status(404).json({ error: 'no recurring subscription with that id' })
    res.json({ subscription: view(t) })
  })
  /** CCBill's rebill date came: approve or decline the rebill now and post its webhook. */
  router.post('/subscriptions/:subscriptionRef/rebill', express.json(), (req, res) => {
    const t = subscription(req.params.subscriptionRef)
    if (!t) return res.status(404).json({ error: 'no recurring subscription with that id' })
    const body = rebillSchema.safeParse(req.body)
    if (!body.success) return res.status(400).json({ error: 'expected { outcome: "approve" | "decline", duplicate?: boolean }' })
    if (t.recurring.cancelledAt || t.state === 'chargeback') return res.status(409).json({ error: 'the subscription no longer rebills' })
    const result = rebill(state, webhooks, t, body.data.outcome === 'approve', body.data.duplicate ? 2 : 1)
    res.json({ rebill: result, subscription: view(t) })
  })
  return router
}
