/**
 * Data subject requests: the fan's privacy center (/me/privacy-requests) and the compliance back office
 * (/privacy-requests, /legal-holds). Each request is one dataSubjectRequest workflow; the routes record the request,
 * verify the requester and hand the workflow its signals.
 */
import { randomInt, randomUUID } from 'node:crypto'
import { Router, type Request } from 'express'
import { ApplicationFailure, WorkflowUpdateFailedError, type Client } from '@temporalio/client'
import { z } from 'zod'
import type pg from 'pg'
import { Prisma } from '../../generated/prisma/client.ts'
import type { Db } from '../../prisma/client.ts'
import type { MailSender, PiiCipher } from '../../activities/identity/deps.ts'
import type { StorageClient } from '../../activities/storage/client.ts'
import { holdsOf } from '../../activities/privacy/hold-facts.ts'
import type { ReceiptSigner } from '../../activities/privacy/receipt-signing.ts'
import { BRANDS } from '../../domain/brands.ts'
import { BUCKETS } from '../../domain/storage.ts'
import { daysLeft, initialDeadline, jurisdictionFor, type Jurisdiction } from '../../domain/privacy/clock.ts'
import {
  dsrExtendUpdate, dsrHoldsChangedSignal, dsrRejectUpdate, dsrVerifiedSignal, dsrWorkflowId,
} from '../../workflows/data-subject-request.contract.ts'
import { TASK_QUEUES } from '../../workflows/task-queues.ts'
import { audit } from '../audit.ts'
import { authorize, brandScope } from '../authz.ts'
import { bearer, signedInId } from '../auth.ts'
import { sha256 } from '../sessions.ts'
import { DomainError } from '../errors.ts'
import { listQuery, sendPage } from '../list-query.ts'

export type PrivacyRouterDeps = { db: Db; pool: pg.Pool; temporal: Client; storage: StorageClient; pii: PiiCipher; sendMail: MailSender
  signer: ReceiptSigner; publicUrl: string }

/** A session this fresh proves the requester holds the account (access and rectification); erasure always takes the mailed code. */
export const FRESH_SIGN_IN_MINUTES = 30
const CODE_MINUTES = 30
const MAX_CODE_ATTEMPTS = 5
const OPEN = ['AWAITING_VERIFICATION', 'IN_PROGRESS', 'WAITING_ON_HOLD']

const KINDS = ['access', 'erasure', 'rectification'] as const
const brandSlug = z.string().refine((s) => Object.values(BRANDS).some((b) => b.slug === s), 'unknown brand')
const id = z.uuid('id must be a UUID')
const codeHash = (requestId: string, code: string) => sha256(`${requestId}:${code}`)
const maskEmail = (email: string) => email.replace(/^(.)[^@]*(@.*)$/, '$1***$2')

const fanBody = z.object({
  kind: z.enum(KINDS), brand: brandSlug,
  rectification: z.object({ displayName: z.string().trim().min(1).max(60) }).strict().optional(),
}).strict().refine((b) => b.kind !== 'rectification' || b.rectification, { message: 'say what to correct', path: ['rectification'] })

const staffBody = z.object({
  email: z.string().trim().toLowerCase().email(), kind: z.enum(KINDS), brand: brandSlug, jurisdiction: z.enum(['GDPR', 'CCPA']).optional(),
  verificationNote: z.string().trim().min(10, 'say how the requester was verified').max(1000),
  agent: z.object({ name: z.string().trim().min(2).max(200), relationship: z.string().trim().min(2).max(200),
    proof: z.object({ fileName: z.string().trim().min(1).max(200), contentType: z.string().min(3).max(100), base64: z.string().min(4).max(1_400_000) }).optional() }).optional(),
  rectification: z.object({ displayName: z.string().trim().min(1).max(60) }).strict().optional(),
}).strict()

const list = listQuery(['dueAt', 'receivedAt'], z.object({
  status: z.enum(['AWAITING_VERIFICATION', 'IN_PROGRESS', 'WAITING_ON_HOLD', 'COMPLETED', 'REJECTED']).optional(), kind: z.enum(KINDS).optional(),
  jurisdiction: z.enum(['GDPR', 'CCPA']).optional(), personId: z.uuid().optional(), overdue: z.boolean().optional(), q: z.string().optional(),
}))
const holdList = listQuery(['setAt', 'until'], z.object({ personId: z.uuid().optional(), kind: z.literal('litigation').optional(), active: z.boolean().optional() }))

