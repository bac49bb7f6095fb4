/** Creator onboarding: declared identity and signed model release, then the verifyIdentity workflow with the KYC provider. */
import { randomUUID } from 'node:crypto'
import { Router } from 'express'
import { z } from 'zod'
import type { Client } from '@temporalio/client'
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client'
import type { Db } from '../../prisma/client.ts'
import type { PiiCipher } from '../../activities/identity/deps.ts'
import { isBrandSlug } from '../../domain/brands.ts'
import { verifyIdentity } from '../../workflows/verify-identity.ts'
import { DEFAULT_KYC_TIMINGS, verifyIdentityTaskQueue, verifyIdentityWorkflowId } from '../../workflows/verify-identity.contract.ts'
import { audit } from '../audit.ts'
import { signedInId } from '../auth.ts'
import { handleSchema } from './account-security.ts'
import { DomainError } from '../errors.ts'

const name = z.string().trim().min(1).max(80)
const body = z.object({
  brand: z.string().refine(isBrandSlug, 'unknown brand'),
  handle: handleSchema,
  legalFirstName: name, legalLastName: name,
  stageNames: z.array(name).max(10).default([]),
  release: z.object({ version: z.string().min(1), signatureName: name, agreed: z.literal(true, { error: 'the release must be agreed to' }) }),
})
const OPEN = ['awaiting_applicant', 'resubmission_requested', 'review']

export function createOnboardingRouter({ db, temporal, pii }: { db: Db; temporal: Client; pii: PiiCipher }): Router {
  const router = Router()

  /** The current model release text, which creators sign before verification. */
  router.get('/model-release', async (_req, res) => {
    const r = await db.modelReleaseVersion.findFirst({ where: { effectiveAt: { lte: new Date() } }, orderBy: { effectiveAt: 'desc' } })
    if (!r) throw new DomainError('notFound', 'No model release is in force.')
    res.json({ version: r.version, body: r.body, sha256: r.sha256 })
  })

  /** Starts creator onboarding (202): reserves the handle, keeps the declared names and release signature encrypted, starts verification. */
  router.post('/creator-onboarding', async (req, res) => {
    const personId = signedInId(req)
    const input = body.parse(req.body)
    const brand = await db.brand.findUniqueOrThrow({ where: { slug: input.brand } })
    if (await db.roleGrant.findFirst({ where: { personId, role: 'creator', brandId: brand.id } })) {
      throw new DomainError('alreadyCreator', `You are already a creator on ${brand.name}.`)
    }
    if (await db.kycCase.findFirst({ where: { personId, purpose: 'creator', status: { in: OPEN } } })) {
      throw new DomainError('verificationInProgress', 'Your identity check is already in progress.')
    }
    const release = await db.modelReleaseVersion.findUnique({ where: { version: input.release.version } })
    if (!release) throw new DomainError('validation', `Unknown model release version ${input.release.version}.`)
    const taken = await db.persona.findUnique({ where: { brandId_handle: { brandId: brand.id, handle: input.handle } } })
    if (taken && !(taken.personId === personId && taken.kind === 'creator')) throw new DomainError('handleTaken', `The handle ${input.handle} is taken on ${brand.name}.`)
    const caseId = randomUUID()
    const workflowId = verifyIdentityWorkflowId('creator', personId)
    const enc = (column: string, value: string) => pii.encrypt(personId, `kyc_cases.${column}`, value)
    const signedAt = new Date().toISOString()
    await db.$transaction([
      ...(taken ? [] : [db.persona.create({ data: { personId, brandId: brand.id, kind: 'creator', handle: input.handle } })]),
      db.consent.upsert({ where: { personId_brandId_kind_version: { personId, brandId: brand.id, kind: 'model_release', version: release.version } },
        create: { personId, brandId: brand.id, kind: 'model_release', version: release.version, requestId: String(req.id ?? '') }, update: {} }),
      db.kycCase.create({ data: { id: caseId, personId, brandId: brand.id, purpose: 'creator', workflowId, status: 'awaiting_applicant', provider: 'veriff',
        evidence: await enc('evidence', JSON.stringify({ declared: { firstName: input.legalFirstName, lastName: input.legalLastName } })),
        aliases: await enc('aliases', JSON.stringify(input.stageNames)), releaseVersion: release.version,
        releaseSignature: await enc('release_signature', JSON.stringify({ name: input.release.signatureName, signedAt, sha256: release.sha256 })) } }),
    ])
    const handle = await temporal.workflow.start(verifyIdentity, { workflowId, taskQueue: verifyIdentityTaskQueue,
      args: [{ personId, brandSlug: input.brand, purpose: 'creator', timings: DEFAULT_KYC_TIMINGS, round: 1, caseId }] })
      .catch(async (err: unknown) => {
        await db.kycCase.delete({ where: { id: caseId } })
        if (err instanceof WorkflowExecutionAlreadyStartedError) throw new DomainError('verificationInProgress', 'Your identity check is already in progress.')
        throw err
      })
    await audit(db, req, { action: 'creator.onboarding.start', resourceType: 'kyc_case', resourceId: caseId, workflowId, runId: handle.firstExecutionRunId })
    res.status(202).location(`/api/creator-onboarding?brand=${input.brand}`).json({ caseId, workflowId })
  })

  /** The signed-in person's latest creator verification case. */
  router.get('/creator-onboarding', async (req, res) => {
    const personId = signedInId(req)
    const c = await db.kycCase.findFirst({ where: { personId, purpose: 'creator' }, orderBy: { createdAt: 'desc' } })
    if (!c) throw new DomainError('notFound', 'You have not started creator onboarding.')
    res.json({ caseId: c.id, status: c.status, hostedUrl: c.hostedUrl, resubmissions: c.resubmissions, remindersSent: c.remindersSent,
      reasonCode: c.reasonCode, reason: c.reason, updatedAt: c.updatedAt.toISOString(), workflowId: c.workflowId })
  })
  return router
}
