/**
 * Playback tokens: who may fetch the HLS playlists of one media item, until when. HMAC-SHA256 over
 * { media, person, expiry }, carried in the playlist URL's path (`v1.<payload>.<signature>`, base64url), so relative
 * URIs in the master playlist keep it without any player-side configuration.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { CodedError } from '../domain/coded-error.ts'

export const PLAYBACK_TOKEN_ERRORS = { invalid: 'PLAYBACK_TOKEN_INVALID', expired: 'PLAYBACK_TOKEN_EXPIRED' } as const
export type PlaybackTokenErrorCode = (typeof PLAYBACK_TOKEN_ERRORS)[keyof typeof PLAYBACK_TOKEN_ERRORS]

export class PlaybackTokenError extends CodedError<PlaybackTokenErrorCode> {}

/** What a token grants: `personId` may play `mediaId` until `expiresAt` (epoch seconds, exclusive). */
export type PlaybackGrant = { mediaId: string; personId: string; expiresAt: number }

const VERSION = 'v1'
const PART = /^[A-Za-z0-9_-]+$/
// far above a real token (~180 characters): anything longer is refused before any HMAC is computed
const MAX_TOKEN_LENGTH = 512

const mac = (key: string, data: string): Buffer => createHmac('sha256', key).update(data).digest()

const invalid = () => new PlaybackTokenError(PLAYBACK_TOKEN_ERRORS.invalid, 'This playback link is not valid: start playback again.')

function usableKeys(keys: readonly string[]): readonly string[] {
  if (keys.length === 0 || keys.some((k) => k.length === 0)) throw new Error('playback signing keys: at least one, none empty')
  return keys
}

/** Signs a grant with the first (current) key; older keys stay in the list only to verify tokens already handed out. */
export function signPlaybackToken(grant: PlaybackGrant, keys: readonly string[]): string {
  const [current] = usableKeys(keys)
  const payload = Buffer.from(JSON.stringify({ m: grant.mediaId, p: grant.personId, e: grant.expiresAt })).toString('base64url')
  const signed = `${VERSION}.${payload}`
  return `${signed}.${mac(current!, signed).toString('base64url')}`
}

function readPayload(payload: string): { m: string; p: string; e: number } {
  let value: unknown
  try { value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) } catch { throw invalid() }
  const v = value as { m?: unknown; p?: unknown; e?: unknown } | null
  if (!v || typeof v.m !== 'string' || typeof v.p !== 'string' || !Number.isSafeInteger(v.e)) throw invalid()
  return v as { m: string; p: string; e: number }
}

/**
 * The person a token lets play `mediaId`, or PLAYBACK_TOKEN_INVALID (malformed, signed by no key we hold, another item)
 * or PLAYBACK_TOKEN_EXPIRED (valid while nowSeconds < expiresAt). Signatures are compared in constant time.
 */
export function verifyPlaybackToken(token: string, mediaId: string, keys: readonly string[], nowSeconds: number): { personId: string; expiresAt: number } {
  const parts = token.length <= MAX_TOKEN_LENGTH ? token.split('.') : []
  const [version, payload, signature] = parts
  if (parts.length !== 3 || version !== VERSION || !PART.test(payload!) || !PART.test(signature!)) throw invalid()
  const given = Buffer.from(signature!, 'base64url')
  const signed = `${version}.${payload}`
  const genuine = usableKeys(keys).map((k) => mac(k, signed)).some((want) => want.length === given.length && timingSafeEqual(want, given))
  if (!genuine) throw invalid()
  const grant = readPayload(payload!)
  if (grant.m !== mediaId) throw invalid()
  if (nowSeconds >= grant.e) throw new PlaybackTokenError(PLAYBACK_TOKEN_ERRORS.expired, 'This playback link has expired: start playback again.')
  return { personId: grant.p, expiresAt: grant.e }
}
