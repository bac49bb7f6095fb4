/**
 * Who may open sealed workflow payloads in the Temporal Web UI: admins (the engineers on call). The UI sends the
 * bearer token, or (with "include credentials") the cookie this router sets for the codec path only.
 */
import { Router, type Request } from 'express'
import type { Db } from '../../prisma/client.ts'
import { decide } from '../../domain/authz.ts'
import { bearer, loadPerson } from '../auth.ts'
import { sha256 } from '../sessions.ts'
import { authorize } from '../authz.ts'

export const CODEC_COOKIE = 'fanz_codec'

const tokenOf = (req: Request): string | undefined =>
  bearer(req.get('authorization'))
  ?? (req.get('cookie') ?? '').split(';').map((c) => c.trim()).find((c) => c.startsWith(`${CODEC_COOKIE}=`))?.slice(CODEC_COOKIE.length + 1)

/** True when the request carries a live, fully signed-in session of someone allowed to decode payloads. */
export const codecAuthorizer = (db: Db) => async (req: Request): Promise<boolean> => {
  const token = tokenOf(req)
  if (!token) return false
  const session = await db.session.findUnique({ where: { tokenHash: sha256(token) } })
  if (!session || session.revokedAt || session.mfaPending || session.expiresAt <= new Date()) return false
  const person = await loadPerson(db, session.personId)
  return Boolean(person && decide(person.roles, 'temporal-payloads', 'decode'))
}

/** POST /temporal-codec/session: an admin's back office hands the Web UI its session as an HttpOnly cookie for the codec path. */
export function createCodecSessionRouter(): Router {
  const router = Router()
  router.post('/temporal-codec/session', authorize('temporal-payloads', 'decode'), (req, res) => {
    const token = bearer(req.get('authorization'))!
    res.cookie(CODEC_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/api/temporal-codec', maxAge: 8 * 3_600_000 })
    res.status(204).end()
  })
  return router
}
