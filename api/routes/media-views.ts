/** How a media item looks through the API: one shape for the studio, the review queue and the public page. */
import type { Client } from '@temporalio/client'
import { defaultPayloadConverter } from '@temporalio/common'
import type { Db } from '../../prisma/client.ts'
import type { StorageClient } from '../../activities/storage/client.ts'
import { BUCKETS } from '../../domain/storage.ts'
import { ingestProgressQuery, type IngestProgress } from '../../workflows/ingest-media.contract.ts'

type ItemRow = Awaited<ReturnType<Db['mediaItem']['findUniqueOrThrow']>>
export const ARTWORK_LINK_SECONDS = 600
const QUERY_DEADLINE_MS = 3_000

/** Short-lived links to the item's artwork (the bucket is private). */
async function artworkUrls(storage: StorageClient, artwork: unknown) {
  const a = (artwork ?? {}) as { thumbKey?: string; previewKey?: string; spriteKey?: string; spriteVttKey?: string }
  const sign = (key?: string) => key ? storage.presignedGetObject(BUCKETS.media.name, key, ARTWORK_LINK_SECONDS) : Promise.resolve(null)
  const [thumbnailUrl, previewUrl, spriteUrl, spriteVttUrl] = await Promise.all([sign(a.thumbKey), sign(a.previewKey), sign(a.spriteKey), sign(a.spriteVttKey)])
  return { thumbnailUrl, previewUrl, spriteUrl, spriteVttUrl }
}

/** Names for the brand ids and creators of a page of items. */
export async function mediaContext(db: Db, rows: { brandId: string; creatorId: string; postId: string }[]) {
  const [brands, people, personas, posts] = await Promise.all([
    db.brand.findMany({ select: { id: true, slug: true } }),
    db.person.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.creatorId))] } }, select: { id: true, displayName: true } }),
    db.persona.findMany({ where: { personId: { in: [...new Set(rows.map((r) => r.creatorId))] }, kind: 'creator' }, select: { personId: true, brandId: true, handle: true } }),
    db.post.findMany({ where: { id: { in: rows.map((r) => r.postId) } }, select: { id: true, priceMinor: true, currency: true } }),
  ])
  const slug = new Map(brands.map((b) => [b.id, b.slug]))
  const names = new Map(people.map((p) => [p.id, p.displayName]))
  const handles = new Map(personas.map((p) => [`${p.personId}:${p.brandId}`, p.handle]))
  const prices = new Map(posts.map((p) => [p.id, p]))
  return {
    brand: (id: string) => slug.get(id) ?? '',
    creatorName: (creatorId: string, brandId: string) => {
      const handle = handles.get(`${creatorId}:${brandId}`)
      return handle ? `@${handle}` : names.get(creatorId) ?? ''
    },
    price: (postId: string) => prices.get(postId) ?? null,
  }
}
export type MediaContext = Awaited<ReturnType<typeof mediaContext>>

/** The list/detail view; `staff` adds the machine findings and decision fields, which a fan never sees. */
export async function mediaView(item: ItemRow, ctx: MediaContext, storage: StorageClient, { staff }: { staff: boolean }) {
  const price = ctx.price(item.postId)
  const base = {
    id: item.id, brand: ctx.brand(item.brandId), creatorId: item.creatorId, creatorName: ctx.creatorName(item.creatorId, item.brandId),
    postId: item.postId, title: item.title, caption: item.caption, tags: item.tags, access: item.access,
    priceMinor: item.access === 'ppv' ? price?.priceMinor ?? null : null, currency: price?.currency ?? null,
    status: item.status, probe: item.probe, renditions: item.renditions, publishedAt: item.publishedAt, createdAt: item.createdAt,
    ...(await artworkUrls(storage, item.status === 'DELETED' || item.purgedAt ? null : item.artwork)),
  }
  if (!staff) return base
  return { ...base, fileName: item.fileName, contentType: item.contentType, sizeBytes: Number(item.sizeBytes), failureCode: item.failureCode,
    failureReason: item.failureReason, findings: item.findings, assigneeId: item.assigneeId, reviewDueAt: item.reviewDueAt, escalatedAt: item.escalatedAt,
    decision: item.decision, decisionReason: item.decisionReason, decidedBy: item.decidedBy, decidedAt: item.decidedAt, appealDeadline: item.appealDeadline,
    appealedAt: item.appealedAt, appealed: item.appealedAt !== null, purgedAt: item.purgedAt, takenDownAt: item.takenDownAt, updatedAt: item.updatedAt,
    durationSeconds: (item.probe as { durationSeconds?: number } | null)?.durationSeconds ?? null }
}

/** The running ingest's progress: the workflow's query, with each transcode's heartbeated percent filled in from the server. */
export async function liveProgress(temporal: Client, workflowId: string): Promise<IngestProgress | null> {
  const handle = temporal.workflow.getHandle(workflowId)
  const [progress, described] = await Promise.all([
    temporal.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => handle.query(ingestProgressQuery)).catch(() => null),
    temporal.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => handle.describe()).catch(() => null),
  ])
  if (!progress) return null
  for (const pending of described?.raw.pendingActivities ?? []) {
    const payload = pending.heartbeatDetails?.payloads?.[0]
    if (pending.activityType?.name !== 'transcodeRendition' || !payload) continue
    const beat = defaultPayloadConverter.fromPayload(payload) as { name?: string; percent?: number }
    const r = progress.renditions.find((x) => x.name === beat.name && x.state === 'running')
    if (r && typeof beat.percent === 'number') r.percent = Math.max(0, Math.min(99, Math.round(beat.percent)))
  }
  return progress
}

/** The performers and the review trail of one item, for the owner and staff. */
export async function mediaDetail(db: Db, mediaId: string) {
  const [performers, events] = await Promise.all([
    db.mediaPerformer.findMany({ where: { mediaId }, orderBy: { createdAt: 'asc' }, select: { id: true, alias: true, role: true, status: true, verifiedAt: true } }),
    db.mediaReviewEvent.findMany({ where: { mediaId }, orderBy: { id: 'asc' } }),
  ])
  const actors = await db.person.findMany({ where: { id: { in: events.flatMap((e) => e.actorId ? [e.actorId] : []) } }, select: { id: true, displayName: true } })
  const names = new Map(actors.map((a) => [a.id, a.displayName]))
  return { performers, events: events.map((e) => ({ ...e, id: e.id.toString(), actorName: e.actorId ? names.get(e.actorId) ?? null : 'automated' })) }
}
