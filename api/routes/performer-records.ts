/** 2257 records for the custodian and inspectors (compliance role only): list, show, ID copies, export by performer or alias. */
import { Router, type Request } from 'express'
import { z } from 'zod'
import type { Db } from '../../prisma/client.ts'
import type { PiiCipher } from '../../activities/identity/deps.ts'
import type { StorageClient } from '../../activities/storage/client.ts'
import { normaliseAlias } from '../../activities/identity/aliases.ts'
import { BUCKETS } from '../../domain/storage.ts'
import { audit } from '../audit.ts'
import { authorize } from '../authz.ts'
import { DomainError } from '../errors.ts'
import { listQuery, sendPage } from '../list-query.ts'
import { recordsCsv } from './performer-records-csv.ts'

const list = listQuery(['recordMadeAt'], z.object({ q: z.string().optional(), current: z.boolean().optional() }))
type Row = Awaited<ReturnType<Db['performerRecord']['findUniqueOrThrow']>>
type Copy = { key: string; kind: string; contentType: string }

export function createPerformerRecordRouter({ db, pii, storage }: { db: Db; pii: PiiCipher; storage: StorageClient }): Router {
  const router = Router()
  router.use('/performer-records', authorize('performer-records', 'read'))

  // one key lookup per record, not one per field
  const open = async (r: Row, slugs: Map<string, string>) => {
    const columns = { legal_name: r.legalName, date_of_birth: r.dateOfBirth, aliases: r.aliases, document_type: r.documentType,
      document_issuer: r.documentIssuer, document_expires_on: r.documentExpiresOn }
    const [legalName, dateOfBirth, aliases, documentType, documentIssuer, documentExpiresOn] = await pii.decryptMany(r.personId,
      Object.entries(columns).map(([column, ciphertext]) => ({ purpose: `performer_records.${column}`, ciphertext })))
    return { id: r.id, personId: r.personId, brand: slugs.get(r.brandId) ?? null, legalName: legalName!, dateOfBirth: dateOfBirth!,
      aliases: JSON.parse(aliases!) as string[], documentType: documentType!, documentIssuer: documentIssuer!, documentExpiresOn: documentExpiresOn!,
      recordMadeAt: r.recordMadeAt, releaseVersion: r.releaseVersion, supersededAt: r.supersededAt, kycCaseId: r.kycCaseId }
  }
  const brands = async () => new Map((await db.brand.findMany()).map((b) => [b.id, b.slug]))
  const find = async (req: Request) => {
    const r = await db.performerRecord.findUnique({ where: { id: z.uuid().parse(req.params.id) } })
    if (!r) throw new DomainError('notFound', 'No such record.')
    return r
  }

  /** Records, newest first; `q` finds a performer by any alias or legal name through the keyed alias index. */
  router.get('/performer-records', async (req, res) => {
    const q = list.parse(req.query)
    const text = typeof q.filter.q === 'string' && q.filter.q.trim() ? q.filter.q : null
    const ids = text ? (await db.performerAlias.findMany({ where: { aliasIndex: pii.blindIndex('performer_aliases.alias_index', normaliseAlias(text)) } })).map((a) => a.recordId) : null
    const where = { ...(ids ? { id: { in: ids } } : {}), ...(q.filter.current ? { supersededAt: null } : {}) }
    const [rows, total, slugs] = await Promise.all([
      db.performerRecord.findMany({ where, orderBy: { recordMadeAt: 'desc' }, skip: q.skip, take: q.take }), db.performerRecord.count({ where }), brands()])
    sendPage(res, 'performer-records', q.skip, await Promise.all(rows.map((r) => open(r, slugs))), total)
  })

  /** Both indexes of 28 CFR 75.3 for inspection, as CSV or JSON: one row per performer, or one per alias. */
  router.get('/performer-records/export', authorize('performer-records', 'export'), async (req, res) => {
    const { by, format } = z.object({ by: z.enum(['performer', 'alias']).default('performer'), format: z.enum(['csv', 'json']).default('csv') }).parse(req.query)
    const slugs = await brands()
    const records = await Promise.all((await db.performerRecord.findMany({ orderBy: { recordMadeAt: 'asc' } })).map((r) => open(r, slugs)))
    const rows = by === 'performer'
      ? records.sort((a, b) => a.legalName.localeCompare(b.legalName))
      : records.flatMap((r) => [r.legalName, ...r.aliases].map((alias) => ({ alias, ...r }))).sort((a, b) => a.alias.localeCompare(b.alias))
    await audit(db, req, { action: 'performer_records.export', resourceType: 'performer_record', details: { by, format, rows: rows.length } })
    const name = `2257-index-by-${by}-${new Date().toISOString().slice(0, 10)}`
    if (format === 'json') return void res.attachment(`${name}.json`).json({ by, generatedAt: new Date().toISOString(), rows })
    res.attachment(`${name}.csv`).type('text/csv').send(recordsCsv(by, rows))
  })

  /** One record with its document number, release signature, ID copies and the brand's custodian of records. */
  router.get('/performer-records/:id', async (req, res) => {
    const r = await find(req)
    const view = await open(r, await brands())
    const copies = (r.idCopies as Copy[]).map((c, index) => ({ index, kind: c.kind, contentType: c.contentType, url: `/api/performer-records/${r.id}/id-copies/${index}` }))
    const custodian = await db.recordsCustodian.findUnique({ where: { brandId: r.brandId } })
    await audit(db, req, { action: 'performer_record.view', resourceType: 'performer_record', resourceId: r.id })
    res.json({ ...view, documentNumber: await pii.decrypt(r.personId, 'performer_records.document_number', r.documentNumber), idCopies: copies,
      releaseSignature: JSON.parse(await pii.decrypt(r.personId, 'performer_records.release_signature', r.releaseSignature)) as unknown,
      releaseSha256: r.releaseSha256, custodian })
  })

  /** An ID copy, decrypted from the retention-locked records bucket. */
  router.get('/performer-records/:id/id-copies/:index', async (req, res) => {
    const r = await find(req)
    const copy = (r.idCopies as Copy[])[z.coerce.number().int().min(0).parse(req.params.index)]
    if (!copy) throw new DomainError('notFound', 'No such ID copy.')
    const chunks: Buffer[] = []
    for await (const chunk of await storage.getObject(BUCKETS.records.name, copy.key)) chunks.push(chunk as Buffer)
    const bytes = await pii.decryptBlob(r.personId, 'performer_records.id_copy', Buffer.concat(chunks))
    await audit(db, req, { action: 'performer_record.id_copy.view', resourceType: 'performer_record', resourceId: r.id, details: { kind: copy.kind } })
    res.type(copy.contentType).set('Cache-Control', 'no-store').send(bytes)
  })
  return router
}
