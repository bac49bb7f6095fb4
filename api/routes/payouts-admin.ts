/** Finance's payout back office: runs and their items, approvals, schedules, reconciliation cases, holds, CSV exports. */
import { Router } from 'express'
import { z } from 'zod'
import type { Client } from '@temporalio/client'
import type { Db } from '../../prisma/client.ts'
import { toCsv } from '../../domain/ledger/reports.ts'
import { payoutDecisionUpdate, payoutRunWorkflowId, payoutScheduleId, payoutsTaskQueue, resolvePayoutUpdate } from '../../workflows/payouts.contract.ts'
import { runPayouts } from '../../workflows/index.ts'
import { audit } from '../audit.ts'
import { decide } from '../../domain/authz.ts'
import { authorize, brandScope } from '../authz.ts'
import { DomainError } from '../errors.ts'
import { listQuery, sendPage } from '../list-query.ts'
import { describePayoutSchedule, ensurePayoutSchedule } from '../payout-schedules.ts'
import { financeBrandWhere } from './chargebacks.ts'
import { payoutRefusal } from './payout-refusals.ts'

const uuid = (v: unknown) => z.uuid('id must be a UUID').parse(v)
const runs = listQuery(['startedAt', 'brand', 'status', 'id'], z.object({ brand: z.string().optional(), status: z.string().optional() }))
const items = listQuery(['updatedAt', 'createdAt', 'amount', 'available', 'status', 'id'], z.object({ runId: z.uuid().optional(), status: z.string().optional(),
  creatorId: z.uuid().optional(), brand: z.string().optional(), rail: z.string().optional() }))
const cases = listQuery(['createdAt', 'kind', 'status', 'id'], z.object({ runId: z.uuid().optional(), status: z.enum(['OPEN', 'RESOLVED']).optional(),
  rail: z.string().optional(), kind: z.string().optional() }))