type RequestRow = Prisma.DsrRequestGetPayload<{ include: { steps: true } }>

/** A request as the privacy center and the back office see it. */
function view(r: RequestRow, now = new Date()) {
  const open = OPEN.includes(r.status)
  const agent = r.agent as { name: string; relationship: string } | null
  return {
    id: r.id, personId: r.personId, brand: r.brand, kind: r.kind, jurisdiction: r.jurisdiction, status: r.status, channel: r.channel,
    verification: r.verification, verificationMethod: r.verificationMethod, receivedAt: r.receivedAt, dueAt: r.dueAt,
    daysLeft: open && r.status !== 'WAITING_ON_HOLD' ? daysLeft(r.dueAt, now) : null,
    extensions: r.extensions, escalatedAt: r.escalatedAt, completedAt: r.completedAt, rejectedReason: r.rejectedReason,
    agent: agent ? { name: agent.name, relationship: agent.relationship } : null, workflowId: r.workflowId,
    steps: [...r.steps].sort((a, b) => a.system.localeCompare(b.system))
      .map((s) => ({ system: s.system, status: s.status, erased: s.erased, withheld: s.withheld, finishedAt: s.finishedAt })),
    download: r.kind === 'access' ? { available: Boolean(r.archiveKey && r.downloadExpiresAt && r.downloadExpiresAt > now), expiresAt: r.downloadExpiresAt,
      bytes: r.archiveBytes?.toString() ?? null } : null,
    receipt: r.receiptIssuedAt ? { issuedAt: r.receiptIssuedAt, signature: r.receiptSignature, keyId: r.receiptKeyId } : null,
  }
}

/** An update the workflow refused, as the API's answer. */
function refusal(err: unknown): unknown {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const type = err.cause.type ?? ''
    if (type === 'REQUEST_CLOSED') return new DomainError('requestClosed', err.cause.message)
    if (type === 'VALIDATION_FAILED') return new DomainError('validation', err.cause.message)
    if (type.startsWith('EXTENSION_')) return new DomainError('extensionNotAllowed', err.cause.message, { reason: type })
  }
  return err
}

