/** Sessions: password login (argon2id), opaque bearer tokens stored only as SHA-256, role checks. */
import { createHash, randomBytes } from 'node:crypto'
import { Router, type RequestHandler } from 'express'
import { hash, verify } from '@node-rs/argon2'
import { z } from 'zod'
import type { Db } from '../prisma/client.ts'
import { audit } from './audit.ts'
import { DomainError } from './errors.ts'

export type RoleName = 'fan' | 'creator' | 'moderator' | 'compliance' | 'finance' | 'admin'
export type AuthPerson = { id: string; email: string; displayName: string; roles: { role: RoleName; brandSlug: string | null }[] }

declare module 'express-serve-static-core' {
  interface Request { person?: AuthPerson }
}

const loginBody = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(1024) })
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

async function loadPerson(db: Db, id: string): Promise<AuthPerson | null> {
  const p = await db.person.findUnique({ where: { id }, include: { roleGrants: { include: { brand: true } } } })
  if (!p) return null
  return { id: p.id, email: p.email, displayName: p.displayName,
    roles: p.roleGrants.map((g) => ({ role: g.role, brandSlug: g.brand?.slug ?? null })) }
}

/** Attaches req.person when a valid bearer token is present; never rejects on its own. */
export function sessionMiddleware(db: Db): RequestHandler {
  return async (req, _res, next) => {
    const token = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1]
    if (!token) return next()
    const session = await db.session.findUnique({ where: { tokenHash: sha256(token) } })
    if (session && !session.revokedAt && session.expiresAt > new Date()) req.person = (await loadPerson(db, session.personId)) ?? undefined
    next()
  }
}

/** Requires a signed-in person holding one of the roles (on any brand, or every brand for admin). */
export const requireRole = (...roles: RoleName[]): RequestHandler => (req, _res, next) => {
  if (!req.person) return next(new DomainError('unauthenticated', 'Sign in first.'))
  const held = req.person.roles.some((r) => r.role === 'admin' || roles.includes(r.role))
  next(held ? undefined : new DomainError('forbidden', `This needs one of the roles: ${roles.join(', ')}.`))
}

/** Login, logout and the current person. */
export function createAuthRouter({ db, sessionTtlMinutes }: { db: Db; sessionTtlMinutes: number }): Router {
  const router = Router()
  // Verifying against a real hash when the email is unknown keeps timing from revealing which emails exist.
  const dummyHash = hash(randomBytes(16).toString('hex'), { algorithm: 2 })
  router.post('/login', async (req, res) => {
    const { email, password } = loginBody.parse(req.body)
    const person = await db.person.findUnique({ where: { email } })
    const valid = await verify(person?.passwordHash ?? (await dummyHash), password).catch(() => false)
    if (!person || !valid) throw new DomainError('invalidCredentials', 'Email or password is not correct.')
    const token = randomBytes(32).toString('base64url')
    await db.session.create({ data: { tokenHash: sha256(token), personId: person.id,
      expiresAt: new Date(Date.now() + sessionTtlMinutes * 60_000) } })
    const profile = await loadPerson(db, person.id)
    await audit(db, req, { action: 'auth.login', resourceType: 'person', resourceId: person.id }, profile)
    res.json({ token, person: profile })
  })
  router.post('/logout', async (req, res) => {
    const token = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1]
    if (token) await db.session.updateMany({ where: { tokenHash: sha256(token), revokedAt: null }, data: { revokedAt: new Date() } })
    res.status(204).end()
  })
  router.get('/me', (req, res) => {
    if (!req.person) throw new DomainError('unauthenticated', 'Sign in first.')
    res.json({ person: req.person })
  })
  return router
}
