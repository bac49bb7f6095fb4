/** The compliance team's KYC queue: cases with their age, the provider's evidence, and the decide action (a workflow update). */
import { Router, type Request } from 'express'
import { z } from 'zod'
import type { Client } from '@temporalio/client'
import { WorkflowUpdateFailedError } from '@temporalio/client'
import type { Db } from '../../prisma/client.ts'
import type { PiiCipher } from '../../activities/identity/deps.ts'
import type { KycProvider } from '../../activities/kyc/provider.ts'
import { decideUpdate } from '../../workflows/verify-identity.contract.ts'
import { audit } from '../audit.ts'
import { authorize, brandScope } from '../authz.ts'
import { DomainError } from '../errors.ts'
import { listQuery, sendPage } from '../list-query.ts'

const STATUSES = ['awaiting_applicant', 'resubmission_requested', 'review', 'approved', 'declined', 'expired'] as const
const list = listQuery(['createdAt', 'updatedAt', 'status'], z.object({
  status: z.union([z.enum(STATUSES), z.array(z.enum(STATUSES))]).optional(), brand: z.string().optional(),
  purpose: z.enum(['creator', 'age']).optional(), olderThanHours: z.coerce.number().min(0).optional(), q: z.string().optional(),
}))
const decisionBody = z.object({ decision: z.enum(['approve', 'decline', 'request_resubmission']), reasonCode: z.string().regex(/^[A-Z_]{2,40}$/),
  reason: z.string().trim().min(3).max(2000) })

type CaseRow = Awaited<ReturnType<Db['kycCase']['findUniqueOrThrow']>>

export function createKycCaseRouter({ db, temporal, pii, provider }: { db: Db; temporal: Client; pii: PiiCipher; provider: KycProvider | null }): Router {
  const router = Router()
  const brands = async () => new Map((await db.brand.findMany()).map((b) => [b.id, b.slug]))
  const view = (c: CaseRow, slugs: Map<string, string>, people: Map<string, { email: string; displayName: string }>) => ({
    id: c.id, personId: c.personId, personEmail: people.get(c.personId)?.email ?? null, personDisplayName: people.get(c.personId)?.displayName ?? null,
    brand: slugs.get(c.brandId) ?? null, purpose: c.purpose, status: c.status, round: c.round, resubmissions: c.resubmissions,
    remindersSent: c.remindersSent, reasonCode: c.reasonCode, reason: c.reason, escalatedAt: c.escalatedAt, createdAt: c.createdAt,
    updatedAt: c.updatedAt, decidedAt: c.decidedAt, workflowId: c.workflowId, ageHours: Math.floor((Date.now() - c.createdAt.getTime()) / 3_600_000),
  })
  const load = async (req: Request) => {
    const c = await db.kycCase.findUnique({ where: { id: z.uuid().parse(req.params.id) } })
    const slugs = await brands()
    const scope = brandScope(req, 'kyc-cases', 'read')
    if (!c || (scope !== 'all' && !scope.includes(slugs.get(c.brandId) ?? ''))) throw new DomainError('notFound', 'No such case.')
    return { c, slugs }
  }

  /** The queue: filter by status, brand, purpose and age; only the brands the operator is granted. */
  router.get('/kyc-cases', authorize('kyc-cases', 'read'), async (req, res) => {
    const q = list.parse(req.query)
    const f = q.filter as z.infer<typeof list>['filter'] & { status?: string | string[]; brand?: string; purpose?: string; olderThanHours?: number }
    const slugs = await brands()
    const scope = brandScope(req, 'kyc-cases', 'read')
    const allowedIds = [...slugs].filter(([, s]) => (scope === 'all' || scope.includes(s)) && (!f.brand || f.brand === s)).map(([id]) => id)
    const where = { brandId: { in: allowedIds }, ...(f.status ? { status: { in: ([] as string[]).concat(f.status) } } : {}),
      ...(f.purpose ? { purpose: f.purpose } : {}),
      ...(f.olderThanHours !== undefined ? { createdAt: { lte: new Date(Date.now() - f.olderThanHours * 3_600_000) } } : {}) }
    const orderBy = req.query.sort ? q.orderBy : { createdAt: 'asc' as const }
    const [rows, total] = await Promise.all([db.kycCase.findMany({ where, orderBy, skip: q.skip, take: q.take }), db.kycCase.count({ where })])
    const people = new Map((await db.person.findMany({ where: { id: { in: rows.map((r) => r.personId) } } })).map((p) => [p.id, p]))
    sendPage(res, 'kyc-cases', q.skip, rows.map((r) => view(r, slugs, people)), total)
  })

  /** One case with the provider's evidence (decrypted for the compliance team) and its media. */
  router.get('/kyc-cases/:id', authorize('kyc-cases', 'read'), async (req, res) => {
    const { c, slugs } = await load(req)
    const person = await db.person.findUnique({ where: { id: c.personId } })
    const evidence = c.evidence ? JSON.parse(await pii.decrypt(c.personId, 'kyc_cases.evidence', c.evidence)) as unknown : null
    const media = provider && c.providerSessionId ? await provider.listMedia(c.providerSessionId).catch(() => []) : []
    await audit(db, req, { action: 'kyc_case.view', resourceType: 'kyc_case', resourceId: c.id })
    res.json({ ...view(c, slugs, new Map(person ? [[person.id, person]] : [])), evidence,
      media: media.map((m) => ({ mediaId: m.mediaId, kind: m.kind, contentType: m.contentType, url: `/api/kyc-cases/${c.id}/media/${m.mediaId}` })) })
  })

  /** One image of the case (document, face), fetched from the provider for the reviewer. */
  router.get('/kyc-cases/:id/media/:mediaId', authorize('kyc-cases', 'read'), async (req, res) => {
    const { c } = await load(req)
    const mediaId = z.string().min(1).max(100).parse(req.params.mediaId)
    const known = provider && c.providerSessionId ? await provider.listMedia(c.providerSessionId) : []
    if (!provider || !known.some((m) => m.mediaId === mediaId)) throw new DomainError('notFound', 'No such image on this case.')
    const file = await provider.downloadMedia(mediaId)
    res.type(file.contentType).set('Cache-Control', 'no-store').send(Buffer.from(file.bytes))
  })

  /** A compliance decision: sent to the case's workflow as an update, so its history is part of the audit trail. */
  router.post('/kyc-cases/:id/decision', authorize('kyc-cases', 'decide'), async (req, res) => {
    const { c, slugs } = await load(req)
    const brand = slugs.get(c.brandId) ?? ''
    if (!brandScope(req, 'kyc-cases', 'decide').includes(brand) && brandScope(req, 'kyc-cases', 'decide') !== 'all') {
      throw new DomainError('forbidden', `You may not decide cases on ${brand}.`)
    }
    const body = decisionBody.parse(req.body)
    if (!['awaiting_applicant', 'resubmission_requested', 'review'].includes(c.status)) throw new DomainError('caseClosed', `This case is ${c.status}.`)
    const state = await temporal.workflow.getHandle(c.workflowId).executeUpdate(decideUpdate, { args: [{ ...body, operatorId: req.person!.id }] })
      .catch((err: unknown) => {
        if (err instanceof WorkflowUpdateFailedError) throw new DomainError('caseNotInReview', err.cause?.message ?? err.message)
        throw err
      })
    await audit(db, req, { action: `kyc_case.${body.decision}`, resourceType: 'kyc_case', resourceId: c.id, reason: `${body.reasonCode}: ${body.reason}`,
      workflowId: c.workflowId })
    res.json(state)
  })
  return router
}