export function createPrivacyRouter(deps: PrivacyRouterDeps): Router {
  const { db, temporal, pii } = deps
  const router = Router()
  const read = authorize('privacy-requests', 'read')
  const manage = authorize('privacy-requests', 'manage')
  const holdsRead = authorize('legal-holds', 'read')
  const holdsManage = authorize('legal-holds', 'manage')
  const load = (requestId: string) => db.dsrRequest.findUnique({ where: { id: requestId }, include: { steps: true } })
  /** Compliance staff of some brands see and act on those brands' requests; the hold registry is the all-brand team's. */
  const inScope = (req: Request, action: 'read' | 'manage', brand: string) => {
    const scope = brandScope(req, 'privacy-requests', action)
    return scope === 'all' || scope.includes(brand)
  }
  const allBrands = (req: Request, action: 'read' | 'manage') => {
    if (brandScope(req, 'legal-holds', action) !== 'all') throw new DomainError('forbidden', 'Legal holds are kept by the compliance team of every brand.')
  }

  /** When the bearer's login (the first session of its refresh family) began. */
  async function signedInAt(req: Request): Promise<Date | null> {
    const token = bearer(req.get('authorization'))
    if (!token) return null
    const s = await db.session.findUnique({ where: { tokenHash: sha256(token) } })
    if (!s) return null
    if (!s.familyId) return s.createdAt
    const first = await db.session.findFirst({ where: { familyId: s.familyId }, orderBy: { createdAt: 'asc' } })
    return first?.createdAt ?? s.createdAt
  }

  async function mailCode(r: { id: string; brand: string; kind: string }, email: string): Promise<void> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    const expiresAt = new Date(Date.now() + CODE_MINUTES * 60_000)
    await db.dsrRequest.update({ where: { id: r.id }, data: { codeHash: codeHash(r.id, code), codeExpiresAt: expiresAt } })
    await deps.sendMail({ idempotencyKey: `dsr-${r.id}-code-${expiresAt.getTime()}`, to: email, template: 'privacyCode',
      data: { brand: r.brand, kind: r.kind, code, expiresAt: expiresAt.toISOString(), link: `${deps.publicUrl.replace(/\/$/, '')}/${r.brand}/account/privacy` } })
  }

  /** Records a request and starts its workflow; one open request per person and kind. */
  async function open(input: { personId: string; email: string; brand: string; kind: typeof KINDS[number]; jurisdiction: Jurisdiction; channel: 'privacy_center' | 'back_office'
    requestedBy: string; verified: null | { method: 'session' | 'staff'; note?: string }; rectification?: { displayName: string } | undefined
    agent?: { name: string; relationship: string; proofKey: string } | undefined }) {
    const requestId = randomUUID()
    const receivedAt = new Date()
    const existing = await db.dsrRequest.findFirst({ where: { personId: input.personId, kind: input.kind, status: { in: OPEN } } })
    if (existing) throw new DomainError('dsrAlreadyOpen', `A ${input.kind} request is already open (received ${existing.receivedAt.toISOString().slice(0, 10)}).`, { requestId: existing.id })
    // an erasure and another request never run at once: an export finishing after the erasure would leave a copy behind
    const clash = await db.dsrRequest.findFirst({ where: { personId: input.personId, status: { in: ['IN_PROGRESS', 'WAITING_ON_HOLD'] },
      ...(input.kind === 'erasure' ? {} : { kind: 'erasure' }) } })
    if (clash) {
      throw new DomainError('dsrAlreadyOpen', clash.kind === 'erasure' ? 'An erasure of this account is under way.'
        : `A ${clash.kind} request is under way: ask for erasure once it is done.`, { requestId: clash.id })
    }
    try {
      await db.dsrRequest.create({ data: {
        id: requestId, personId: input.personId, brand: input.brand, kind: input.kind, jurisdiction: input.jurisdiction, channel: input.channel,
        requestedBy: input.requestedBy, workflowId: dsrWorkflowId(requestId), receivedAt, dueAt: initialDeadline(input.jurisdiction, receivedAt),
        status: input.verified ? 'IN_PROGRESS' : 'AWAITING_VERIFICATION',
        verification: input.verified ? 'verified' : 'pending', verificationMethod: input.verified?.method ?? null, verificationNote: input.verified?.note ?? null,
        verifiedAt: input.verified ? receivedAt : null,
        contact: await pii.encrypt(requestId, 'dsr_requests.contact', input.email),
        rectification: input.rectification ? await pii.encrypt(requestId, 'dsr_requests.rectification', JSON.stringify(input.rectification)) : null,
        agent: input.agent ?? Prisma.DbNull,
      } })
    } catch (err) {
      // a concurrent twin won the one-open-request index
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw new DomainError('dsrAlreadyOpen', `A ${input.kind} request is already open.`)
      throw err
    }
    // the run first: a request whose workflow never started must not block the person (the row goes again)
    await temporal.workflow.start('dataSubjectRequest', { taskQueue: TASK_QUEUES.core, workflowId: dsrWorkflowId(requestId), args: [{ requestId }] })
      .catch(async (err: unknown) => { await db.dsrRequest.delete({ where: { id: requestId } }); throw err })
    if (!input.verified) await mailCode({ id: requestId, brand: input.brand, kind: input.kind }, input.email)
    return (await load(requestId))!
  }

  // ---- the fan's privacy center ----

  router.post('/me/privacy-requests', async (req, res) => {
    const personId = signedInId(req)
    const body = fanBody.parse(req.body)
    const person = await db.person.findUniqueOrThrow({ where: { id: personId } })
    const at = await signedInAt(req)
    const fresh = at !== null && Date.now() - at.getTime() <= FRESH_SIGN_IN_MINUTES * 60_000
    const r = await open({ personId, email: person.email, brand: body.brand, kind: body.kind, jurisdiction: jurisdictionFor(person.country, person.region),
      channel: 'privacy_center', requestedBy: personId, verified: fresh && body.kind !== 'erasure' ? { method: 'session' } : null, rectification: body.rectification })
    await audit(db, req, { action: `dsr.${body.kind}.requested`, resourceType: 'dsr_request', resourceId: r.id, workflowId: r.workflowId })
    res.status(202).location(`/api/me/privacy-requests/${r.id}`).json(view(r))
  })

  const own = async (req: Request) => {
    const personId = signedInId(req)
    const r = await load(id.parse(req.params.id))
    if (!r || r.personId !== personId) throw new DomainError('notFound', 'No such request.')
    return r
  }

  router.get('/me/privacy-requests', async (req, res) => {
    const rows = await db.dsrRequest.findMany({ where: { personId: signedInId(req) }, include: { steps: true }, orderBy: { receivedAt: 'desc' } })
    res.json({ items: rows.map((r) => view(r)) })
  })
  router.get('/me/privacy-requests/:id', async (req, res) => { res.json(view(await own(req))) })

  router.post('/me/privacy-requests/:id/verification', async (req, res) => {
    const r = await own(req)
    const { code } = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'six digits') }).strict().parse(req.body)
    if (r.verification === 'verified') throw new DomainError('alreadyVerified', 'This request is verified already.')
    if (r.status !== 'AWAITING_VERIFICATION') throw new DomainError('requestClosed', 'This request is closed.')
    if (!r.codeHash || !r.codeExpiresAt || r.codeExpiresAt < new Date()) throw new DomainError('codeExpired', 'The code has expired: ask for a new one.')
    // one attempt counted before the comparison, atomically: parallel guesses cannot get past the limit
    const counted = await db.dsrRequest.updateMany({ where: { id: r.id, codeAttempts: { lt: MAX_CODE_ATTEMPTS } }, data: { codeAttempts: { increment: 1 } } })
    if (counted.count === 0) throw new DomainError('rateLimited', 'Too many wrong codes: ask for a new one.')
    if (codeHash(r.id, code) !== r.codeHash) {
      throw new DomainError('invalidCode', 'That code is not right.', { attemptsLeft: Math.max(0, MAX_CODE_ATTEMPTS - r.codeAttempts - 1) })
    }
    // the workflow hears it first: a failed signal leaves the request as it was, and the fan can enter the code again
    await temporal.workflow.getHandle(r.workflowId).signal(dsrVerifiedSignal, { method: 'email_code' })
    await db.dsrRequest.update({ where: { id: r.id }, data: { verification: 'verified', verificationMethod: 'email_code', verifiedAt: new Date(), codeHash: null } })
    await audit(db, req, { action: `dsr.${r.kind}.verified`, resourceType: 'dsr_request', resourceId: r.id, workflowId: r.workflowId, details: { method: 'email_code' } })
    res.json(view((await load(r.id))!))
  })

  router.post('/me/privacy-requests/:id/code', async (req, res) => {
    const r = await own(req)
    if (r.verification !== 'pending' || r.status !== 'AWAITING_VERIFICATION') throw new DomainError('alreadyVerified', 'This request needs no code.')
    const person = await db.person.findUniqueOrThrow({ where: { id: r.personId } })
    await db.dsrRequest.update({ where: { id: r.id }, data: { codeAttempts: 0 } })
    await mailCode(r, person.email)
    res.status(202).json({ sentTo: maskEmail(person.email) })
  })

  /** The archive, streamed to its owner only, while the download window is open. */
  router.get('/me/privacy-requests/:id/archive', async (req, res) => {
    const r = await own(req)
    if (r.kind !== 'access' || !r.archiveKey) {
      if (r.downloadExpiresAt && r.downloadExpiresAt < new Date()) throw new DomainError('downloadExpired', 'The download link has expired: request your data again.')
      throw new DomainError('archiveNotReady', 'The archive is not ready yet.')
    }
    if (!r.downloadExpiresAt || r.downloadExpiresAt < new Date()) throw new DomainError('downloadExpired', 'The download link has expired: request your data again.')
    const stream = await deps.storage.getObject(BUCKETS.exports.name, r.archiveKey)
    await audit(db, req, { action: 'dsr.access.downloaded', resourceType: 'dsr_request', resourceId: r.id, workflowId: r.workflowId })
    res.set({ 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="fanz-data-${r.id}.zip"`, 'Cache-Control': 'no-store' })
    if (r.archiveBytes) res.set('Content-Length', r.archiveBytes.toString())
    stream.on('error', (err) => res.destroy(err))
    stream.pipe(res)
  })

  router.get('/me/privacy-requests/:id/receipt', async (req, res) => {
    const r = await own(req)
    if (!r.receipt) throw new DomainError('notFound', 'No receipt has been issued yet.')
    res.json({ receipt: r.receipt, signature: r.receiptSignature, keyId: r.receiptKeyId, algorithm: deps.signer.algorithm, publicKey: deps.signer.publicKeyPem })
  })

  /** The public key receipts are signed with: anyone may check one. */
  router.get('/privacy/receipt-key', (_req, res) => {
    res.json({ keyId: deps.signer.keyId, algorithm: deps.signer.algorithm, publicKey: deps.signer.publicKeyPem })
  })

  // ---- the compliance back office ----

  router.get('/privacy-requests', read, async (req, res) => {
    const q = list.parse(req.query)
    const f = q.filter as { status?: string; kind?: string; jurisdiction?: string; personId?: string; overdue?: boolean; q?: string }
    const scope = brandScope(req, 'privacy-requests', 'read')
    const where: Prisma.DsrRequestWhereInput = { ...(scope === 'all' ? {} : { brand: { in: scope } }), ...(f.status ? { status: f.status } : {}), ...(f.kind ? { kind: f.kind } : {}),
      ...(f.jurisdiction ? { jurisdiction: f.jurisdiction } : {}), ...(f.personId ? { personId: f.personId } : {}),
      ...(f.overdue ? { status: { in: ['AWAITING_VERIFICATION', 'IN_PROGRESS'] }, dueAt: { lt: new Date() } } : {}) }
    const orderBy = req.query.sort ? q.orderBy : { dueAt: 'asc' as const }
    const [rows, total] = await Promise.all([db.dsrRequest.findMany({ where, include: { steps: true }, orderBy, skip: q.skip, take: q.take }), db.dsrRequest.count({ where })])
    const people = await db.person.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.personId))] } }, select: { id: true, email: true } })
    const email = new Map(people.map((p) => [p.id, p.email]))
    sendPage(res, 'privacy-requests', q.skip, rows.map((r) => ({ ...view(r), personEmail: email.get(r.personId) ?? null })), total)
  })

  router.get('/privacy-requests/:id', read, async (req, res) => {
    const r = await load(id.parse(req.params.id))
    if (!r || !inScope(req, 'read', r.brand)) throw new DomainError('notFound', 'No such request.')
    const person = await db.person.findUnique({ where: { id: r.personId }, select: { email: true } })
    const holds = await holdsOf(deps.pool, r.personId, new Date())
    await audit(db, req, { action: 'dsr.viewed', resourceType: 'dsr_request', resourceId: r.id, workflowId: r.workflowId })
    res.json({ ...view(r), personEmail: person?.email ?? null, holds })
  })

  router.post('/privacy-requests', manage, async (req, res) => {
    const body = staffBody.parse(req.body)
    if (!inScope(req, 'manage', body.brand)) throw new DomainError('forbidden', `You may not open privacy requests on ${body.brand}.`)
    if (body.kind === 'rectification' && !body.rectification) throw new DomainError('validation', 'Say what to correct.', [{ path: 'rectification', message: 'required' }])
    if (body.agent && !body.agent.proof) throw new DomainError('agentProofRequired', 'A request by an agent needs the proof of their authority (a signed permission or power of attorney).')
    const person = await db.person.findUnique({ where: { email: body.email } })
    if (!person || person.status === 'erased') throw new DomainError('unknownPerson', 'Nobody has an account with that email address.')
    let agent: { name: string; relationship: string; proofKey: string } | undefined
    if (body.agent?.proof) {
      const proofKey = `dsr/agent-proofs/${randomUUID()}`
      const bytes = Buffer.from(body.agent.proof.base64, 'base64')
      const sealed = await pii.encryptBlob(person.id, 'dsr_requests.agent_proof', bytes)
      await deps.storage.putObject(BUCKETS.exports.name, proofKey, sealed, sealed.length, { 'Content-Type': 'application/octet-stream',
        'X-Amz-Meta-Original-Content-Type': body.agent.proof.contentType })
      agent = { name: body.agent.name, relationship: body.agent.relationship, proofKey }
    }
    const r = await open({ personId: person.id, email: person.email, brand: body.brand, kind: body.kind,
      jurisdiction: body.jurisdiction ?? jurisdictionFor(person.country, person.region), channel: 'back_office', requestedBy: req.person!.id,
      verified: { method: 'staff', note: body.verificationNote }, rectification: body.rectification, agent })
    await audit(db, req, { action: `dsr.${body.kind}.opened_on_behalf`, resourceType: 'dsr_request', resourceId: r.id, workflowId: r.workflowId,
      reason: body.verificationNote, details: { agent: Boolean(agent) } })
    res.status(202).location(`/api/privacy-requests/${r.id}`).json({ ...view(r), personEmail: person.email })
  })

  const staffLoad = async (req: Request) => {
    const r = await load(id.parse(req.params.id))
    if (!r || !inScope(req, 'manage', r.brand)) throw new DomainError('notFound', 'No such request.')
    return r
  }

  router.post('/privacy-requests/:id/extensions', manage, async (req, res) => {
    const r = await staffLoad(req)
    const body = z.object({ days: z.number().int(), reason: z.string().max(1000) }).strict().parse(req.body)
    if (!OPEN.includes(r.status)) throw new DomainError('requestClosed', 'The request is closed.')
    await temporal.workflow.getHandle(r.workflowId).executeUpdate(dsrExtendUpdate, { args: [{ ...body, by: req.person!.id }] })
      .catch((err: unknown) => { throw refusal(err) })
    await audit(db, req, { action: 'dsr.extended', resourceType: 'dsr_request', resourceId: r.id, workflowId: r.workflowId, reason: body.reason, details: { days: body.days } })
    res.json(view((await load(r.id))!))
  })

  router.post('/privacy-requests/:id/verification', manage, async (req, res) => {
    const r = await staffLoad(req)
    const { note } = z.object({ note: z.string().trim().min(10, 'say how the requester was verified').max(1000) }).strict().parse(req.body)
    if (r.verification === 'verified') throw new DomainError('alreadyVerified', 'This request is verified already.')
    if (r.status !== 'AWAITING_VERIFICATION') throw new DomainError('requestClosed', 'The request is closed.')
    await temporal.workflow.getHandle(r.workflowId).signal(dsrVerifiedSignal, { method: 'staff' })
    await db.dsrRequest.update({ where: { id: r.id }, data: { verification: 'verified', verificationMethod: 'staff', verificationNote: note, verifiedAt: new Date() } })
    await audit(db, req, { action: `dsr.${r.kind}.verified`, resourceType: 'dsr_request', resourceId: r.id, workflowId: r.workflowId, reason: note, details: { method: 'staff' } })
    res.json(view((await load(r.id))!))
  })

  router.post('/privacy-requests/:id/rejection', manage, async (req, res) => {
    const r = await staffLoad(req)
    const { reason } = z.object({ reason: z.string().trim().min(10, 'say why').max(1000) }).strict().parse(req.body)
    if (r.status !== 'AWAITING_VERIFICATION') throw new DomainError('requestClosed', 'Work on this request has started or it is closed; it can no longer be rejected.')
    await temporal.workflow.getHandle(r.workflowId).executeUpdate(dsrRejectUpdate, { args: [{ reason, by: req.person!.id }] })
      .catch((err: unknown) => { throw refusal(err) })
    await audit(db, req, { action: `dsr.${r.kind}.rejected`, resourceType: 'dsr_request', resourceId: r.id, workflowId: r.workflowId, reason })
    // the workflow records the rejection; answer with it
    for (let i = 0; i < 20; i++) {
      const now = (await load(r.id))!
      if (now.status === 'REJECTED') { res.json(view(now)); return }
      await new Promise((ok) => setTimeout(ok, 100))
    }
    res.status(202).json(view((await load(r.id))!))
  })

  // ---- the legal-hold registry (litigation holds; statutory ones are derived per request) ----

  const holdView = async (rows: Prisma.LegalHoldGetPayload<object>[]) => {
    const ids = [...new Set(rows.flatMap((h) => [h.personId, h.setBy]))]
    const people = await db.person.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } })
    const email = new Map(people.map((p) => [p.id, p.email]))
    return rows.map((h) => ({ ...h, personEmail: email.get(h.personId) ?? null, setByEmail: email.get(h.setBy) ?? null, active: h.releasedAt === null }))
  }

  router.get('/legal-holds', holdsRead, async (req, res) => {
    allBrands(req, 'read')
    const q = holdList.parse(req.query)
    const f = q.filter as { personId?: string; kind?: string; active?: boolean }
    const where: Prisma.LegalHoldWhereInput = { ...(f.personId ? { personId: f.personId } : {}), ...(f.kind ? { kind: f.kind } : {}),
      ...(f.active === true ? { releasedAt: null } : f.active === false ? { releasedAt: { not: null } } : {}) }
    const orderBy = req.query.sort ? q.orderBy : { setAt: 'desc' as const }
    const [rows, total] = await Promise.all([db.legalHold.findMany({ where, orderBy, skip: q.skip, take: q.take }), db.legalHold.count({ where })])
    sendPage(res, 'legal-holds', q.skip, await holdView(rows), total)
  })

  router.get('/legal-holds/:id', holdsRead, async (req, res) => {
    allBrands(req, 'read')
    const h = await db.legalHold.findUnique({ where: { id: id.parse(req.params.id) } })
    if (!h) throw new DomainError('notFound', 'No such hold.')
    res.json((await holdView([h]))[0])
  })

  router.post('/legal-holds', holdsManage, async (req, res) => {
    allBrands(req, 'manage')
    const body = z.object({ email: z.string().trim().toLowerCase().email(), reason: z.string().trim().min(10, 'say why (the matter, the case number)').max(1000),
      until: z.iso.date().or(z.iso.datetime({ offset: true })).optional() }).strict().parse(req.body)
    const until = body.until ? new Date(body.until) : null
    if (until && until <= new Date()) throw new DomainError('validation', 'A hold ends in the future.', [{ path: 'until', message: 'must be in the future' }])
    const person = await db.person.findUnique({ where: { email: body.email } })
    if (!person) throw new DomainError('unknownPerson', 'Nobody has an account with that email address.')
    const h = await db.legalHold.create({ data: { personId: person.id, reason: body.reason, until, setBy: req.person!.id } })
    await audit(db, req, { action: 'legal_hold.set', resourceType: 'legal_hold', resourceId: h.id, reason: body.reason, details: { personId: person.id, until } })
    res.status(201).location(`/api/legal-holds/${h.id}`).json((await holdView([h]))[0])
  })

  router.post('/legal-holds/:id/release', holdsManage, async (req, res) => {
    allBrands(req, 'manage')
    const { reason } = z.object({ reason: z.string().trim().min(10, 'say why the hold ends').max(1000) }).strict().parse(req.body)
    const holdId = id.parse(req.params.id)
    const { count } = await db.legalHold.updateMany({ where: { id: holdId, releasedAt: null },
      data: { releasedAt: new Date(), releasedBy: req.person!.id, releaseReason: reason } })
    const h = await db.legalHold.findUnique({ where: { id: holdId } })
    if (!h) throw new DomainError('notFound', 'No such hold.')
    if (count === 0) throw new DomainError('alreadyReleased', 'This hold was released already.')
    await audit(db, req, { action: 'legal_hold.released', resourceType: 'legal_hold', resourceId: h.id, reason })
    // an erasure waiting on this hold looks again now
    const waiting = await db.dsrRequest.findMany({ where: { personId: h.personId, kind: 'erasure', status: { in: ['IN_PROGRESS', 'WAITING_ON_HOLD'] } } })
    for (const w of waiting) await temporal.workflow.getHandle(w.workflowId).signal(dsrHoldsChangedSignal).catch(() => undefined)
    res.json((await holdView([h]))[0])
  })

  return router
}
