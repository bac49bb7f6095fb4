/** The moderators' review queue (react-admin list conventions), their decisions, notes and assignment, and admin takedowns. */
import { Router, type Request } from 'express'
import { z } from 'zod'
import type { Client } from '@temporalio/client'
import type { Db } from '../../prisma/client.ts'
import type { Prisma } from '../../generated/prisma/client.ts'
import type { StorageClient } from '../../activities/storage/client.ts'
import { LIVE_STATUSES, MEDIA_STATUSES, REASONS_FOR, REASON_CODES, NOTE_REQUIRED, REVIEW_DECISIONS, decisionProblem, type ReasonCode } from '../../domain/media/review.ts'
import { appealDecisionUpdate, reviewDecisionUpdate } from '../../workflows/ingest-media.contract.ts'
import { audit } from '../audit.ts'
import { authorize, brandScope } from '../authz.ts'
import { DomainError } from '../errors.ts'
import { listQuery, sendPage } from '../list-query.ts'
import { liveProgress, mediaContext, mediaDetail, mediaView } from './media-views.ts'
import { reviewRefusal } from './media-refusals.ts'

const list = listQuery(['reviewDueAt', 'createdAt', 'updatedAt', 'publishedAt', 'title'], z.object({
  status: z.enum(MEDIA_STATUSES).optional(), brand: z.string().optional(), escalated: z.boolean().optional(), appealed: z.boolean().optional(),
  assigneeId: z.string().optional(), creatorId: z.uuid().optional(), q: z.string().max(200).optional(), id: z.array(z.uuid()).max(500).optional(),
}))
const decisionBody = z.object({ decision: z.enum(REVIEW_DECISIONS), reasonCode: z.string().max(40), note: z.string().trim().max(2000).optional() })
const uuid = (v: unknown) => z.uuid('id must be a UUID').parse(v)

export type PreviewSigner = (mediaId: string, personId: string) => string

