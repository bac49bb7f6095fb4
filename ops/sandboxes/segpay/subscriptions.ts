/**
 * Purchases the Segpay sandbox rebills: a rebill happens when a test or demo asks for one (real periods are a month),
 * posting the rebill's transaction postback; SRS CancelMembership ends the rebilling and posts a Cancellation postback.
 */
import express from 'express'
import { z } from 'zod'
import { cancelPostback, salePostback } from './events.ts'
import type { PostbackPoster } from './postbacks.ts'
import type { SandboxSubscription, SegpayState } from './state.ts'

const DAY_MS = 86_400_000

const rebillSchema = z.object({ outcome: z.enum(['approve', 'decline']), duplicate: z.boolean().optional() })

/** What GET /sandbox/subscriptions/:purchaseId shows. */
function view(s: SandboxSubscription) {
  return {
    subscriptionRef: s.purchaseId, status: s.cancelledAt ? 'cancelled' : 'active', recurringAmount: s.terms.recurringAmount,
    currency: s.currency, periodDays: s.terms.recurringLength, timesRebilled: s.rebills.filter((r) => r.approved).length,
    nextBillingAt: s.nextBillingAt, cancelledAt: s.cancelledAt, passThrough: s.passThrough, rebills: s.rebills,
  }
}

/** Ends the rebilling and posts the Cancellation postback; false when it had ended before. */
export function cancelSubscription(s: SandboxSubscription, postbacks: PostbackPoster): boolean {
  if (s.cancelledAt) return false
  const now = Date.now()
  s.cancelledAt = new Date(now).toISOString()
  postbacks.post(cancelPostback(s, now))
  return true
}

/** Runs one rebill now: a Sale row under the purchase, and its postback (twice when asked to). */
function rebill(state: SegpayState, postbacks: PostbackPoster, s: SandboxSubscription, approve: boolean, copies: number) {
  const now = Date.now()
  // Segpay's first rebill of a purchase is its Conversion, every later one a Rebill
  const stage = s.rebills.some((r) => r.approved) ? 'Rebill' : 'Conversion'
  const row = state.add({
    transId: state.nextId(), purchaseId: s.purchaseId, eticketid: s.eticketid, type: 'Sale', relatedTransId: '0',
    amount: s.terms.recurringAmount, currency: s.currency, approved: approve, authCode: approve ? '00:Approved' : '51:Insufficient Funds',
    state: approve ? 'approved' : 'declined', settled: false, passThrough: s.passThrough, createdAt: new Date(now).toISOString(),
  })
  if (approve) s.nextBillingAt = new Date(Date.parse(s.nextBillingAt) + s.terms.recurringLength * DAY_MS).toISOString()
  s.rebills.push({ transId: row.transId, approved: approve, amount: row.amount, at: row.createdAt })
  const postback = salePostback(row, now, stage)
  for (let i = 0; i < copies; i++) postbacks.post(postback)
  return { transId: row.transId, approved: approve, stage }
}

/** Controls under /sandbox: a purchase's rebilling state, and a rebill on demand. */
export function createSubscriptionRouter(state: SegpayState, postbacks: PostbackPoster) {
  const router = express.Router()

  /** One purchase Segpay rebills: its terms, rebills so far, and whether it was cancelled. */
  router.get('/subscriptions/:subscriptionRef', (req, res) => {
    const s = state.subscriptions.get(req.params.subscriptionRef)
    if (!s) return res.status(404).json({ error: 'no recurring purchase with that PurchaseID' })
    res.json({ subscription: view(s) })
  })
  /** Segpay's rebill date came: approve or decline the rebill now and send its postback. */
  router.post('/subscriptions/:subscriptionRef/rebill', express.json(), (req, res) => {
    const s = state.subscriptions.get(req.params.subscriptionRef)
    if (!s) return res.status(404).json({ error: 'no recurring purchase with that PurchaseID' })
    const body = rebillSchema.safeParse(req.body)
    if (!body.success) return res.status(400).json({ error: 'expected { outcome: "approve" | "decline", duplicate?: boolean }' })
    if (s.cancelledAt) return res.status(409).json({ error: 'the purchase no longer rebills' })
    const result = rebill(state, postbacks, s, body.data.outcome === 'approve', body.data.duplicate ? 2 : 1)
    res.json({ rebill: result, subscription: view(s) })
  })
  return router
}
