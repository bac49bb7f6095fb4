/** Sign-in: password (argon2id) with rate limit and lockout, TOTP second factor, rotating refresh tokens, sign-out. */
import { randomBytes } from 'node:crypto'
import { Router, type RequestHandler } from 'express'
import { hash, verify } from '@node-rs/argon2'
import { z } from 'zod'
import type { Db } from '../prisma/client.ts'
import type { PiiCipher } from '../activities/identity/deps.ts'
import type { RoleName } from '../domain/authz.ts'
import { audit } from './audit.ts'
import { DomainError } from './errors.ts'
import { checkAccount, checkAddress, recordFailure, recordSuccess } from './login-guard.ts'
import { issueMfaChallenge, issueSession, rotateSession, sha256, type SessionTtl } from './sessions.ts'
import { verifyTotp } from './totp.ts'

export type { RoleName }
export type AuthPerson = { id: string; email: string; displayName: string; roles: { role: RoleName; brandSlug: string | null }[] }

declare module 'express-serve-static-core' {
  interface Request { person?: AuthPerson }
}

const loginBody = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(1024) })
const totpBody = z.object({ mfaToken: z.string().min(10).max(200), code: z.string().regex(/^\d{6}$/, 'six digits') })
/** The token of an `Authorization: Bearer …` header, if any. */
export const bearer = (header: string | undefined) => /^Bearer (.+)$/.exec(header ?? '')?.[1]

export async function loadPerson(db: Db, id: string): Promise<AuthPerson | null> {
  const p = await db.person.findUnique({ where: { id }, include: { roleGrants: { include: { brand: true } } } })
  if (!p) return null
  return { id: p.id, email: p.email, displayName: p.displayName,
    roles: p.roleGrants.map((g) => ({ role: g.role, brandSlug: g.brand?.slug ?? null })) }
}

/** The signed-in person's id, or 401. */
export function signedInId(req: { person?: { id: string } }): string {
  if (!req.person) throw new DomainError('unauthenticated', 'Sign in first.')
  return req.person.id
}

/** Attaches req.person when a valid, fully signed-in bearer token is present; never rejects on its own. */
export function sessionMiddleware(db: Db): RequestHandler {
  return async (req, _res, next) => {
    const token = bearer(req.get('authorization'))
    if (!token) return next()
    const session = await db.session.findUnique({ where: { tokenHash: sha256(token) } })
    if (session && !session.revokedAt && !session.mfaPending && session.expiresAt > new Date()) {
      req.person = (await loadPerson(db, session.personId)) ?? undefined
    }
    next()
  }
}

/** Login (with the second factor where enabled), refresh, logout and the current person. */
export function createAuthRouter({ db, pii, ttl }: { db: Db; pii: PiiCipher; ttl: SessionTtl }): Router {
  const router = Router()
  // Verifying against a real hash when the email is unknown keeps timing from revealing which emails exist.
  const dummyHash = hash(randomBytes(16).toString('hex'), { algorithm: 2 })
  const signedIn = async (req: Parameters<RequestHandler>[0], personId: string, action: string) => {
    const session = await issueSession(db, personId, ttl)
    const profile = await loadPerson(db, personId)
    await audit(db, req, { action, resourceType: 'person', resourceId: personId }, profile)
    return { ...session, person: profile }
  }

  router.post('/login', async (req, res) => {
    const { email, password } = loginBody.parse(req.body)
    const ip = req.ip ?? ''
    await checkAddress(db, ip)
    const person = await db.person.findUnique({ where: { email } })
    if (person) checkAccount(person)
    const valid = await verify(person?.passwordHash ?? (await dummyHash), password).catch(() => false)
    if (!person || !valid) {
      await recordFailure(db, ip, person?.id ?? null)
      throw new DomainError('invalidCredentials', 'Email or password is not correct.')
    }
    if (person.status === 'pending' && person.emailVerifiedAt) {
      throw new DomainError('ageVerificationPending', 'Where you live the law requires a verified age: finish the age check we sent you to first.')
    }
    if (person.status === 'pending') throw new DomainError('emailNotVerified', 'Confirm your email address first: use the link we mailed you.')
    if (person.status !== 'active') throw new DomainError('accountInactive', 'This account is not active.')
    await recordSuccess(db, ip, person.id)
    if (person.totpEnabledAt) return void res.json({ mfaRequired: true, mfaToken: await issueMfaChallenge(db, person.id) })
    res.json(await signedIn(req, person.id, 'auth.login'))
  })

  router.post('/login/totp', async (req, res) => {
    const { mfaToken, code } = totpBody.parse(req.body)
    const challenge = await db.session.findUnique({ where: { tokenHash: sha256(mfaToken) } })
    if (!challenge?.mfaPending || challenge.revokedAt || challenge.expiresAt < new Date()) {
      throw new DomainError('invalidToken', 'This sign-in step has expired; sign in again.')
    }
    const person = await db.person.findUniqueOrThrow({ where: { id: challenge.personId } })
    checkAccount(person)
    if (!person.totpSecret || !verifyTotp(await pii.decrypt(person.id, 'people.totp_secret', person.totpSecret), code)) {
      await recordFailure(db, req.ip ?? '', person.id)
      throw new DomainError('invalidTotp', 'The code is not correct. Use the current code from your authenticator app.')
    }
    await db.session.update({ where: { id: challenge.id }, data: { revokedAt: new Date() } })
    res.json(await signedIn(req, person.id, 'auth.login'))
  })

  router.post('/refresh', async (req, res) => {
    const { refreshToken } = z.object({ refreshToken: z.string().min(10).max(200) }).parse(req.body)
    const rotated = await rotateSession(db, refreshToken, ttl)
    res.json({ token: rotated.token, refreshToken: rotated.refreshToken, expiresAt: rotated.expiresAt, person: await loadPerson(db, rotated.personId) })
  })
  router.post('/logout', async (req, res) => {
    const token = bearer(req.get('authorization'))
    if (token) await db.session.updateMany({ where: { tokenHash: sha256(token), revokedAt: null }, data: { revokedAt: new Date() } })
    res.status(204).end()
  })
  router.get('/me', (req, res) => {
    if (!req.person) throw new DomainError('unauthenticated', 'Sign in first.')
    res.json({ person: req.person })
  })
  return router
}
