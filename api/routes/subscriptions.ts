/**
 * Subscriptions: creators' plans (subscription-plans.ts, subscription-price-changes.ts); fans subscribe (starts the
 * `subscription` workflow), read theirs with the live workflow state, cancel / pause / resume / change tier (workflow
 * updates) and ask for access; finance lists every subscription and the dunning queue.
 */
import { randomUUID } from 'node:crypto'
import { Router, type Request } from 'express'
import type { Client, WorkflowHandle } from '@temporalio/client'
import { z } from 'zod'
import { decide } from '../../domain/authz.ts'
import { isBrandSlug } from '../../domain/brands.ts'
import { isKnownJurisdiction } from '../../domain/tax.ts'
import { subscription } from '../../workflows/subscription.ts'
import {
  cancelUpdate, changeTierUpdate, pauseUpdate, resumeUpdate, SUBSCRIPTION_REFUSALS, subscriptionStateQuery, subscriptionTaskQueue, subscriptionWorkflowId,
} from '../../workflows/subscription.contract.ts'
import { audit } from '../audit.ts'
import { signedInId } from '../auth.ts'
import { DomainError } from '../errors.ts'
import { createPaymentTokens, type PaymentTokenDeps } from '../payment-token.ts'
import { createPriceChangeRouter } from './subscription-price-changes.ts'
import { createSubscriptionPlanRouter } from './subscription-plans.ts'
import { refused, updateRefusal } from './subscription-refusals.ts'
import { checkSubscribe } from './subscribe-checks.ts'
import { createSubscriptionStaffRouter } from './subscription-staff.ts'
import { cycleView, ENDED_STATUSES, subscriptionViews } from './subscription-views.ts'

const subscribeBody = z.object({
  planId: z.string().uuid('planId must be a UUID'),
  tierId: z.string().min(1).max(40),
  periodMonths: z.number().int('periodMonths is 1, 3, 6 or 12').positive('periodMonths is 1, 3, 6 or 12'),
  // crypto pays from the fan's own wallet: omitted there, required by the card processors. Not Verotel: its one-click
  // token is single-use, and renewals we charge would need the newest one each month (not built yet)
  processor: z.enum(['ccbill', 'segpay', 'epoch', 'crypto'], { message: 'processor must be ccbill, segpay, epoch or crypto (Verotel takes no subscriptions here)' })
    .default('ccbill'),
  paymentToken: z.string().min(3).max(200).optional(),
  jurisdiction: z.string().refine(isKnownJurisdiction, 'jurisdiction must be a known ISO country code, optionally with a region (US-TX)'),
  promoCode: z.string().trim().toUpperCase().min(1).max(32).optional(),
}).strict()
const idParam = z.object({ id: z.string().uuid('id must be a UUID') })
const cancelBody = z.object({ mode: z.enum(['period-end', 'immediate']), reason: z.string().trim().min(2, 'say why, in a few words').max(500) }).strict()
const pauseBody = z.object({ days: z.number().int('days is a whole number') }).strict()
const tierBody = z.object({ tierId: z.string().min(1).max(40) }).strict()
const creatorParam = z.object({ creatorId: z.string().uuid('creatorId must be a UUID') })
const accessQuery = z.object({ brand: z.string().refine(isBrandSlug, 'brand must be one of the nine brand slugs') })
const ACCESS_RANK: Record<string, number> = { FULL: 2, RESTRICTED: 1, NONE: 0 }
// the live state is a convenience beside the read model: a slow or absent worker must not hold the page
const QUERY_DEADLINE_MS = 3_000

export type SubscriptionRouterDeps = PaymentTokenDeps & { temporal: Client }

