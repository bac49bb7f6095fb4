/** Activities on people: verification mail, activation, closing a signup, mail by person id (no address in histories). */
import { createHash } from 'node:crypto'
import { ApplicationFailure } from '@temporalio/activity'
import { BRANDS, isBrandSlug } from '../../domain/brands.ts'
import type { IdentityDeps } from './deps.ts'

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

export function createPeopleActivities({ db, sendMail, publicUrl, pii }: IdentityDeps) {
  const brandName = (slug: string) => (isBrandSlug(slug) ? BRANDS[slug].name : slug)
  const person = async (personId: string) => {
    const p = await db.person.findUnique({ where: { id: personId } })
    if (!p) throw ApplicationFailure.nonRetryable(`no person ${personId}`, 'PERSON_NOT_FOUND')
    return p
  }

  return {
    /** Mails a fresh single-use verification link; earlier unused links stop working. Keyed: a retry reuses the same token. */
    async sendVerificationEmail(input: { idempotencyKey: string; personId: string; brandSlug: string; ttlHours: number }) {
      const p = await person(input.personId)
      // the token is a keyed hash of the idempotency key: a retried activity mails the same link, never a dead one
      const token = pii.blindIndex('email_tokens.token', input.idempotencyKey).replace(/^[^.]*\./, '')
      const id = toUuid(sha256(`email-token:${input.idempotencyKey}`))
      const existing = await db.emailToken.findUnique({ where: { id } })
      const expiresAt = existing?.expiresAt ?? new Date(Date.now() + input.ttlHours * 3_600_000)
      await db.$transaction([
        db.emailToken.updateMany({ where: { personId: p.id, purpose: 'verify_email', usedAt: null, NOT: { id } }, data: { usedAt: new Date() } }),
        db.emailToken.upsert({ where: { id }, create: { id, personId: p.id, purpose: 'verify_email', tokenHash: sha256(token), expiresAt }, update: {} }),
      ])
      const link = `${publicUrl}/${input.brandSlug}/verify-email?token=${token}`
      await sendMail({ idempotencyKey: input.idempotencyKey, to: p.email, template: 'verifyEmail',
        data: { brand: brandName(input.brandSlug), name: p.displayName, link, token, expiresAt: expiresAt.toISOString() } })
      return { expiresAt: expiresAt.toISOString() }
    },

    /** Makes a fan account usable on the brand: status active, the fan role and persona there. */
    async activateFan(input: { personId: string; brandSlug: string }) {
      const brand = await db.brand.findUniqueOrThrow({ where: { slug: input.brandSlug } })
      await db.$transaction([
        db.person.update({ where: { id: input.personId }, data: { status: 'active' } }),
        db.roleGrant.upsert({ where: { personId_role_brandId: { personId: input.personId, role: 'fan', brandId: brand.id } },
          create: { personId: input.personId, role: 'fan', brandId: brand.id }, update: {} }),
      ])
    },

    /** Ends a signup that was not completed (expired) or was refused (declined); the person row stays as evidence. */
    async closeSignup(input: { personId: string; status: 'expired' | 'declined' }) {
      await db.person.updateMany({ where: { id: input.personId, status: 'pending' }, data: { status: input.status === 'expired' ? 'expired' : 'suspended' } })
      await db.session.updateMany({ where: { personId: input.personId, revokedAt: null }, data: { revokedAt: new Date() } })
    },

    /** Mails a person by id, so their address never enters a workflow history. */
    async sendPersonMail(input: { idempotencyKey: string; personId: string; brandSlug: string; template: string; data: Record<string, string> }) {
      const p = await person(input.personId)
      await sendMail({ idempotencyKey: input.idempotencyKey, to: p.email, template: input.template,
        data: { ...input.data, brand: brandName(input.brandSlug), name: p.displayName, link: input.data.hostedUrl || `${publicUrl}/${input.brandSlug}` } })
    },
  }
}

/** A UUID made from 32 hex digits, for rows whose id is derived from an idempotency key. */
const toUuid = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
