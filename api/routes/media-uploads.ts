/** Creator uploads: announce a file, send its parts straight to object storage (resumable), complete, and the ingest runs. */
import { randomUUID } from 'node:crypto'
import { Router } from 'express'
import { z } from 'zod'
import type { Client } from '@temporalio/client'
import type { Db } from '../../prisma/client.ts'
import type { StorageClient } from '../../activities/storage/client.ts'
import type { PiiCipher } from '../../activities/identity/deps.ts'
import { BUCKETS } from '../../domain/storage.ts'
import { isBrandSlug } from '../../domain/brands.ts'
import { isCurrency } from '../../domain/money.ts'
import { partCountFor, partSizeFor, uploadProblem } from '../../domain/media/upload-policy.ts'
import { textProblem } from '../../domain/media/text.ts'
import { ingestMedia } from '../../workflows/index.ts'
import { CO_PERFORMER_EMAIL_PURPOSE, ingestMediaTaskQueue, ingestMediaWorkflowId, uploadCompletedSignal } from '../../workflows/ingest-media.contract.ts'
import { assertCreatorOn } from './subscription-views.ts'
import { DomainError, type ErrorKind } from '../errors.ts'
import { listUploadedParts } from '../../activities/storage/multipart.ts'

export const PART_URL_SECONDS = 3600
const KIND: Record<string, ErrorKind> = { UNSUPPORTED_TYPE: 'unsupportedType', FILE_TOO_LARGE: 'fileTooLarge', EMPTY_FILE: 'emptyFile',
  EXTENSION_MISMATCH: 'extensionMismatch', MARKUP_NOT_ALLOWED: 'markupNotAllowed', CONTROL_CHARACTERS: 'controlCharacters' }

const text = (max: number) => z.string().trim().max(max)
const announce = z.object({
  brand: z.string().refine(isBrandSlug, 'brand must be one of the nine brand slugs'),
  title: text(140).min(1, 'a title is required'), caption: text(2000).default(''),
  tags: z.array(text(40).min(1)).max(20).default([]).transform((t) => [...new Set(t.map((x) => x.toLowerCase()))]),
  access: z.enum(['ppv', 'subscribers']),
  priceMinor: z.number().int().optional(), currency: z.string().refine(isCurrency, 'unknown currency').optional(),
  fileName: text(255).min(1), contentType: text(100).min(1), sizeBytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'sha256 must be 64 hex digits').transform((s) => s.toLowerCase()),
  performers: z.array(z.object({ alias: text(100).min(1), email: z.email() })).max(10).default([]),
})
const complete = z.object({ parts: z.array(z.object({ partNumber: z.number().int().min(1).max(10_000), etag: z.string().min(1).max(200) })).min(1).max(10_000) })
const uuid = (v: unknown) => z.uuid('id must be a UUID').parse(v)

export type MediaPolicy = { maxBytes: number; reviewSlaHours: number; appealWindowDays: number }

