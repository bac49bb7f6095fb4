/** Fan signup: checks age and jurisdiction, creates the pending account and starts its signupFan workflow; verification links. */
import { randomUUID } from 'node:crypto'
import { Router } from 'express'
import { hash } from '@node-rs/argon2'
import { z } from 'zod'
import type { Client } from '@temporalio/client'
import type { Db } from '../../prisma/client.ts'
import { isBrandSlug } from '../../domain/brands.ts'
import { resolveAgePolicy } from '../../domain/identity/age-policy.ts'
import { checkAdult, parseDateOfBirth } from '../../domain/identity/date-of-birth.ts'
import { signupFan } from '../../workflows/signup-fan.ts'
import { emailVerifiedSignal, resendVerificationSignal, signupFanTaskQueue, signupFanWorkflowId, signupStateQuery,
  type SignupFanInput } from '../../workflows/signup-fan.contract.ts'
import { DEFAULT_KYC_TIMINGS } from '../../workflows/verify-identity.contract.ts'
import { audit } from '../audit.ts'
import { DomainError } from '../errors.ts'
import { identityError } from '../identity-errors.ts'
import { sha256 } from '../sessions.ts'
import { handleSchema, passwordSchema } from './account-security.ts'

const accepted = z.literal(true, { error: 'must be accepted' })
const signupBody = z.object({
  brand: z.string().refine(isBrandSlug, 'unknown brand'),
  email: z.string().trim().toLowerCase().email().max(254),
  password: passwordSchema,
  displayName: z.string().trim().min(1).max(80),
  handle: handleSchema,
  dateOfBirth: z.string().max(32),
  country: z.string().trim().toUpperCase().max(3),
  region: z.string().trim().toUpperCase().max(10).optional(),
  acceptTerms: accepted, acceptPrivacy: accepted, attestAdult: accepted,
})
const CONSENTS = [{ kind: 'terms', version: '2026-01' }, { kind: 'privacy', version: '2026-01' }, { kind: 'age_attestation', version: '2026-01' }]

export function createSignupRouter({ db, temporal }: { db: Db; temporal: Client }): Router {
  const router = Router()

  /** Signs a fan up (202 + Location of the signup): nothing is created when any check fails. */
  router.post('/auth/signup', async (req, res) => {
    const body = signupBody.parse(req.body)
    const now = new Date()
    const policy = identityError(() => resolveAgePolicy({ country: body.country, region: body.region, at: now }))
    if (policy.assurance === 'blocked') throw new DomainError('jurisdictionBlocked', 'We cannot offer this service where you live.', { ruleId: policy.ruleId })
    const adult = checkAdult(identityError(() => parseDateOfBirth(body.dateOfBirth, now)), policy.minimumAge, now)
    if (!adult.ok) throw new DomainError('underage', adult.message)
    if (await db.person.findUnique({ where: { email: body.email } })) {
      throw new DomainError('emailTaken', 'An account already uses this email address. Sign in, or reset your password.')
    }
    const brand = await db.brand.findUniqueOrThrow({ where: { slug: body.brand } })
    if (await db.persona.findUnique({ where: { brandId_handle: { brandId: brand.id, handle: body.handle } } })) {
      throw new DomainError('handleTaken', `The handle ${body.handle} is taken on ${brand.name}.`)
    }
    const personId = randomUUID()
    const assurance = policy.assurance === 'verified_age' ? 'verified_age' : 'self_declaration'
    await db.person.create({ data: { id: personId, email: body.email, displayName: body.displayName, status: 'pending', country: body.country,
      region: body.region ?? null, ageAssurance: assurance === 'verified_age' ? null : 'self_declaration',
      passwordHash: await hash(body.password, { algorithm: 2 }),
      personas: { create: [{ brandId: brand.id, kind: 'fan', handle: body.handle }] },
      consents: { create: CONSENTS.map((c) => ({ ...c, brandId: brand.id, requestId: String(req.id ?? '') })) } } })
    const input: SignupFanInput = { personId, brandSlug: body.brand, assurance, tokenTtlHours: 24, expiryDays: 7, maxResends: 5, kyc: DEFAULT_KYC_TIMINGS }
    const handle = await temporal.workflow.start(signupFan, { workflowId: signupFanWorkflowId(personId), taskQueue: signupFanTaskQueue, args: [input] })
      .catch(async (err: unknown) => { await db.person.delete({ where: { id: personId } }); throw err })
    await audit(db, req, { action: 'signup.start', resourceType: 'person', resourceId: personId, workflowId: handle.workflowId,
      runId: handle.firstExecutionRunId, details: { brand: body.brand, country: body.country, region: body.region ?? null, ageRule: policy.ruleId } }, null)
    res.status(202).location(`/api/signups/${personId}`).json({ personId, workflowId: handle.workflowId, assurance })
  })

  /** A signup's live state, from its workflow. */
  router.get('/signups/:personId', async (req, res) => {
    const { personId } = z.object({ personId: z.uuid() }).parse(req.params)
    const state = await temporal.workflow.getHandle(signupFanWorkflowId(personId)).query(signupStateQuery)
    // where the law requires a verified age, the fan continues at the provider's hosted page
    const ageCase = state.ageCaseId ? await db.kycCase.findUnique({ where: { id: state.ageCaseId } }) : null
    res.json({ ...state, ageCheckUrl: state.status === 'age_verification' ? ageCase?.hostedUrl ?? null : null })
  })

  /** Confirms an email address from the mailed link and tells the signup workflow. */
  router.post('/auth/verify-email', async (req, res) => {
    const { token } = z.object({ token: z.string().min(10).max(200) }).parse(req.body)
    const row = await db.emailToken.findUnique({ where: { tokenHash: sha256(token) } })
    if (!row || row.purpose !== 'verify_email' || row.usedAt) throw new DomainError('invalidToken', 'This link is not valid any more; ask for a new one.')
    if (row.expiresAt < new Date()) throw new DomainError('tokenExpired', 'This link has expired; ask for a new one.')
    await db.$transaction([
      db.emailToken.update({ where: { id: row.id }, data: { usedAt: new Date() } }),
      db.person.update({ where: { id: row.personId }, data: { emailVerifiedAt: new Date() } }),
    ])
    await temporal.workflow.getHandle(signupFanWorkflowId(row.personId)).signal(emailVerifiedSignal)
    res.json({ personId: row.personId, emailVerified: true })
  })

  /** Asks for a new verification mail; answers the same whether or not the address has a pending signup. */
  router.post('/auth/resend-verification', async (req, res) => {
    const { email } = z.object({ email: z.string().trim().toLowerCase().email() }).parse(req.body)
    const p = await db.person.findUnique({ where: { email } })
    if (p?.status === 'pending') await temporal.workflow.getHandle(signupFanWorkflowId(p.id)).signal(resendVerificationSignal).catch(() => undefined)
    res.status(202).json({ message: 'If a signup with this address is waiting, a new link is on its way.' })
  })
  return router
}
