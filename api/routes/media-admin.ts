/** Platform decisions on published content (takedown, reinstatement) and the block list of known prohibited frames. */
import { Router, type Request, type RequestHandler } from 'express'
import { z } from 'zod'
import type { Client } from '@temporalio/client'
import type { Db } from '../../prisma/client.ts'
import { decisionProblem } from '../../domain/media/review.ts'
import { allowedBrands, decide } from '../../domain/authz.ts'
import { BLOCK_LIST_CATEGORIES } from '../../domain/moderation/categories.ts'
import { ingestMediaTaskQueue } from '../../workflows/ingest-media.contract.ts'
import { reinstateTakedownUpdate, reinstateWorkflowId, takedownWorkflowId } from '../../workflows/takedown-media.ts'
import { reinstateMedia, takedownMedia } from '../../workflows/index.ts'
import { audit } from '../audit.ts'
import { authorize } from '../authz.ts'
import { DomainError } from '../errors.ts'
import { listQuery, sendPage } from '../list-query.ts'

const uuid = (v: unknown) => z.uuid('id must be a UUID').parse(v)
const hashes = listQuery(['createdAt', 'category', 'id'], z.object({ category: z.string().optional(), phash: z.string().optional() }))

export function createMediaAdminRouter({ db, temporal, appealWindowDays }: { db: Db; temporal: Client; appealWindowDays: number }): Router {
  const router = Router()
  const brandOf = async (brandId: string) => (await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { slug: true } })).slug
  /** The item, if the person may take down content on its brand (a grant on one brand reaches that brand only). */
  const itemOnOwnBrand = async (req: Request, id: string) => {
    const item = await db.mediaItem.findUnique({ where: { id } })
    if (!item) throw new DomainError('notFound', 'No such video.')
    if (!decide(req.person!.roles, 'media', 'takedown', await brandOf(item.brandId))) throw new DomainError('forbidden', 'You may not take down content on this brand.')
    return item
  }
  /** The block list applies to every brand: only a grant on every brand may change it. */
  const globalOnly: RequestHandler = (req, _res, next) =>
    next(allowedBrands(req.person?.roles ?? [], 'moderation-block-hashes', 'manage') === 'all' ? undefined
      : new DomainError('forbidden', 'The block list applies to every brand: changing it needs a role on every brand.'))

  /** Takes a published item down at once (storefront and search), outputs kept as evidence, the creator's earnings from it frozen. */
  router.post('/media/:id/takedown', authorize('media', 'takedown'), async (req, res) => {
    const item = await itemOnOwnBrand(req, uuid(req.params.id))
    const body = z.object({ reasonCode: z.string().max(40), note: z.string().trim().max(2000).optional() }).parse(req.body)
    const problem = decisionProblem('takedown', body.reasonCode, body.note)
    if (problem) throw new DomainError(problem.code === 'NOTE_REQUIRED' ? 'noteRequired' : 'invalidReason', problem.message)
    if (item.status !== 'PUBLISHED') throw new DomainError('notPublished', 'Only a published video can be taken down.')
    const handle = await temporal.workflow.start(takedownMedia, { workflowId: takedownWorkflowId(item.id), taskQueue: ingestMediaTaskQueue,
      args: [{ mediaId: item.id, actorId: req.person!.id, ...body, appealWindowDays }] })
    await audit(db, req, { action: 'media.takedown', resourceType: 'media', resourceId: item.id, reason: body.reasonCode, workflowId: handle.workflowId,
      details: { brand: await brandOf(item.brandId) } })
    res.status(202).location(`/api/media-reviews/${item.id}`).json({ id: item.id, workflowId: handle.workflowId })
  })

  /** Puts a taken-down item back, with the reason on the trail. */
  router.post('/media/:id/reinstate', authorize('media', 'takedown'), async (req, res) => {
    const item = await itemOnOwnBrand(req, uuid(req.params.id))
    const { note } = z.object({ note: z.string().trim().min(1, 'say why it is reinstated').max(2000) }).parse(req.body)
    if (item.status !== 'TAKEN_DOWN') throw new DomainError('notTakenDown', 'Only a taken-down video can be reinstated.')
    // within the takedown's window its workflow lifts the earnings freeze itself; once final (or gone), a new run reinstates
    const takedown = temporal.workflow.getHandle(takedownWorkflowId(item.id))
    const inWindow = await takedown.executeUpdate(reinstateTakedownUpdate, { args: [{ actorId: req.person!.id, note }] }).then(() => true, () => false)
    const handle = inWindow ? takedown : await temporal.workflow.start(reinstateMedia, { workflowId: reinstateWorkflowId(item.id), taskQueue: ingestMediaTaskQueue,
      args: [{ mediaId: item.id, actorId: req.person!.id, note }] })
    await audit(db, req, { action: 'media.reinstate', resourceType: 'media', resourceId: item.id, reason: note, workflowId: handle.workflowId })
    res.status(202).json({ id: item.id, workflowId: handle.workflowId })
  })

  /** The block list: perceptual hashes of known prohibited frames (matches are blocked before any person sees them). */
  router.get('/moderation-block-hashes', authorize('moderation-block-hashes', 'read'), async (req, res) => {
    const q = hashes.parse(req.query)
    const where = q.filter as { category?: string; phash?: string }
    const [rows, total] = await Promise.all([db.moderationBlockHash.findMany({ where, orderBy: req.query.sort ? q.orderBy : { id: 'desc' }, skip: q.skip, take: q.take }),
      db.moderationBlockHash.count({ where })])
    sendPage(res, 'moderation-block-hashes', q.skip, rows.map((r) => ({ ...r, id: r.id.toString() })), total)
  })
  router.post('/moderation-block-hashes', authorize('moderation-block-hashes', 'manage'), globalOnly, async (req, res) => {
    const body = z.object({ phash: z.string().regex(/^[0-9a-fA-F]{16}$/, 'phash must be 16 hex digits').transform((s) => s.toLowerCase()),
      category: z.enum(BLOCK_LIST_CATEGORIES), source: z.string().trim().min(1).max(200) }).parse(req.body)
    const row = await db.moderationBlockHash.upsert({ where: { phash: body.phash }, update: {}, create: { ...body, addedBy: req.person!.id } })
    await audit(db, req, { action: 'moderation.block_hash_added', resourceType: 'moderation-block-hash', resourceId: row.id.toString(), details: body })
    res.status(201).json({ ...row, id: row.id.toString() })
  })
  router.delete('/moderation-block-hashes/:id', authorize('moderation-block-hashes', 'manage'), globalOnly, async (req, res) => {
    const id = z.coerce.bigint().parse(req.params.id)
    const row = await db.moderationBlockHash.delete({ where: { id } }).catch(() => null)
    if (!row) throw new DomainError('notFound', 'No such hash.')
    await audit(db, req, { action: 'moderation.block_hash_removed', resourceType: 'moderation-block-hash', resourceId: id.toString(), details: { phash: row.phash } })
    res.json({ ...row, id: row.id.toString() })
  })
  return router
}