export function createMediaUploadRouter({ db, temporal, storage, pii, policy }: { db: Db; temporal: Client; storage: StorageClient; pii: PiiCipher; policy: MediaPolicy }): Router {
  const router = Router()
  const partUrls = (key: string, uploadId: string, numbers: number[]) => Promise.all(numbers.map(async (partNumber) => ({ partNumber,
    url: await storage.presignedUrl('PUT', BUCKETS.uploads.name, key, PART_URL_SECONDS, { partNumber: String(partNumber), uploadId }) })))
  const ownUpload = async (creatorId: string, id: string) => {
    const item = await db.mediaItem.findUnique({ where: { id } })
    if (!item || item.creatorId !== creatorId) throw new DomainError('notFound', 'No such upload.')
    if (item.status !== 'UPLOADING' || !item.uploadId) throw new DomainError('uploadClosed', 'This upload is already complete or was cancelled.')
    return { ...item, uploadId: item.uploadId }
  }

  /** Announces an upload: checks type, size and text, opens a multipart upload and returns a presigned URL per part. */
  router.post('/media/uploads', async (req, res) => {
    const body = announce.parse(req.body)
    const creatorId = assertCreatorOn(req, body.brand)
    const problem = uploadProblem(body, policy.maxBytes) ?? textProblem('title', body.title) ?? textProblem('caption', body.caption)
      ?? body.tags.map((t) => textProblem('tag', t)).find(Boolean) ?? body.performers.map((p) => textProblem('stage name', p.alias)).find(Boolean)
    if (problem) throw new DomainError(KIND[problem.code] ?? 'unprocessable', problem.message)
    if (body.access === 'ppv' && !(body.priceMinor !== undefined && body.priceMinor >= 100 && body.priceMinor <= 100_000 && body.currency)) {
      throw new DomainError('priceOutOfRange', 'A pay-per-view video needs a price between 1.00 and 1,000.00 and a currency.')
    }
    const brand = await db.brand.findUniqueOrThrow({ where: { slug: body.brand } })
    const persona = await db.persona.findFirst({ where: { personId: creatorId, brandId: brand.id, kind: 'creator' } })
    const creator = await db.person.findUniqueOrThrow({ where: { id: creatorId } })
    const id = randomUUID()
    const ext = body.fileName.toLowerCase().match(/\.[a-z0-9]+$/)![0]
    const sourceKey = `uploads/${id}/source${ext}`
    const uploadId = await storage.initiateNewMultipartUpload(BUCKETS.uploads.name, sourceKey, { 'Content-Type': body.contentType })
    const partSize = partSizeFor(body.sizeBytes)
    const partCount = partCountFor(body.sizeBytes, partSize)
    // each co-performer's address is sealed with their slot's own key: workflows carry the slot id, never the address
    const invites = await Promise.all(body.performers.map(async (p) => {
      const performerId = randomUUID()
      return { performerId, ...p, emailSealed: await pii.encrypt(performerId, CO_PERFORMER_EMAIL_PURPOSE, p.email) }
    }))
    await db.$transaction(async (tx) => {
      const post = await tx.post.create({ data: { brandId: brand.id, creatorId, title: body.title, status: 'DRAFT',
        priceMinor: body.access === 'ppv' ? body.priceMinor! : 0, currency: body.currency ?? 'USD' } })
      await tx.mediaItem.create({ data: { id, brandId: brand.id, creatorId, postId: post.id, title: body.title, caption: body.caption, tags: body.tags,
        access: body.access, fileName: body.fileName, contentType: body.contentType, sizeBytes: BigInt(body.sizeBytes), sha256: body.sha256,
        sourceKey, uploadId, workflowId: ingestMediaWorkflowId(id) } })
      await tx.mediaPerformer.createMany({ data: [
        { mediaId: id, personId: creatorId, alias: persona?.handle ?? creator.displayName, role: 'uploader' },
        ...invites.map((p) => ({ id: p.performerId, mediaId: id, alias: p.alias, role: 'co-performer',
          emailIndex: pii.blindIndex('media_performers.email_index', p.email), emailSealed: p.emailSealed })),
      ] })
    })
    await temporal.workflow.start(ingestMedia, { workflowId: ingestMediaWorkflowId(id), taskQueue: ingestMediaTaskQueue,
      args: [{ mediaId: id, invites: invites.map(({ performerId }) => ({ performerId })), reviewSlaHours: policy.reviewSlaHours,
        appealWindowDays: policy.appealWindowDays }] })
    const parts = await partUrls(sourceKey, uploadId, Array.from({ length: partCount }, (_, i) => i + 1))
    res.status(201).location(`/api/media/${id}`).json({ id, partSize, partCount, parts, expiresAt: new Date(Date.now() + PART_URL_SECONDS * 1000).toISOString() })
  })

  /** What of an open upload is already stored, with fresh URLs for the parts still missing (resume after a reload). */
  router.get('/media/uploads/:id/parts', async (req, res) => {
    const item = await ownUpload(signedIn(req), uuid(req.params.id))
    const partSize = partSizeFor(Number(item.sizeBytes))
    const partCount = partCountFor(Number(item.sizeBytes), partSize)
    const uploaded = await listUploadedParts(storage, BUCKETS.uploads.name, item.sourceKey, item.uploadId)
    const have = new Set(uploaded.map((p) => p.partNumber))
    const missing = Array.from({ length: partCount }, (_, i) => i + 1).filter((n) => !have.has(n))
    res.json({ id: item.id, partSize, partCount, uploaded, parts: await partUrls(item.sourceKey, item.uploadId, missing) })
  })

  /** Assembles the parts into the source object (every part must be there with its size) and lets the ingest run. */
  router.post('/media/uploads/:id/complete', async (req, res) => {
    const item = await ownUpload(signedIn(req), uuid(req.params.id))
    const { parts } = complete.parse(req.body)
    const partCount = partCountFor(Number(item.sizeBytes), partSizeFor(Number(item.sizeBytes)))
    const stored = new Map((await listUploadedParts(storage, BUCKETS.uploads.name, item.sourceKey, item.uploadId)).map((p) => [p.partNumber, p]))
    const missing = Array.from({ length: partCount }, (_, i) => i + 1).filter((n) => !stored.has(n))
    if (missing.length) throw new DomainError('uploadIncomplete', `${missing.length} of ${partCount} parts are not uploaded yet; resume the upload.`, { missing: missing.slice(0, 50) })
    const received = [...stored.values()].filter((p) => p.partNumber <= partCount).reduce((n, p) => n + p.size, 0)
    if (received !== Number(item.sizeBytes)) {
      throw new DomainError('truncatedUpload', `We received ${received} of ${item.sizeBytes} bytes; resume the upload to send the rest.`)
    }
    const etags = parts.filter((p) => p.partNumber <= partCount).map((p) => ({ part: p.partNumber, etag: p.etag.replaceAll('"', '') }))
    if (etags.length !== partCount || etags.some((e) => stored.get(e.part)?.etag.replaceAll('"', '') !== e.etag)) {
      throw new DomainError('uploadIncomplete', 'The part list does not match what was stored; resume the upload.')
    }
    await storage.completeMultipartUpload(BUCKETS.uploads.name, item.sourceKey, item.uploadId, etags.sort((a, b) => a.part - b.part))
    // signal first: if it fails the upload is still open here and the creator's retry completes it (the object is in place)
    await temporal.workflow.getHandle(item.workflowId).signal(uploadCompletedSignal)
    await db.mediaItem.update({ where: { id: item.id }, data: { uploadId: null, status: 'PROCESSING', updatedAt: new Date() } })
    res.status(202).location(`/api/media/${item.id}`).json({ id: item.id, workflowId: item.workflowId, status: 'PROCESSING' })
  })

  return router
}

function signedIn(req: { person?: { id: string } }): string {
  if (!req.person) throw new DomainError('unauthenticated', 'Sign in first.')
  return req.person.id
}
