/**
 * Playback: a short-lived token for the people entitled to an item, then its HLS playlists served through the API
 * with every segment as a presigned object-storage URL. Entitlement is checked again on each playlist fetch, so a
 * refund or a lapsed subscription stops new fetches at once, not when the token runs out.
 */
import { Router, type Response } from 'express'
import { z } from 'zod'
import type { StorageClient } from '../../activities/storage/client.ts'
import {
  playbackDecision, subscriptionPlays, type PlaybackDecision, type PlaybackItem, type PlaybackRefusal, type PlaybackViewer, type SubscriptionAccess,
} from '../../domain/media/entitlement.ts'
import { playlistUris, rewriteMasterPlaylist, rewriteMediaPlaylist } from '../../domain/media/playlist.ts'
import type { MediaStatus } from '../../domain/media/review.ts'
import { BUCKETS } from '../../domain/storage.ts'
import type { Db } from '../../prisma/client.ts'
import { loadPerson, signedInId } from '../auth.ts'
import { DomainError, type ErrorKind } from '../errors.ts'
import { PlaybackTokenError, signPlaybackToken, verifyPlaybackToken, type PlaybackTokenErrorCode } from '../playback-token.ts'

export type MediaPlaybackDeps = { db: Db; storage: StorageClient; signingKeys: readonly string[]; tokenTtlSeconds?: number }

const HLS_TYPE = 'application/vnd.apple.mpegurl'
// a playlist is cached for half the life its links have left, never longer than this
const MAX_CACHE_SECONDS = 300
const MAX_PLAYLIST_BYTES = 4 * 1024 * 1024
const idParam = z.object({ id: z.uuid('id must be a UUID') })
const hlsParams = idParam.extend({ token: z.string().max(512) })
const renditionParam = z.object({ rendition: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'not a rendition name') })

const REFUSAL_KINDS: Record<PlaybackRefusal, ErrorKind> = { UNAUTHENTICATED: 'unauthenticated', NOT_ENTITLED: 'notEntitled', NOT_PUBLISHED: 'notPublished' }
const TOKEN_KINDS: Record<PlaybackTokenErrorCode, ErrorKind> = { PLAYBACK_TOKEN_INVALID: 'playbackTokenInvalid', PLAYBACK_TOKEN_EXPIRED: 'playbackTokenExpired' }

const nowSeconds = () => Math.floor(Date.now() / 1000)
const hlsKey = (mediaId: string, ...path: string[]) => ['media', mediaId, 'hls', ...path].join('/')
// the artwork the ingest recorded (activities/media/processing.ts Artwork): no thumbnail yet, no poster
const posterKey = (artwork: unknown) => (artwork as { thumbKey?: unknown } | null)?.thumbKey

/** The URL of an item's master playlist for one token; rendition playlists resolve relative to it. */
export const playlistPath = (mediaId: string, token: string) => `/api/media/${mediaId}/hls/${token}/master.m3u8`

/** A signed preview playlist for staff (the review detail); the playlist routes still check the person's roles. */
export function staffPreviewUrl(mediaId: string, personId: string, signingKeys: readonly string[], ttlSeconds: number, now = nowSeconds()): string {
  return playlistPath(mediaId, signPlaybackToken({ mediaId, personId, expiresAt: now + ttlSeconds }, signingKeys))
}

function refusal(decision: Extract<PlaybackDecision, { allowed: false }>): DomainError {
  const message = decision.code === 'UNAUTHENTICATED' ? 'Sign in to watch this.'
    : decision.code === 'NOT_PUBLISHED' ? 'This video is not available.'
    : decision.offer?.kind === 'subscribe' ? 'Subscribe to this creator to watch this.' : 'Unlock this post to watch it.'
  return new DomainError(REFUSAL_KINDS[decision.code], message, decision.offer ? { offer: decision.offer } : undefined)
}

const renditionNames = (renditions: unknown): string[] =>
  (Array.isArray(renditions) ? renditions : []).flatMap((r: { name?: unknown } | null) => (typeof r?.name === 'string' ? [r.name] : []))

function sendPlaylist(res: Response, text: string, linksValidUntil: number): void {
  const maxAge = Math.max(0, Math.min(MAX_CACHE_SECONDS, Math.floor((linksValidUntil - nowSeconds()) / 2)))
  res.set('Cache-Control', `private, max-age=${maxAge}`).type(HLS_TYPE).send(text)
}

/** The longest a playback link lives, however long the video. */
export const MAX_PLAYBACK_SECONDS = 8 * 3600