export function createPayoutAdminRouter({ db, temporal }: { db: Db; temporal: Client }): Router {
  const router = Router()
  type Req = Parameters<typeof financeBrandWhere>[0]
  const allowed = (req: Req, action: 'read' | 'approve' | 'manage', brand: string) => decide(req.person?.roles ?? [], 'payouts', action, brand)
  const read = authorize('payouts', 'read')
  const inScope = (req: Req, brand: string) => {
    if (!allowed(req, 'read', brand)) throw new DomainError('notFound', 'Nothing here on a brand you can see.')
  }
  /** Items counted and summed by status, and open reconciliation cases, for several runs in two queries. */
  const summaries = async (runIds: string[]) => {
    const [items, cases] = await Promise.all([
      db.payoutItem.groupBy({ by: ['runId', 'status'], where: { runId: { in: runIds } }, _count: { _all: true }, _sum: { amount: true } }),
      db.reconciliationCase.groupBy({ by: ['runId'], where: { runId: { in: runIds }, status: 'OPEN' }, _count: { _all: true } }),
    ])
    return new Map(runIds.map((id) => [id, {
      totals: Object.fromEntries(items.filter((r) => r.runId === id).map((r) => [r.status, { count: r._count._all, amount: r._sum.amount ?? 0 }])),
      openCases: cases.find((c) => c.runId === id)?._count._all ?? 0,
    }]))
  }
  /** Display names of people, by id, in one query. */
  const displayNames = async (ids: string[]) =>
    new Map((await db.person.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })).map((p) => [p.id, p.displayName]))

  /** Payout runs, newest first, with their items counted by status. */
  router.get('/payout-runs', read, async (req, res) => {
    const q = runs.parse(req.query)
    const f = q.filter as { brand?: string; status?: string }
    const where = { ...f, ...financeBrandWhere(req, f.brand) }
    const [rows, total] = await Promise.all([db.payoutRun.findMany({ where, orderBy: req.query.sort ? q.orderBy : { startedAt: 'desc' }, skip: q.skip, take: q.take }),
      db.payoutRun.count({ where })])
    const summary = await summaries(rows.map((r) => r.id))
    sendPage(res, 'payout-runs', q.skip, rows.map((r) => ({ ...r, ...summary.get(r.id) })), total)
  })

  /** One run with its totals and open reconciliation cases. */
  router.get('/payout-runs/:id', read, async (req, res) => {
    const run = await db.payoutRun.findUnique({ where: { id: uuid(req.params.id) } })
    if (!run) throw new DomainError('notFound', 'No such payout run.')
    inScope(req, run.brand)
    res.json({ ...run, ...(await summaries([run.id])).get(run.id) })
  })

  /** Every item of a run as CSV, for accounting: creator, amounts, status, rail and the rail's reference. */
  router.get('/payout-runs/:id/items.csv', read, async (req, res) => {
    const run = await db.payoutRun.findUnique({ where: { id: uuid(req.params.id) } })
    if (!run) throw new DomainError('notFound', 'No such payout run.')
    inScope(req, run.brand)
    const rows = await db.payoutItem.findMany({ where: { runId: run.id }, orderBy: { creatorId: 'asc' } })
    const people = await displayNames(rows.map((r) => r.creatorId))
    await audit(db, req, { action: 'payout_run.export', resourceType: 'payout_run', resourceId: run.id, workflowId: run.workflowId })
    res.type('text/csv').attachment(`payout-run-${run.brand}-${run.asOf.toISOString().slice(0, 10)}.csv`).send(toCsv(rows.map((r) => ({
      item: r.id, creator_id: r.creatorId, creator: people.get(r.creatorId) ?? '', currency: r.currency, available: r.available, amount: r.amount ?? 0,
      reserve: r.reserve ?? 0, netted: r.netted ?? 0, status: r.status, rail: r.rail, provider_ref: r.providerRef, failure: r.failureCode,
      sent_at: r.sentAt?.toISOString() ?? null, settled_at: r.settledAt?.toISOString() ?? null, workflow_id: r.workflowId }))))
  })

  /** Payout items (one creator in one run): filter by run, status (AWAITING_APPROVAL is the approvals queue), creator, rail. */
  router.get('/payout-items', read, async (req, res) => {
    const q = items.parse(req.query)
    const f = q.filter as { brand?: string }
    const where = { ...q.filter, ...financeBrandWhere(req, f.brand) }
    const [rows, total] = await Promise.all([db.payoutItem.findMany({ where, orderBy: req.query.sort ? q.orderBy : { updatedAt: 'desc' }, skip: q.skip, take: q.take }),
      db.payoutItem.count({ where })])
    const people = await displayNames(rows.map((r) => r.creatorId))
    sendPage(res, 'payout-items', q.skip, rows.map((r) => ({ ...r, creatorName: people.get(r.creatorId) ?? null })), total)
  })

  /** One item with its gates, rail attempts and the creator's recent settled payouts (what an approver weighs). */
  router.get('/payout-items/:id', read, async (req, res) => {
    const item = await db.payoutItem.findUnique({ where: { id: uuid(req.params.id) } })
    if (!item) throw new DomainError('notFound', 'No such payout.')
    inScope(req, item.brand)
    const [creator, history] = await Promise.all([db.person.findUnique({ where: { id: item.creatorId }, select: { displayName: true } }),
      db.payoutItem.findMany({ where: { creatorId: item.creatorId, brand: item.brand, currency: item.currency, status: 'PAID', id: { not: item.id } }, orderBy: { settledAt: 'desc' }, take: 10,
        select: { id: true, amount: true, currency: true, settledAt: true, rail: true } })])
    res.json({ ...item, creatorName: creator?.displayName ?? null, history })
  })

  /** Approves or rejects a payout waiting for a finance decision (409 when it is not waiting; nobody decides their own). */
  router.post('/payout-items/:id/decision', authorize('payouts', 'approve'), async (req, res) => {
    const item = await db.payoutItem.findUnique({ where: { id: uuid(req.params.id) } })
    if (!item) throw new DomainError('notFound', 'No such payout.')
    if (!allowed(req, 'approve', item.brand)) {
      throw new DomainError('forbidden', 'You may not approve payouts on this brand.')
    }
    const body = z.object({ decision: z.enum(['approve', 'reject']), note: z.string().trim().max(1000).optional() })
      .refine((b) => b.decision === 'approve' || (b.note?.length ?? 0) > 0, { message: 'say why the payout is rejected', path: ['note'] }).parse(req.body)
    if (item.creatorId === req.person!.id) throw new DomainError('forbidden', 'Nobody approves their own payout.')
    await temporal.workflow.getHandle(item.workflowId).executeUpdate(payoutDecisionUpdate, { args: [{ ...body, by: req.person!.id }] })
      .catch((err: unknown) => { throw payoutRefusal(err) })
    await audit(db, req, { action: `payout.${body.decision}`, resourceType: 'payout_item', resourceId: item.id, reason: body.note, workflowId: item.workflowId,
      details: { amount: item.amount ?? item.available, currency: item.currency, creatorId: item.creatorId } })
    res.status(202).location(`/api/payout-items/${item.id}`).json({ id: item.id, workflowId: item.workflowId, decision: body.decision })
  })

  /** The run ids of the brands the request may read (null: every brand). */
  const runsInScope = async (req: Parameters<typeof financeBrandWhere>[0]) => {
    const scope = brandScope(req, 'payouts', 'read')
    return scope === 'all' ? null : (await db.payoutRun.findMany({ where: { brand: { in: scope } }, select: { id: true } })).map((r) => r.id)
  }

  /**
   * Settles an UNCONFIRMED payout after finance checked with the rail: `settled` (it was paid) or `failed` (it was not:
   * the money goes back to the creator's available balance). 409 unless the payout waits for this; a note is required.
   */
  router.post('/payout-items/:id/resolve', authorize('payouts', 'manage'), async (req, res) => {
    const item = await db.payoutItem.findUnique({ where: { id: uuid(req.params.id) } })
    if (!item) throw new DomainError('notFound', 'No such payout.')
    if (!allowed(req, 'manage', item.brand)) throw new DomainError('forbidden', 'You may not settle payouts on this brand.')
    const body = z.object({ outcome: z.enum(['settled', 'failed']), note: z.string().trim().min(3, 'say what the rail confirmed').max(1000) }).parse(req.body)
    await temporal.workflow.getHandle(item.workflowId).executeUpdate(resolvePayoutUpdate, { args: [{ ...body, by: req.person!.id }] })
      .catch((err: unknown) => { throw payoutRefusal(err) })
    await audit(db, req, { action: `payout.resolve_${body.outcome}`, resourceType: 'payout_item', resourceId: item.id, reason: body.note, workflowId: item.workflowId })
    res.status(202).location(`/api/payout-items/${item.id}`).json({ id: item.id, workflowId: item.workflowId, outcome: body.outcome })
  })

  /** Reconciliation cases: differences between the ledger and a rail's report, open ones first (runs of the brands one may read). */
  router.get('/reconciliation-cases', read, async (req, res) => {
    const q = cases.parse(req.query)
    const runIds = await runsInScope(req)
    const where = { ...q.filter, ...(runIds ? { runId: { in: q.filter.runId ? runIds.filter((r) => r === q.filter.runId) : runIds } } : {}) }
    const [rows, total] = await Promise.all([db.reconciliationCase.findMany({ where, orderBy: req.query.sort ? q.orderBy : [{ status: 'asc' }, { createdAt: 'desc' }],
      skip: q.skip, take: q.take }), db.reconciliationCase.count({ where })])
    sendPage(res, 'reconciliation-cases', q.skip, rows, total)
  })

  /** Closes a reconciliation case with what finance found and did. */
  router.post('/reconciliation-cases/:id/resolve', authorize('payouts', 'manage'), async (req, res) => {
    const { resolution } = z.object({ resolution: z.string().trim().min(3, 'say how it was resolved').max(2000) }).parse(req.body)
    const found = await db.reconciliationCase.findUnique({ where: { id: uuid(req.params.id) } })
    if (!found) throw new DomainError('notFound', 'No such case.')
    const run = await db.payoutRun.findUniqueOrThrow({ where: { id: found.runId } })
    if (!allowed(req, 'manage', run.brand)) throw new DomainError('forbidden', 'You may not resolve cases on this brand.')
    if (found.status !== 'OPEN') throw new DomainError('caseClosed', 'This case is already resolved.')
    const c = await db.reconciliationCase.update({ where: { id: found.id }, data: { status: 'RESOLVED', resolution, resolvedBy: req.person!.id, resolvedAt: new Date() } })
    await audit(db, req, { action: 'reconciliation_case.resolve', resourceType: 'reconciliation_case', resourceId: c.id, reason: resolution })
    res.json(c)
  })

  /** Each brand's payout schedule: policy, paused or not, next and last run. */
  router.get('/payout-schedules', read, async (req, res) => {
    const scope = brandScope(req, 'payouts', 'read')
    const brands = (await db.brand.findMany({ orderBy: { slug: 'asc' }, select: { slug: true, name: true } })).filter((b) => scope === 'all' || scope.includes(b.slug))
    const settings = await db.payoutSetting.findMany({ where: { brand: { in: brands.map((b) => b.slug) } } })
    const rows = await Promise.all(brands.map(async (b) => ({ id: b.slug, brand: b.slug, name: b.name,
      settings: settings.find((x) => x.brand === b.slug) ?? null, schedule: await describePayoutSchedule(temporal, b.slug) })))
    sendPage(res, 'payout-schedules', 0, rows, rows.length)
  })

  /** Pauses, resumes or runs now a brand's payouts (a run now is a manual run: 202 + Location of its record). */
  router.post('/payout-schedules/:brand/:action', authorize('payouts', 'manage', (req) => String(req.params.brand)), async (req, res) => {
    const brand = String(req.params.brand)
    const action = z.enum(['pause', 'unpause', 'trigger']).parse(req.params.action)
    const { note } = z.object({ note: z.string().trim().max(500).optional() }).parse(req.body ?? {})
    if (!(await db.brand.findUnique({ where: { slug: brand } }))) throw new DomainError('notFound', `No brand ${brand}.`)
    if (action === 'trigger') {
      const started = await temporal.workflow.start(runPayouts, { workflowId: payoutRunWorkflowId(brand, new Date().toISOString()), taskQueue: payoutsTaskQueue,
        args: [{ brand, trigger: 'manual' }] })
      await audit(db, req, { action: 'payout_schedule.trigger', resourceType: 'payout_schedule', resourceId: brand, reason: note, workflowId: started.workflowId })
      return res.status(202).location(`/api/workflows/${encodeURIComponent(started.workflowId)}`).json({ workflowId: started.workflowId })
    }
    // the schedule is made on first use, should the API's start-up not have reached Temporal
    await ensurePayoutSchedule(temporal, db, brand)
    const handle = temporal.schedule.getHandle(payoutScheduleId(brand))
    const by = `${action === 'pause' ? 'paused' : 'resumed'} by ${req.person!.email}${note ? `: ${note}` : ''}`
    await (action === 'pause' ? handle.pause(by) : handle.unpause(by))
    await audit(db, req, { action: `payout_schedule.${action}`, resourceType: 'payout_schedule', resourceId: brand, reason: note })
    res.json({ brand, schedule: await describePayoutSchedule(temporal, brand) })
  })
  return router
}
