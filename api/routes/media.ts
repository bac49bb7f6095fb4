/** Media items for their creator (studio), the public page, deletion, appeals and co-performer invitations. */
import { Router, type Request } from 'express'
import { z } from 'zod'
import { WorkflowNotFoundError, type Client } from '@temporalio/client'
import type { Db } from '../../prisma/client.ts'
import type { StorageClient } from '../../activities/storage/client.ts'
import type { PiiCipher } from '../../activities/identity/deps.ts'
import { decide } from '../../domain/authz.ts'
import { DELETABLE, LIVE_STATUSES, type MediaStatus } from '../../domain/media/review.ts'
import { isBrandSlug } from '../../domain/brands.ts'
import { appealUpdate, ingestMediaTaskQueue, performerVerifiedSignal, verifyCoPerformerWorkflowId } from '../../workflows/ingest-media.contract.ts'
import { removalWorkflowId } from '../../workflows/takedown-media.ts'
import { removeMedia } from '../../workflows/index.ts'
import { signedInId } from '../auth.ts'
import { DomainError } from '../errors.ts'
import { liveProgress, mediaContext, mediaDetail, mediaView } from './media-views.ts'
import { reviewRefusal } from './media-refusals.ts'

const uuid = (v: unknown) => z.uuid('id must be a UUID').parse(v)
/** Trail events a creator sees on their own item (without notes or who acted). */
const CREATOR_EVENTS: ReadonlySet<string> = new Set(['approve', 'reject', 'appeal', 'appeal_upheld', 'appeal_denied', 'published', 'takedown',
  'reinstated', 'takedown_final', 'failed', 'purged', 'deleted'])

/** What the creator is told about their own item beyond the public view. */
const ownerFields = (item: Awaited<ReturnType<Db['mediaItem']['findUniqueOrThrow']>>) => ({
  fileName: item.fileName, contentType: item.contentType, sizeBytes: Number(item.sizeBytes), failureCode: item.failureCode, failureReason: item.failureReason,
  decision: item.decision, decisionReason: item.decisionReason, decidedAt: item.decidedAt, appealDeadline: item.appealDeadline, appealedAt: item.appealedAt,
  appealed: item.appealedAt !== null, takenDownAt: item.takenDownAt, purgedAt: item.purgedAt, updatedAt: item.updatedAt,
})

/** Staff who may see an item's findings and trail: the review roles on its brand. */
export const isMediaStaff = (req: Request, brand: string) => !!req.person && decide(req.person.roles, 'media-reviews', 'read', brand)

