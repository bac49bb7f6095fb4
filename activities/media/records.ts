/** The media read model: each ingest step records its outcome on media_items and the review trail, written only here. */
import type { Db } from '../../prisma/client.ts'
import type { Prisma } from '../../generated/prisma/client.ts'
import type { ReasonCode, ReviewDecision } from '../../domain/media/review.ts'
import { forgetInvites, type DestroyKey } from './invites.ts'

/** What the workflow needs to know about an upload to process it. */
export type IngestFacts = {
  brand: string
  creatorId: string
  sourceKey: string
  sizeBytes: number
  sha256: string
  title: string
  caption: string
  tags: string[]
  status: string
}

const json = (v: unknown) => v as Prisma.InputJsonValue

/** `destroyKey`: an item that ends before its co-performers answered forgets their sealed addresses (activities/media/invites.ts). */
export function createMediaRecordActivities({ db, destroyKey }: { db: Db; destroyKey: DestroyKey }) {
  const endInvites = async (mediaId: string) => { await forgetInvites(db, destroyKey, { mediaId }) }
  const event = (mediaId: string, action: string, e: { actorId?: string | null; reasonCode?: string | null; note?: string | null } = {}) =>
    db.mediaReviewEvent.create({ data: { mediaId, action, actorId: e.actorId ?? null, reasonCode: e.reasonCode ?? null, note: e.note ?? null } })
  const update = (id: string, data: Prisma.MediaItemUpdateInput) => db.mediaItem.update({ where: { id }, data: { ...data, updatedAt: new Date() } })

  return {
    /** Marks an uploaded item as processing and returns what the pipeline needs; repeated calls change nothing more. */
    async startIngest({ mediaId }: { mediaId: string }): Promise<IngestFacts> {
      const item = await db.mediaItem.findUniqueOrThrow({ where: { id: mediaId } })
      const brand = await db.brand.findUniqueOrThrow({ where: { id: item.brandId }, select: { slug: true } })
      if (item.status === 'UPLOADING') await update(mediaId, { status: 'PROCESSING' })
      return { brand: brand.slug, creatorId: item.creatorId, sourceKey: item.sourceKey, sizeBytes: Number(item.sizeBytes), sha256: item.sha256,
        title: item.title, caption: item.caption, tags: item.tags, status: item.status === 'UPLOADING' ? 'PROCESSING' : item.status }
    },

    /** Keeps the probe's facts (duration, streams) for the studio, the queue and search. */
    async recordProbe({ mediaId, probe }: { mediaId: string; probe: unknown }): Promise<void> {
      await update(mediaId, { probe: json(probe) })
    },

    /** Keeps the renditions and artwork once every output is in storage. */
    async recordOutputs({ mediaId, renditions, artwork }: { mediaId: string; renditions: unknown[]; artwork: unknown }): Promise<void> {
      await update(mediaId, { renditions: json(renditions), artwork: json(artwork) })
    },

    /** The upload cannot be used: the reason is shown to the creator verbatim. */
    async recordFailure({ mediaId, code, message }: { mediaId: string; code: string; message: string }): Promise<void> {
      await update(mediaId, { status: 'FAILED', failureCode: code, failureReason: message })
      await event(mediaId, 'failed', { reasonCode: code, note: message })
      await endInvites(mediaId)
    },

    /** The machines' findings, and the item into the review queue with its deadline (blocked items go straight to rejection). */
    async recordFindings({ mediaId, findings, verdict }: { mediaId: string; findings: unknown; verdict: string }): Promise<void> {
      await update(mediaId, { findings: json(findings) })
      await event(mediaId, 'machine_review', { note: `automated verdict: ${verdict}` })
    },

    /** Puts the item in the moderators' queue, due by `dueAt`. */
    async openReview({ mediaId, dueAt, appeal = false }: { mediaId: string; dueAt: string; appeal?: boolean }): Promise<void> {
      await update(mediaId, { status: appeal ? 'REJECTED' : 'IN_REVIEW', reviewDueAt: new Date(dueAt) })
    },

    /** Escalates an item: by a moderator (with a reason) or by the review deadline passing. */
    async recordEscalation({ mediaId, actorId, reasonCode, note }: { mediaId: string; actorId: string | null; reasonCode: ReasonCode | 'SLA_MISSED'; note?: string }): Promise<void> {
      await update(mediaId, { escalatedAt: new Date() })
      await event(mediaId, 'escalate', { actorId, reasonCode, note })
    },

    /** A moderator's final decision (or the machines' block): approved items wait for the 2257 gate, rejected ones are quarantined. */
    async recordDecision(i: { mediaId: string; decision: Exclude<ReviewDecision, 'escalate'>; reasonCode: string; note?: string; actorId: string | null
      appealDeadline?: string }): Promise<void> {
      const at = new Date()
      await update(i.mediaId, i.decision === 'approve'
        ? { status: 'AWAITING_PERFORMERS', decision: 'approve', decisionReason: i.reasonCode, decidedBy: i.actorId, decidedAt: at }
        : { status: 'REJECTED', decision: 'reject', decisionReason: i.reasonCode, decidedBy: i.actorId, decidedAt: at,
          appealDeadline: i.appealDeadline ? new Date(i.appealDeadline) : null })
      await event(i.mediaId, i.decision, { actorId: i.actorId, reasonCode: i.reasonCode, note: i.note })
    },

    /** The creator's appeal, kept as evidence with the original decision. */
    async recordAppeal({ mediaId, actorId, reason, dueAt }: { mediaId: string; actorId: string; reason: string; dueAt: string }): Promise<void> {
      await update(mediaId, { appealedAt: new Date(), reviewDueAt: new Date(dueAt), escalatedAt: null })
      await event(mediaId, 'appeal', { actorId, note: reason })
    },

    /** A second moderator's appeal decision: upheld goes on to the 2257 gate, denied stays rejected; either way nothing is left to appeal. */
    async recordAppealDecision({ mediaId, uphold, note, actorId }: { mediaId: string; uphold: boolean; note?: string; actorId: string }): Promise<void> {
      await update(mediaId, uphold ? { status: 'AWAITING_PERFORMERS', decision: 'approve', decisionReason: 'APPEAL_UPHELD', decidedBy: actorId, decidedAt: new Date(),
        appealDeadline: null } : { appealDeadline: null })
      await event(mediaId, uphold ? 'appeal_upheld' : 'appeal_denied', { actorId, note })
    },

    /** The creator deleted the item (mid-pipeline or later): outputs are gone, the trail stays. */
    async recordDeleted({ mediaId, actorId }: { mediaId: string; actorId: string | null }): Promise<void> {
      await update(mediaId, { status: 'DELETED' })
      await event(mediaId, 'deleted', { actorId })
      await endInvites(mediaId)
    },

    /** Takes a published item off the storefront (takedown keeps every output as evidence; deletion removes them after). */
    async unpublishMedia(i: { mediaId: string; status: 'TAKEN_DOWN' | 'DELETED'; actorId: string | null; reasonCode?: string; note?: string }): Promise<void> {
      const item = await db.mediaItem.findUniqueOrThrow({ where: { id: i.mediaId } })
      await db.$transaction([
        db.post.update({ where: { id: item.postId }, data: { status: 'REMOVED' } }),
        db.mediaItem.update({ where: { id: i.mediaId }, data: { status: i.status, updatedAt: new Date(),
          ...(i.status === 'TAKEN_DOWN' ? { takenDownAt: new Date() } : {}) } }),
        db.mediaReviewEvent.create({ data: { mediaId: i.mediaId, action: i.status === 'TAKEN_DOWN' ? 'takedown' : 'deleted', actorId: i.actorId,
          reasonCode: i.reasonCode ?? null, note: i.note ?? null } }),
      ])
      if (i.status === 'DELETED') await endInvites(i.mediaId)
    },

    /** Puts a taken-down item back (an upheld appeal or a mistaken takedown). */
    async reinstateMedia({ mediaId, actorId, note }: { mediaId: string; actorId: string; note?: string }): Promise<void> {
      const item = await db.mediaItem.findUniqueOrThrow({ where: { id: mediaId } })
      await db.$transaction([
        db.post.update({ where: { id: item.postId }, data: { status: 'PUBLISHED' } }),
        db.mediaItem.update({ where: { id: mediaId }, data: { status: 'PUBLISHED', takenDownAt: null, updatedAt: new Date() } }),
        db.mediaReviewEvent.create({ data: { mediaId, action: 'reinstated', actorId, note: note ?? null } }),
      ])
    },

    /** The completed PPV sales of an item's post: whose earnings a takedown freezes and whom it refunds if final. */
    async salesOfMedia({ mediaId }: { mediaId: string }): Promise<{ purchaseId: string; workflowId: string }[]> {
      const item = await db.mediaItem.findUniqueOrThrow({ where: { id: mediaId }, select: { postId: true } })
      const rows = await db.purchase.findMany({ where: { postId: item.postId, kind: 'ppv', status: 'COMPLETED' }, select: { id: true, workflowId: true } })
      return rows.map((r) => ({ purchaseId: r.id, workflowId: r.workflowId }))
    },

    /** The takedown stood past its appeal window: buyers refunded (or not, and why), on the trail. */
    async recordTakedownFinal({ mediaId, refunded, refundFailures }: { mediaId: string; refunded: number; refundFailures: number }): Promise<void> {
      await event(mediaId, 'takedown_final', { note: `${refunded} buyer(s) refunded${refundFailures ? `, ${refundFailures} refund(s) failed: finance to follow up` : ''}` })
    },

    /** The appeal window closed on a rejected item: its quarantined outputs were removed. */
    async recordPurged({ mediaId }: { mediaId: string }): Promise<void> {
      await update(mediaId, { purgedAt: new Date(), renditions: json([]), artwork: json(null) })
      await event(mediaId, 'purged')
      await endInvites(mediaId)
    },
  }
}
export type MediaRecordActivities = ReturnType<typeof createMediaRecordActivities>