export function createMediaReviewRouter({ db, temporal, storage, previewUrl }: { db: Db; temporal: Client; storage: StorageClient; previewUrl: PreviewSigner }): Router {
  const router = Router()
  const reader = authorize('media-reviews', 'read')
  const brandIds = async (req: Request, brand?: string) => {
    const scope = brandScope(req, 'media-reviews', 'read')
    const slugs = scope === 'all' ? (brand ? [brand] : null) : scope.filter((b) => !brand || b === brand)
    return slugs === null ? undefined : (await db.brand.findMany({ where: { slug: { in: slugs } }, select: { id: true } })).map((b) => b.id)
  }
  /** An item the moderator may act on (brand scope) for the given action. */
  const itemFor = async (req: Request, id: string, action: 'read' | 'decide') => {
    const item = await db.mediaItem.findUnique({ where: { id } })
    const brand = item && (await db.brand.findUniqueOrThrow({ where: { id: item.brandId }, select: { slug: true } })).slug
    const scope = brandScope(req, 'media-reviews', action)
    if (!item || !brand || (scope !== 'all' && !scope.includes(brand))) throw new DomainError('notFound', 'No such item.')
    return item
  }

  /** The queue: in review by default, oldest deadline first; filters for escalated, appealed, assigned to me, brand and words in the title. */
  router.get('/media-reviews', reader, async (req, res) => {
    const q = list.parse(req.query)
    const f = q.filter as z.infer<typeof list>['filter'] & { status?: string; brand?: string; escalated?: boolean; appealed?: boolean; assigneeId?: string; creatorId?: string; q?: string; id?: string[] }
    const where: Prisma.MediaItemWhereInput = {
      ...(f.id ? { id: { in: f.id } } : { status: (f.status ?? 'IN_REVIEW') as Prisma.MediaItemWhereInput['status'] }),
      brandId: { in: await brandIds(req, f.brand) },
      ...(f.escalated !== undefined ? { escalatedAt: f.escalated ? { not: null } : null } : {}),
      // an appeal waits while its deadline stands; deciding it (either way) clears the deadline
      ...(f.appealed === true ? { appealedAt: { not: null }, appealDeadline: { not: null } } : f.appealed === false ? { appealedAt: null } : {}),
      ...(f.assigneeId ? { assigneeId: f.assigneeId === 'me' ? req.person!.id : uuid(f.assigneeId) } : {}),
      ...(f.creatorId ? { creatorId: f.creatorId } : {}),
      ...(f.q ? { title: { contains: f.q, mode: 'insensitive' as const } } : {}),
    }
    if ((where.brandId as { in?: string[] }).in === undefined) delete where.brandId
    const orderBy = req.query.sort ? q.orderBy : { reviewDueAt: 'asc' as const }
    const [rows, total] = await Promise.all([db.mediaItem.findMany({ where, orderBy, skip: q.skip, take: q.take }), db.mediaItem.count({ where })])
    const ctx = await mediaContext(db, rows)
    sendPage(res, 'media-reviews', q.skip, await Promise.all(rows.map((r) => mediaView(r, ctx, storage, { staff: true }))), total)
  })

  /** One item for review: the view, its trail and performers, live progress, and a signed HLS preview (quarantined items too). */
  router.get('/media-reviews/:id', reader, async (req, res) => {
    const item = await itemFor(req, uuid(req.params.id), 'read')
    const ctx = await mediaContext(db, [item])
    const playable = (item.renditions as unknown[]).length > 0 && !item.purgedAt && item.status !== 'DELETED'
    res.json({ ...(await mediaView(item, ctx, storage, { staff: true })), ...(await mediaDetail(db, item.id)),
      progress: LIVE_STATUSES.has(item.status) ? await liveProgress(temporal, item.workflowId) : null,
      previewPlaylistUrl: playable ? previewUrl(item.id, req.person!.id) : null })
  })

  /** The reason codes each decision may carry, for the decision dialogs. */
  router.get('/media-reasons', reader, (_req, res) => {
    const of = (codes: readonly ReasonCode[]) => codes.map((code) => ({ code, label: REASON_CODES[code] }))
    res.json({ approve: of(REASONS_FOR.approve), reject: of(REASONS_FOR.reject), escalate: of(REASONS_FOR.escalate), takedown: of(REASONS_FOR.takedown),
      noteRequired: [...NOTE_REQUIRED] })
  })

  /** Approve, reject or escalate one item; the workflow refuses (409) when the item is not waiting for a decision. */
  const decideOne = async (req: Request, id: string, body: z.infer<typeof decisionBody>) => {
    const problem = decisionProblem(body.decision, body.reasonCode, body.note)
    if (problem) throw new DomainError(problem.code === 'NOTE_REQUIRED' ? 'noteRequired' : 'invalidReason', problem.message)
    const item = await itemFor(req, id, 'decide')
    await temporal.workflow.getHandle(item.workflowId).executeUpdate(reviewDecisionUpdate, { args: [{ decision: body.decision,
      reasonCode: body.reasonCode as ReasonCode, note: body.note, actorId: req.person!.id }] }).catch((err: unknown) => { throw reviewRefusal(err) })
    await audit(db, req, { action: `media.${body.decision}`, resourceType: 'media', resourceId: id, reason: body.reasonCode, workflowId: item.workflowId })
    return item
  }
  router.post('/media-reviews/:id/decision', authorize('media-reviews', 'decide'), async (req, res) => {
    const item = await decideOne(req, uuid(req.params.id), decisionBody.parse(req.body))
    res.status(202).location(`/api/media-reviews/${item.id}`).json({ id: item.id, accepted: true })
  })

  /** The same decision for many items; each item succeeds or fails on its own, and the answer says which. */
  router.post('/media-reviews/bulk-decision', authorize('media-reviews', 'decide'), async (req, res) => {
    const body = decisionBody.extend({ ids: z.array(z.uuid()).min(1).max(100) }).parse(req.body)
    const results = []
    for (const id of body.ids) {
      try {
        await decideOne(req, id, body)
        results.push({ id, ok: true })
      } catch (err) {
        if (!(err instanceof DomainError)) throw err
        results.push({ id, ok: false, code: err.kind, message: err.message })
      }
    }
    res.json({ results })
  })

  /** The appeal decision: a different moderator upholds (publish) or denies (stays rejected). */
  router.post('/media-reviews/:id/appeal-decision', authorize('media-reviews', 'decide'), async (req, res) => {
    const body = z.object({ uphold: z.boolean(), note: z.string().trim().max(2000).optional() }).parse(req.body)
    if (!body.uphold && !body.note) throw new DomainError('noteRequired', 'Explain to the creator why the appeal is denied.')
    const item = await itemFor(req, uuid(req.params.id), 'decide')
    await temporal.workflow.getHandle(item.workflowId).executeUpdate(appealDecisionUpdate, { args: [{ ...body, actorId: req.person!.id }] })
      .catch((err: unknown) => { throw reviewRefusal(err) })
    await audit(db, req, { action: body.uphold ? 'media.appeal_upheld' : 'media.appeal_denied', resourceType: 'media', resourceId: item.id, workflowId: item.workflowId })
    res.status(202).json({ id: item.id, accepted: true })
  })

  /** Takes an item (assignee: a person id, 'me', or null to release it). */
  router.post('/media-reviews/:id/assign', authorize('media-reviews', 'decide'), async (req, res) => {
    const { assigneeId } = z.object({ assigneeId: z.union([z.literal('me'), z.uuid(), z.null()]) }).parse(req.body)
    const item = await itemFor(req, uuid(req.params.id), 'decide')
    const who = assigneeId === 'me' ? req.person!.id : assigneeId
    const updated = await db.mediaItem.update({ where: { id: item.id }, data: { assigneeId: who } })
    await db.mediaReviewEvent.create({ data: { mediaId: item.id, actorId: req.person!.id, action: who ? 'assign' : 'unassign', note: who ? `assigned to ${who}` : null } })
    res.json(await mediaView(updated, await mediaContext(db, [updated]), storage, { staff: true }))
  })

  /** A moderator's note on the trail (kept with the evidence). */
  router.post('/media-reviews/:id/notes', authorize('media-reviews', 'read'), async (req, res) => {
    const { note } = z.object({ note: z.string().trim().min(1).max(2000) }).parse(req.body)
    const item = await itemFor(req, uuid(req.params.id), 'read')
    const e = await db.mediaReviewEvent.create({ data: { mediaId: item.id, actorId: req.person!.id, action: 'note', note } })
    res.status(201).json({ ...e, id: e.id.toString() })
  })

  return router
}