export function createMediaRouter({ db, temporal, storage, pii }: { db: Db; temporal: Client; storage: StorageClient; pii: PiiCipher }): Router {
  const router = Router()
  const load = async (id: string) => {
    const item = await db.mediaItem.findUnique({ where: { id } })
    if (!item) throw new DomainError('notFound', 'No such video.')
    return item
  }

  /** The signed-in creator's items on a brand, newest first, with live progress for those still in the pipeline. */
  router.get('/studio/media', async (req, res) => {
    const creatorId = signedInId(req)
    const brand = z.string().refine(isBrandSlug, 'brand must be one of the nine brand slugs').parse(req.query.brand)
    const rows = await db.mediaItem.findMany({ where: { creatorId, brandId: (await db.brand.findUniqueOrThrow({ where: { slug: brand } })).id,
      status: { not: 'DELETED' } }, orderBy: { createdAt: 'desc' }, take: 200 })
    const ctx = await mediaContext(db, rows)
    res.json({ items: await Promise.all(rows.map(async (r) => ({ ...(await mediaView(r, ctx, storage, { staff: false })), ...ownerFields(r) }))) })
  })

  /** One item: its creator and staff see everything (progress, findings, trail); anyone else only a published item. */
  router.get('/media/:id', async (req, res) => {
    const item = await load(uuid(req.params.id))
    const ctx = await mediaContext(db, [item])
    const owner = req.person?.id === item.creatorId
    if (!owner && !isMediaStaff(req, ctx.brand(item.brandId))) {
      if (item.status !== 'PUBLISHED') throw new DomainError('notFound', 'No such video.')
      return void res.json(await mediaView(item, ctx, storage, { staff: false }))
    }
    const progress = LIVE_STATUSES.has(item.status) ? await liveProgress(temporal, item.workflowId) : null
    const staff = isMediaStaff(req, ctx.brand(item.brandId))
    const detail = await mediaDetail(db, item.id)
    if (staff) return void res.json({ ...(await mediaView(item, ctx, storage, { staff: true })), progress, ...detail })
    // the creator sees their item's state and the reasons given to them, never the machines' scores, hashes or who decided
    res.json({ ...(await mediaView(item, ctx, storage, { staff: false })), ...ownerFields(item), progress, performers: detail.performers,
      events: detail.events.filter((e) => CREATOR_EVENTS.has(e.action)).map(({ id, action, reasonCode, createdAt }) => ({ id, action, reasonCode, createdAt })) })
  })

  /** The creator deletes an item: a running ingest is cancelled (its partial outputs removed); a finished one is taken off and removed. */
  router.delete('/media/:id', async (req, res) => {
    const item = await load(uuid(req.params.id))
    if (item.creatorId !== signedInId(req)) throw new DomainError('notFound', 'No such video.')
    if (item.status === 'DELETED') return void res.status(202).json({ id: item.id, status: 'DELETED' })
    if (!DELETABLE.has(item.status as MediaStatus)) throw new DomainError('notDeletable', `A ${item.status.toLowerCase().replace('_', ' ')} video cannot be deleted while its holds last.`)
    const running = await temporal.workflow.getHandle(item.workflowId).describe().then((d) => d.status.name === 'RUNNING', (err: unknown) => {
      if (err instanceof WorkflowNotFoundError) return false
      throw err
    })
    if (running) await temporal.workflow.getHandle(item.workflowId).cancel()
    else if (item.status === 'FAILED') await db.mediaItem.update({ where: { id: item.id }, data: { status: 'DELETED', updatedAt: new Date() } })
    else await temporal.workflow.start(removeMedia, { workflowId: removalWorkflowId(item.id), taskQueue: ingestMediaTaskQueue,
      args: [{ mediaId: item.id, actorId: item.creatorId, sourceKey: item.sourceKey }] })
    res.status(202).location(`/api/media/${item.id}`).json({ id: item.id, status: running || item.status !== 'FAILED' ? 'DELETING' : 'DELETED' })
  })

  /** The creator appeals a rejection (once, inside the window); a second moderator decides. */
  router.post('/media/:id/appeal', async (req, res) => {
    const item = await load(uuid(req.params.id))
    if (item.creatorId !== signedInId(req)) throw new DomainError('notFound', 'No such video.')
    const { reason } = z.object({ reason: z.string().trim().min(10, 'explain the appeal in at least 10 characters').max(2000) }).parse(req.body)
    await temporal.workflow.getHandle(item.workflowId).executeUpdate(appealUpdate, { args: [{ reason, actorId: item.creatorId }] })
      .catch((err: unknown) => { throw reviewRefusal(err) })
    res.status(202).location(`/api/media/${item.id}`).json({ id: item.id, appealed: true })
  })

  /** A co-performer accepts an invitation: the signed-in account must own the invited address; the 2257 gate re-checks. */
  router.post('/media/performer-invites/:performerId/accept', async (req, res) => {
    const personId = signedInId(req)
    const performer = await db.mediaPerformer.findUnique({ where: { id: uuid(req.params.performerId) }, include: { media: true } })
    const person = await db.person.findUniqueOrThrow({ where: { id: personId } })
    if (!performer || performer.role !== 'co-performer' || performer.media.status === 'DELETED') throw new DomainError('notFound', 'No such invitation.')
    if (performer.emailIndex !== pii.blindIndex('media_performers.email_index', person.email)) {
      throw new DomainError('inviteNotYours', 'This invitation was sent to another address; sign in with the account for that address.')
    }
    if (performer.personId && performer.personId !== personId) throw new DomainError('inviteNotYours', 'This invitation was already accepted by another account.')
    // the 2257 gate needs a record per person depicted: the uploader, or someone already listed, cannot stand in for another performer
    const listed = await db.mediaPerformer.findFirst({ where: { mediaId: performer.mediaId, personId, id: { not: performer.id } } })
    if (personId === performer.media.creatorId || listed) {
      throw new DomainError('inviteNotYours', 'You are already listed on this video; each performer verifies with their own account.')
    }
    await db.mediaPerformer.update({ where: { id: performer.id }, data: { personId } })
    for (const id of [performer.media.workflowId, verifyCoPerformerWorkflowId(performer.id)]) {
      await temporal.workflow.getHandle(id).signal(performerVerifiedSignal, { performerId: performer.id }).catch(() => undefined)
    }
    const verified = await db.performerRecord.count({ where: { personId, supersededAt: null } })
    res.json({ performerId: performer.id, mediaId: performer.mediaId, needsVerification: verified === 0 })
  })

  return router
}