export function createSubscriptionRouter({ db, temporal, drivers, pii }: SubscriptionRouterDeps): Router {
  const router = Router()
  const paymentTokenFor = createPaymentTokens({ db, drivers, pii })
  router.use(createSubscriptionPlanRouter({ db }), createPriceChangeRouter({ db, temporal }), createSubscriptionStaffRouter({ db }))

  /** The subscription in the path, for its fan (or staff allowed `staff` on its brand); anyone else gets 404, never 403. */
  async function load(req: Request, staff: 'read' | 'refund' | null) {
    const personId = signedInId(req)
    const row = await db.subscription.findUnique({ where: idParam.parse(req.params) })
    const own = row?.fanId === personId
    if (!row || (!own && !(staff && decide(req.person!.roles, 'finance', staff, row.brand)))) throw new DomainError('notFound', 'No such subscription.')
    return { row, by: own ? 'fan' as const : 'staff' as const }
  }

  /** Sends an update to the subscription's workflow; its refusals become 409 / 422 with the workflow's code. */
  async function update<Ret>(row: { workflowId: string; status: string }, send: (h: WorkflowHandle) => Promise<Ret>): Promise<Ret> {
    if (ENDED_STATUSES.includes(row.status)) throw refused(SUBSCRIPTION_REFUSALS.notActive, `This subscription has ${row.status === 'FAILED' ? 'failed' : 'ended'}.`)
    return send(temporal.workflow.getHandle(row.workflowId)).catch((err: unknown) => { throw updateRefusal(err) })
  }

  /** Subscribes the signed-in fan to a plan (202 + Location); every refusal the rules know comes first, before anything is charged. */
  router.post('/subscriptions', async (req, res) => {
    const fanId = signedInId(req)
    const input = subscribeBody.parse(req.body)
    await checkSubscribe(db, { ...input, fanId })
    const paymentToken = await paymentTokenFor(input, fanId)
    const subscriptionId = randomUUID()
    const handle = await temporal.workflow.start(subscription, { workflowId: subscriptionWorkflowId(subscriptionId), taskQueue: subscriptionTaskQueue,
      args: [{ input: { subscriptionId, fanId, planId: input.planId, tierId: input.tierId, periodMonths: input.periodMonths, processor: input.processor,
        paymentToken, jurisdiction: input.jurisdiction.toUpperCase(), promoCode: input.promoCode ?? null } }] })
    await audit(db, req, { action: 'subscription.start', resourceType: 'subscription', resourceId: subscriptionId, workflowId: handle.workflowId,
      runId: handle.firstExecutionRunId, details: { planId: input.planId, tierId: input.tierId, periodMonths: input.periodMonths, processor: input.processor } })
    res.status(202).location(`/api/subscriptions/${subscriptionId}`).json({ id: subscriptionId, workflowId: handle.workflowId, runId: handle.firstExecutionRunId })
  })

  /** The signed-in fan's subscriptions, newest first. */
  router.get('/subscriptions/mine', async (req, res) => {
    const rows = await db.subscription.findMany({ where: { fanId: signedInId(req) }, orderBy: { createdAt: 'desc' }, take: 100 })
    res.json(await subscriptionViews(db, rows))
  })

  /** One subscription: the read model, its billing events (newest first), the entitlement and the workflow's live state (null if unavailable). */
  router.get('/subscriptions/:id', async (req, res) => {
    const { row } = await load(req, 'read')
    const [cycles, entitlement, state, [view]] = await Promise.all([
      db.subscriptionCycle.findMany({ where: { subscriptionId: row.id }, orderBy: { id: 'desc' } }),
      db.subscriptionEntitlement.findUnique({ where: { subscriptionId: row.id } }),
      temporal.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => temporal.workflow.getHandle(row.workflowId).query(subscriptionStateQuery)).catch(() => null),
      subscriptionViews(db, [row]),
    ])
    res.json({ ...view, cycles: cycles.map(cycleView), entitlement, state })
  })

  /** Cancels at the period end, or now with the pro-rata refund the policy gives; its fan, or finance staff. */
  router.post('/subscriptions/:id/cancel', async (req, res) => {
    const { row, by } = await load(req, 'refund')
    const body = cancelBody.parse(req.body)
    const result = await update(row, (h) => h.executeUpdate(cancelUpdate, { args: [{ ...body, by }] }))
    await audit(db, req, { action: 'subscription.cancel', resourceType: 'subscription', resourceId: row.id, reason: body.reason, workflowId: row.workflowId,
      details: { mode: body.mode, by } })
    res.json(result)
  })

  /** Pauses for some days (only subscriptions we bill ourselves; the processor-rebilled ones can only be cancelled). */
  router.post('/subscriptions/:id/pause', async (req, res) => {
    const { row } = await load(req, null)
    const { days } = pauseBody.parse(req.body)
    const result = await update(row, (h) => h.executeUpdate(pauseUpdate, { args: [{ days }] }))
    await audit(db, req, { action: 'subscription.pause', resourceType: 'subscription', resourceId: row.id, workflowId: row.workflowId, details: { days } })
    res.json(result)
  })

  /** Resumes a paused subscription now; the next billing date moves by the time paused. */
  router.post('/subscriptions/:id/resume', async (req, res) => {
    const { row } = await load(req, null)
    const result = await update(row, (h) => h.executeUpdate(resumeUpdate))
    await audit(db, req, { action: 'subscription.resume', resourceType: 'subscription', resourceId: row.id, workflowId: row.workflowId })
    res.json(result)
  })

  /** Moves to another tier: an upgrade now with a prorated charge, a downgrade at the period end. */
  router.post('/subscriptions/:id/change-tier', async (req, res) => {
    const { row } = await load(req, null)
    const { tierId } = tierBody.parse(req.body)
    const result = await update(row, (h) => h.executeUpdate(changeTierUpdate, { args: [{ tierId }] }))
    await audit(db, req, { action: 'subscription.change_tier', resourceType: 'subscription', resourceId: row.id, workflowId: row.workflowId,
      details: { from: row.tierId, to: tierId } })
    res.json(result)
  })

  /** What the signed-in fan may see of a creator on a brand: one read of the entitlements the workflows keep. */
  router.get('/access/creators/:creatorId', async (req, res) => {
    const fanId = signedInId(req)
    const { creatorId } = creatorParam.parse(req.params)
    const { brand } = accessQuery.parse(req.query)
    const rows = await db.subscriptionEntitlement.findMany({ where: { fanId, creatorId, brand } })
    const best = rows.sort((a, b) => (ACCESS_RANK[b.access] ?? 0) - (ACCESS_RANK[a.access] ?? 0))[0]
    const access = best?.access ?? 'NONE'
    res.json({ creatorId, brand, access, validUntil: access === 'NONE' ? null : best?.validUntil ?? null })
  })
  return router
}
