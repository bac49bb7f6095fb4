/** Sessions: opaque bearer tokens and rotating refresh tokens, stored only as SHA-256. */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { Db } from '../prisma/client.ts'
import { DomainError } from './errors.ts'

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
const newToken = () => randomBytes(32).toString('base64url')

export type SessionTtl = { sessionTtlMinutes: number; refreshTtlDays: number }

/** A full session for a signed-in person (after the second factor, where enabled). */
export async function issueSession(db: Db, personId: string, ttl: SessionTtl, familyId: string = randomUUID()) {
  const token = newToken()
  const refreshToken = newToken()
  const expiresAt = new Date(Date.now() + ttl.sessionTtlMinutes * 60_000)
  await db.session.create({ data: { tokenHash: sha256(token), personId, expiresAt, familyId, refreshHash: sha256(refreshToken),
    refreshExpiresAt: new Date(Date.now() + ttl.refreshTtlDays * 86_400_000) } })
  return { token, refreshToken, expiresAt: expiresAt.toISOString() }
}

/** A five-minute session that can only complete the second factor. */
export async function issueMfaChallenge(db: Db, personId: string) {
  const token = newToken()
  await db.session.create({ data: { tokenHash: sha256(token), personId, mfaPending: true, expiresAt: new Date(Date.now() + 5 * 60_000) } })
  return token
}

/** Swaps a refresh token for a new session; a refresh token used twice means it leaked, so its whole family is revoked. */
export async function rotateSession(db: Db, refreshToken: string, ttl: SessionTtl) {
  const old = await db.session.findUnique({ where: { refreshHash: sha256(refreshToken) } })
  if (!old || !old.refreshExpiresAt || old.refreshExpiresAt < new Date()) throw new DomainError('invalidToken', 'This sign-in has expired; sign in again.')
  // the used refresh hash stays on the revoked row, so a second use is recognised as a replay
  const { count } = await db.session.updateMany({ where: { id: old.id, revokedAt: null }, data: { revokedAt: new Date() } })
  if (count === 0) {
    await db.session.updateMany({ where: { familyId: old.familyId, revokedAt: null }, data: { revokedAt: new Date() } })
    throw new DomainError('invalidToken', 'This refresh token was already used; every session of this sign-in is now revoked.')
  }
  return { personId: old.personId, ...(await issueSession(db, old.personId, ttl, old.familyId ?? undefined)) }
}