export function createMediaPlaybackRouter({ db, storage, signingKeys, tokenTtlSeconds = 600 }: MediaPlaybackDeps): Router {
  const router = Router()
  const bucket = BUCKETS.media.name

  /** The item as the decision sees it (brand slug, the post's price); unknown and deleted items are 404. */
  async function loadItem(id: string) {
    const row = await db.mediaItem.findUnique({ where: { id }, select: { id: true, brandId: true, creatorId: true, postId: true, access: true, status: true,
      publishedAt: true, renditions: true, artwork: true, probe: true } })
    if (!row || row.status === 'DELETED') throw new DomainError('notFound', 'No such media item.')
    const [brand, post] = await Promise.all([db.brand.findUnique({ where: { id: row.brandId }, select: { slug: true } }),
      db.post.findUnique({ where: { id: row.postId }, select: { priceMinor: true, currency: true } })])
    const item: PlaybackItem = { status: row.status as MediaStatus, creatorId: row.creatorId, brand: brand?.slug ?? '', access: row.access,
      publishedAt: row.publishedAt, postId: row.postId, priceMinor: post?.priceMinor ?? null, currency: post?.currency ?? null }
    return { row, item }
  }

  /** Reads the viewer's unlock or subscription (whichever the item asks for) and decides. */
  async function decide(item: PlaybackItem, viewer: PlaybackViewer | null): Promise<PlaybackDecision> {
    const fanId = viewer && viewer.personId !== item.creatorId ? viewer.personId : null
    const [ppv, subs] = await Promise.all([
      fanId && item.access === 'ppv' ? db.entitlement.findUnique({ where: { fanId_postId: { fanId, postId: item.postId } }, select: { revokedAt: true } }) : null,
      fanId && item.access === 'subscribers' ? db.subscriptionEntitlement.findMany({ where: { fanId, creatorId: item.creatorId, brand: item.brand },
        select: { access: true, validUntil: true } }) : [],
    ])
    const subscriptions = subs.map((s) => ({ access: s.access, validUntil: s.validUntil }) as SubscriptionAccess)
    const subscription = subscriptions.find((s) => subscriptionPlays(s, item.publishedAt)) ?? subscriptions[0] ?? null
    return playbackDecision({ viewer, item, ppv, subscription })
  }

  /** The token's grant, after checking it and the entitlement of its person as of now. */
  async function authorizeToken(id: string, token: string) {
    let grant: { personId: string; expiresAt: number }
    try {
      grant = verifyPlaybackToken(token, id, signingKeys, nowSeconds())
    } catch (err) {
      if (err instanceof PlaybackTokenError) throw new DomainError(TOKEN_KINDS[err.code], err.message)
      throw err
    }
    const [loaded, person] = await Promise.all([loadItem(id), loadPerson(db, grant.personId)])
    if (!person) throw new DomainError('playbackTokenInvalid', 'This playback link is not valid: start playback again.')
    const decision = await decide(loaded.item, { personId: person.id, roles: person.roles })
    if (!decision.allowed) throw refusal(decision)
    return { ...loaded, expiresAt: grant.expiresAt }
  }

  async function readPlaylist(key: string): Promise<string> {
    const stream = await storage.getObject(bucket, key).catch((err: { code?: string }) => {
      if (err.code === 'NoSuchKey' || err.code === 'NotFound') throw new DomainError('notFound', 'This video has no playable stream.')
      throw err
    })
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of stream) {
      size += (chunk as Buffer).length
      if (size > MAX_PLAYLIST_BYTES) throw new Error(`playlist ${key} is larger than ${MAX_PLAYLIST_BYTES} bytes`)
      chunks.push(chunk as Buffer)
    }
    return Buffer.concat(chunks).toString('utf8')
  }

  /** Starts playback for the signed-in viewer: the master playlist URL (token in its path), its expiry and a poster. */
  router.get('/media/:id/playback', async (req, res) => {
    const { id } = idParam.parse(req.params)
    const { row, item } = await loadItem(id)
    const decision = await decide(item, req.person ? { personId: req.person.id, roles: req.person.roles } : null)
    if (!decision.allowed) throw refusal(decision)
    // hls.js loads a VOD playlist once: the link must outlive watching the whole video (with pauses), capped at a few hours
    const duration = Number((row.probe as { durationSeconds?: number } | null)?.durationSeconds ?? 0)
    const expiresAt = nowSeconds() + Math.min(MAX_PLAYBACK_SECONDS, Math.max(tokenTtlSeconds, Math.ceil(2 * duration) + tokenTtlSeconds))
    const token = signPlaybackToken({ mediaId: id, personId: signedInId(req), expiresAt }, signingKeys)
    const poster = posterKey(row.artwork)
    const posterUrl = typeof poster === 'string' ? await storage.presignedGetObject(bucket, poster, tokenTtlSeconds) : null
    res.set('Cache-Control', 'no-store').json({ playlistUrl: playlistPath(id, token), expiresAt: new Date(expiresAt * 1000).toISOString(), posterUrl })
  })

  /** The master playlist, its rendition URIs checked and left relative (they resolve under the same token). */
  router.get('/media/:id/hls/:token/master.m3u8', async (req, res) => {
    const { id, token } = hlsParams.parse(req.params)
    const { expiresAt } = await authorizeToken(id, token)
    sendPlaylist(res, rewriteMasterPlaylist(await readPlaylist(hlsKey(id, 'master.m3u8'))), expiresAt)
  })

  /** One rendition's playlist, each segment a presigned GET valid until the token expires. */
  router.get('/media/:id/hls/:token/:rendition/index.m3u8', async (req, res) => {
    const { id, token } = hlsParams.parse(req.params)
    const { rendition } = renditionParam.parse(req.params)
    const { row, expiresAt } = await authorizeToken(id, token)
    if (!renditionNames(row.renditions).includes(rendition)) throw new DomainError('notFound', `This video has no ${rendition} rendition.`)
    const text = await readPlaylist(hlsKey(id, rendition, 'index.m3u8'))
    const now = nowSeconds()
    // segments live as long as the token: a long video's last segments are fetched late in its life
    const life = Math.max(1, expiresAt - now)
    const urls = new Map(await Promise.all([...new Set(playlistUris(text))].map(async (uri) =>
      [uri, await storage.presignedGetObject(bucket, hlsKey(id, rendition, uri), life)] as const)))
    sendPlaylist(res, rewriteMediaPlaylist(text, (uri) => urls.get(uri)!), now + life)
  })
  return router
}
