/** The 2257 gate, publishing (post, depiction index, search) and what the pipeline tells creators and subscribers. */
import { ApplicationFailure, Context } from '@temporalio/activity'
import type { Db } from '../../prisma/client.ts'
import type { SearchClient } from '../search/client.ts'
import type { MailSender, PiiCipher } from '../identity/deps.ts'
import { normaliseAlias } from '../identity/aliases.ts'
import { deindexMedia, indexMedia } from '../search/media-index.ts'
import type { MEDIA_NOTICES } from '../mail/templates.ts'
import { REASON_CODES, isReasonCode } from '../../domain/media/review.ts'
import { CO_PERFORMER_EMAIL_PURPOSE, type CoPerformerInvite } from '../../workflows/ingest-media.contract.ts'
import { PII_ERRORS, PiiError } from '../pii/errors.ts'
import { forgetInvites, type DestroyKey } from './invites.ts'

export type PublishingDeps = { db: Db; search: SearchClient; pii: PiiCipher; sendMail: MailSender; publicUrl: string; adminUrl: string; complianceEmail: string
  /** destroys a data key (here: an invitation slot's, once its sealed address is needed no more) */
  destroyKey: DestroyKey }

/** A performer the gate still waits for. */
export type MissingPerformer = { performerId: string; alias: string; role: string; status: string }

