/** Account security: TOTP two-factor enrolment and password reset by mail. */
import { randomBytes } from 'node:crypto'
import { Router } from 'express'
import { hash } from '@node-rs/argon2'
import { z } from 'zod'
import type { Db } from '../../prisma/client.ts'
import type { MailSender, PiiCipher } from '../../activities/identity/deps.ts'
import { isBrandSlug } from '../../domain/brands.ts'
import { audit } from '../audit.ts'
import { signedInId } from '../auth.ts'
import { DomainError } from '../errors.ts'
import { sha256 } from '../sessions.ts'
import { newTotpSecret, verifyTotp } from '../totp.ts'

export const passwordSchema = z.string().min(10, 'at least 10 characters').max(1024)
/** A fan or creator handle, unique per brand. */
export const handleSchema = z.string().trim().toLowerCase().regex(/^[a-z0-9_]{3,30}$/, '3-30 letters, digits or _')
const code = z.object({ code: z.string().regex(/^\d{6}$/, 'six digits') })
const RESET_TTL_MINUTES = 60

export function createAccountSecurityRouter({ db, pii, sendMail, publicUrl }: { db: Db; pii: PiiCipher; sendMail: MailSender; publicUrl: string }): Router {
  const router = Router()
  const secretOf = async (personId: string) => {
    const p = await db.person.findUniqueOrThrow({ where: { id: personId } })
    return { p, secret: p.totpSecret ? await pii.decrypt(p.id, 'people.totp_secret', p.totpSecret) : null }
  }

  /** Starts enrolment: a new secret, stored encrypted, not yet required until confirmed with a code. */
  router.post('/auth/totp/setup', async (req, res) => {
    const { p } = await secretOf(signedInId(req))
    if (p.totpEnabledAt) throw new DomainError('conflict', 'Two-factor sign-in is already on; turn it off first to change it.')
    const { secret, otpauthUrl } = newTotpSecret(p.email)
    await db.person.update({ where: { id: p.id }, data: { totpSecret: await pii.encrypt(p.id, 'people.totp_secret', secret) } })
    res.json({ secret, otpauthUrl })
  })
  /** Turns two-factor sign-in on once a code from the app proves the secret was saved. */
  router.post('/auth/totp/enable', async (req, res) => {
    const { p, secret } = await secretOf(signedInId(req))
    if (!secret || !verifyTotp(secret, code.parse(req.body).code)) throw new DomainError('invalidTotp', 'The code is not correct.')
    await db.person.update({ where: { id: p.id }, data: { totpEnabledAt: new Date() } })
    await audit(db, req, { action: 'auth.totp.enable', resourceType: 'person', resourceId: p.id })
    res.json({ enabled: true })
  })
  router.post('/auth/totp/disable', async (req, res) => {
    const { p, secret } = await secretOf(signedInId(req))
    if (!secret || !verifyTotp(secret, code.parse(req.body).code)) throw new DomainError('invalidTotp', 'The code is not correct.')
    await db.person.update({ where: { id: p.id }, data: { totpEnabledAt: null, totpSecret: null } })
    await audit(db, req, { action: 'auth.totp.disable', resourceType: 'person', resourceId: p.id })
    res.json({ enabled: false })
  })

  /** Mails a reset link when the address belongs to an account; the answer is the same either way. */
  router.post('/auth/password-reset', async (req, res) => {
    const { email, brand } = z.object({ email: z.string().trim().toLowerCase().email(), brand: z.string().refine(isBrandSlug, 'unknown brand').default('fanzlab') })
      .parse(req.body)
    const p = await db.person.findUnique({ where: { email } })
    if (p && p.status === 'active') {
      const token = randomBytes(24).toString('base64url')
      const row = await db.emailToken.create({ data: { personId: p.id, purpose: 'reset_password', tokenHash: sha256(token),
        expiresAt: new Date(Date.now() + RESET_TTL_MINUTES * 60_000) } })
      // a mail failure is logged, not answered: the reply must not tell which addresses have accounts
      await sendMail({ idempotencyKey: `password-reset:${row.id}`, to: p.email, template: 'passwordReset',
        data: { brand, name: p.displayName, link: `${publicUrl}/${brand}/reset-password?token=${token}`, expiresAt: row.expiresAt.toISOString() } })
        .catch((err: unknown) => req.log.error({ err }, 'password reset mail not sent'))
    }
    res.status(202).json({ message: 'If an account uses this address, a reset link is on its way.' })
  })
  /** Sets a new password from a mailed token; every session is signed out and a lockout is lifted. */
  router.post('/auth/password-reset/confirm', async (req, res) => {
    const body = z.object({ token: z.string().min(10).max(200), password: passwordSchema }).parse(req.body)
    const row = await db.emailToken.findUnique({ where: { tokenHash: sha256(body.token) } })
    if (!row || row.purpose !== 'reset_password' || row.usedAt) throw new DomainError('invalidToken', 'This reset link is not valid; ask for a new one.')
    if (row.expiresAt < new Date()) throw new DomainError('tokenExpired', 'This reset link has expired; ask for a new one.')
    const passwordHash = await hash(body.password, { algorithm: 2 })
    await db.$transaction([
      db.emailToken.update({ where: { id: row.id }, data: { usedAt: new Date() } }),
      db.person.update({ where: { id: row.personId }, data: { passwordHash, failedLogins: 0, lockedUntil: null } }),
      db.session.updateMany({ where: { personId: row.personId, revokedAt: null }, data: { revokedAt: new Date() } }),
    ])
    await audit(db, req, { action: 'auth.password.reset', resourceType: 'person', resourceId: row.personId }, null)
    res.json({ reset: true })
  })
  return router
}
