/** Finance's views of subscriptions: every subscription, and the dunning queue of those whose renewal is unpaid (brand-scoped). */
import { Router, type Request } from 'express'
import { z } from 'zod'
import type { Db } from '../../prisma/client.ts'
import { authorize, brandScope } from '../authz.ts'
import { listQuery, sendPage } from '../list-query.ts'
import { subscriptionViews } from './subscription-views.ts'

const STATUSES = ['PENDING', 'TRIALING', 'ACTIVE', 'PAST_DUE', 'GRACE', 'PAUSED', 'CANCELLED', 'ENDED', 'FAILED'] as const
const DUNNING = ['PAST_DUE', 'GRACE'] as const
const filters = {
  brand: z.string().optional(), creatorId: z.string().uuid('creatorId must be a UUID').optional(),
  fanId: z.string().uuid('fanId must be a UUID').optional(), planId: z.string().uuid('planId must be a UUID').optional(),
  processor: z.string().optional(),
}
const list = listQuery(['createdAt', 'updatedAt', 'nextBillingAt', 'price', 'status'], z.object({
  ...filters, status: z.union([z.enum(STATUSES), z.array(z.enum(STATUSES))]).optional() }))
const queue = listQuery(['currentPeriodEnd', 'updatedAt', 'createdAt'], z.object({ ...filters, status: z.enum(DUNNING).optional() }))

type Filter = { brand?: string; creatorId?: string; fanId?: string; planId?: string; processor?: string; status?: string | string[] }

/** The filter as a query, within the brands the operator may read. */
function where(req: Request, f: Filter) {
  const scope = brandScope(req, 'finance', 'read')
  const brands = scope === 'all' ? (f.brand ? [f.brand] : null) : scope.filter((b) => !f.brand || b === f.brand)
  return {
    ...(brands ? { brand: { in: brands } } : {}), ...(f.status ? { status: { in: ([] as string[]).concat(f.status) } } : {}),
    ...(f.creatorId ? { creatorId: f.creatorId } : {}), ...(f.fanId ? { fanId: f.fanId } : {}), ...(f.planId ? { planId: f.planId } : {}),
    ...(f.processor ? { processor: f.processor } : {}),
  }
}

export function createSubscriptionStaffRouter({ db }: { db: Db }): Router {
  const router = Router()
  const finance = authorize('finance', 'read')

  /** Every subscription, newest first; filter by status, brand, creator, fan, plan or processor. */
  router.get('/subscriptions', finance, async (req, res) => {
    const q = list.parse(req.query)
    const w = where(req, q.filter as Filter)
    const orderBy = req.query.sort ? q.orderBy : { createdAt: 'desc' as const }
    const [rows, total] = await Promise.all([db.subscription.findMany({ where: w, orderBy, skip: q.skip, take: q.take }), db.subscription.count({ where: w })])
    sendPage(res, 'subscriptions', q.skip, await subscriptionViews(db, rows), total)
  })

  /** Subscriptions whose renewal went unpaid (retrying, or in grace), longest overdue first, with their last failed charge. */
  router.get('/dunning-queue', finance, async (req, res) => {
    const q = queue.parse(req.query)
    const f = q.filter as Filter
    const w = { ...where(req, f), status: { in: f.status ? [f.status as string] : [...DUNNING] } }
    // the current period stays the unpaid one during dunning: its end is when the renewal fell due
    const orderBy = req.query.sort ? q.orderBy : { currentPeriodEnd: 'asc' as const }
    const [rows, total] = await Promise.all([db.subscription.findMany({ where: w, orderBy, skip: q.skip, take: q.take }), db.subscription.count({ where: w })])
    const failures = await db.subscriptionCycle.findMany({ where: { subscriptionId: { in: rows.map((r) => r.id) }, status: 'FAILED' }, orderBy: { id: 'desc' } })
    const views = await subscriptionViews(db, rows)
    sendPage(res, 'dunning-queue', q.skip, views.map((v) => {
      const mine = failures.filter((c) => c.subscriptionId === v.id)
      const last = mine[0]
      const failed = mine.filter((c) => c.cycle === last?.cycle)
      return { ...v, failedAttempts: failed.length, lastFailure: last ? { code: last.failureCode, amount: last.amount, kind: last.kind, attempt: last.attempt,
        at: last.createdAt } : null }
    }), total)
  })
  return router
}