export function createMediaPublishingActivities({ db, search, pii, sendMail, publicUrl, adminUrl, complianceEmail, destroyKey }: PublishingDeps) {
  const currentRecord = (personId: string) =>
    db.performerRecord.findFirst({ where: { personId, supersededAt: null }, orderBy: { recordMadeAt: 'desc' }, select: { id: true } })
  const brandOf = async (brandId: string) => (await db.brand.findUniqueOrThrow({ where: { id: brandId }, select: { slug: true } })).slug
  const creatorName = async (creatorId: string, brandId: string) => {
    const persona = await db.persona.findFirst({ where: { personId: creatorId, kind: 'creator', brandId }, select: { handle: true } })
    return persona?.handle ? `@${persona.handle}` : (await db.person.findUniqueOrThrow({ where: { id: creatorId }, select: { displayName: true } })).displayName
  }

  /** Drops an invitation's sealed address and destroys the slot's key, so no copy of it (backups included) stays readable. */
  const forgetInvite = async (performerId: string) => { await forgetInvites(db, destroyKey, { id: performerId }) }

  return {
    /** 2257 gate: marks every depicted performer with a current record as verified; returns those still without one. */
    async checkPerformers({ mediaId }: { mediaId: string }): Promise<MissingPerformer[]> {
      const performers = await db.mediaPerformer.findMany({ where: { mediaId }, orderBy: { createdAt: 'asc' } })
      const missing: MissingPerformer[] = []
      for (const p of performers) {
        const record = p.personId ? await currentRecord(p.personId) : null
        if (record && (p.status !== 'VERIFIED' || p.recordId !== record.id)) {
          await db.mediaPerformer.update({ where: { id: p.id }, data: { status: 'VERIFIED', recordId: record.id, verifiedAt: new Date() } })
        }
        if (!record) missing.push({ performerId: p.id, alias: p.alias, role: p.role, status: p.status })
        // an answered invitation: its address is not needed again (also on a retry after the update above)
        else if (p.emailSealed) await forgetInvite(p.id)
      }
      if (!performers.length) throw ApplicationFailure.nonRetryable(`media ${mediaId} lists no performers: the uploader is always one`, 'NO_PERFORMERS')
      return missing
    },

    /**
     * Invites a co-performer by mail to verify (the link carries the performer row; the accepting account must own the
     * address). The address is opened from the slot; runs started before it was sealed there pass it in.
     */
    async inviteCoPerformer({ performerId, email }: CoPerformerInvite): Promise<void> {
      const p = await db.mediaPerformer.findUniqueOrThrow({ where: { id: performerId }, include: { media: true } })
      const to = email ?? (p.emailSealed ? await pii.decrypt(performerId, CO_PERFORMER_EMAIL_PURPOSE, p.emailSealed).catch((err: unknown) => {
        if (err instanceof PiiError && err.code === PII_ERRORS.KEY_DESTROYED) return null
        throw err
      }) : null)
      // answered or lapsed before this (re)try: there is no one left to invite
      if (!to) return
      const brand = await brandOf(p.media.brandId)
      await sendMail({ idempotencyKey: `media-performer:${performerId}:invite`, to, template: 'coPerformerInvite', data: {
        brand, creator: await creatorName(p.media.creatorId, p.media.brandId), alias: p.alias,
        link: `${publicUrl}/${brand}/performer-invites/${performerId}` } }).catch(async (err: unknown) => {
        // the mail server's reply names the address, and a failure lands in the history unsealed: pass on its kind only
        const failure = err instanceof ApplicationFailure ? err : null
        // refused for good: nobody will be invited at this address, so it goes now
        if (failure?.nonRetryable) await forgetInvite(performerId)
        throw ApplicationFailure.create({ message: `the invitation mail could not be sent (${failure?.type ?? 'error'})`,
          type: failure?.type ?? 'MAIL_UNAVAILABLE', nonRetryable: failure?.nonRetryable ?? false })
      })
      if (p.status === 'PENDING') await db.mediaPerformer.update({ where: { id: performerId }, data: { status: 'INVITED' } })
    },

    /** A lapsed invitation: its sealed address is dropped and the slot's key destroyed. Idempotent. */
    async forgetCoPerformerInvite({ performerId }: { performerId: string }): Promise<void> {
      await forgetInvite(performerId)
    },

    /** Publishes: the post goes live, the depiction index gets a row per performer, the trail records it. Idempotent. */
    async publishMedia({ mediaId }: { mediaId: string }): Promise<{ publishedAt: string }> {
      const item = await db.mediaItem.findUniqueOrThrow({ where: { id: mediaId }, include: { performers: true } })
      // deleted or taken down meanwhile: that decision stands, nothing goes live
      if (item.status === 'DELETED' || item.status === 'TAKEN_DOWN') return { publishedAt: (item.publishedAt ?? item.updatedAt).toISOString() }
      const brand = await brandOf(item.brandId)
      const url = `${publicUrl}/${brand}/media/${mediaId}`
      const publishedAt = item.publishedAt ?? new Date()
      await db.$transaction(async (tx) => {
        await tx.post.update({ where: { id: item.postId }, data: { status: 'PUBLISHED' } })
        await tx.mediaItem.update({ where: { id: mediaId }, data: { status: 'PUBLISHED', publishedAt, takenDownAt: null, updatedAt: new Date() } })
        await tx.depictionIndexEntry.createMany({ skipDuplicates: true, data: item.performers.filter((p) => p.recordId && p.personId).map((p) => ({
          recordId: p.recordId!, personId: p.personId!, mediaId, url,
          aliasIndex: pii.blindIndex('performer_aliases.alias_index', normaliseAlias(p.alias)) })) })
        if (!item.publishedAt) await tx.mediaReviewEvent.create({ data: { mediaId, action: 'published' } })
      })
      return { publishedAt: publishedAt.toISOString() }
    },

    /** Puts the published item in the storefront search index (title, tags, creator, brand, safe-search fields). */
    async indexPublishedMedia({ mediaId }: { mediaId: string }): Promise<void> {
      const item = await db.mediaItem.findUniqueOrThrow({ where: { id: mediaId } })
      if (item.status !== 'PUBLISHED') return // taken down or deleted since: it stays out of search
      const post = await db.post.findUniqueOrThrow({ where: { id: item.postId } })
      const findings = item.findings as { categories?: Record<string, { score: number }> } | null
      const nsfwScore = findings?.categories?.sexual?.score ?? 0
      const probe = item.probe as { durationSeconds?: number } | null
      const artwork = item.artwork as { thumbKey?: string } | null
      await indexMedia(search, {
        id: mediaId, postId: item.postId, brand: await brandOf(item.brandId), creatorId: item.creatorId,
        creatorName: await creatorName(item.creatorId, item.brandId), title: item.title, caption: item.caption, tags: item.tags,
        access: item.access as 'ppv' | 'subscribers', priceMinor: item.access === 'ppv' ? post.priceMinor : null, currency: post.currency,
        thumbnailKey: artwork?.thumbKey ?? null, durationSeconds: probe?.durationSeconds ?? null,
        explicit: nsfwScore >= 0.5, nsfwScore, status: 'PUBLISHED', publishedAt: (item.publishedAt ?? new Date()).toISOString(),
      })
    },

    /** Removes the item from search (takedown, deletion). */
    async deindexMedia({ mediaId }: { mediaId: string }): Promise<void> {
      await deindexMedia(search, mediaId)
    },

    /** Tells the creator what happened to their upload (`key` names the occasion: one mail per occasion). */
    async notifyCreator({ mediaId, notice, reason, key }: { mediaId: string; notice: (typeof MEDIA_NOTICES)[number]; reason?: string; key: string }): Promise<void> {
      const item = await db.mediaItem.findUniqueOrThrow({ where: { id: mediaId } })
      const creator = await db.person.findUniqueOrThrow({ where: { id: item.creatorId }, select: { email: true, displayName: true } })
      const brand = await brandOf(item.brandId)
      await sendMail({ idempotencyKey: `media:${mediaId}:${key}`, to: creator.email, template: 'mediaNotice', data: {
        brand, name: creator.displayName, title: item.title, notice, reason: reason && isReasonCode(reason) ? REASON_CODES[reason] : reason ?? '', link: `${publicUrl}/${brand}/studio/media/${mediaId}` } })
    },

    /** Tells the moderation leads (the compliance inbox) that an item was escalated or missed its review deadline. */
    async notifyEscalation({ mediaId, reason }: { mediaId: string; reason: string }): Promise<void> {
      const events = await db.mediaReviewEvent.count({ where: { mediaId, action: 'escalate' } })
      await sendMail({ idempotencyKey: `media:${mediaId}:escalation:${events}`, to: complianceEmail, template: 'mediaEscalation', data: {
        mediaId, reason, link: `${adminUrl}/#/media-reviews/${mediaId}/show` } })
    },

    /**
     * Tells the creator's live subscribers on the brand about a newly published item. Fans are taken in id order and
     * each sent one is heartbeated, so a retry resumes after the last one sent instead of mailing everyone again; an
     * address the mail server refuses for good is skipped, not a reason to fail the publication.
     */
    async notifySubscribers({ mediaId }: { mediaId: string }): Promise<{ notified: number; refused: number }> {
      const ctx = Context.current()
      const resumeAfter = (ctx.info.heartbeatDetails as { after?: string } | undefined)?.after ?? ''
      const item = await db.mediaItem.findUniqueOrThrow({ where: { id: mediaId } })
      const brand = await brandOf(item.brandId)
      const subs = await db.subscriptionEntitlement.findMany({ where: { creatorId: item.creatorId, brand, access: 'FULL' }, select: { fanId: true } })
      const fans = await db.person.findMany({ where: { id: { in: [...new Set(subs.map((s) => s.fanId))], gt: resumeAfter || undefined }, status: 'active' },
        orderBy: { id: 'asc' }, select: { id: true, email: true, displayName: true } })
      const creator = await creatorName(item.creatorId, item.brandId)
      let refused = 0
      for (const fan of fans) {
        await sendMail({ idempotencyKey: `media:${mediaId}:new-content:${fan.id}`, to: fan.email, template: 'newContent', data: {
          brand, name: fan.displayName, creator, title: item.title, link: `${publicUrl}/${brand}/media/${mediaId}` } }).catch((err: unknown) => {
          if (!(err instanceof ApplicationFailure && err.nonRetryable)) throw err
          refused += 1
        })
        ctx.heartbeat({ after: fan.id })
      }
      return { notified: fans.length - refused, refused }
    },
  }
}
export type MediaPublishingActivities = ReturnType<typeof createMediaPublishingActivities>
