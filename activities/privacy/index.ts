/**
 * Data subject requests (GDPR / CCPA): the activities of the dataSubjectRequest workflow. One activity per system
 * and step, each idempotent: it records its step row (dsr_steps) in the same pass, so a retry finds the work done.
 * No personal data passes through the workflow: inputs and results carry the request id, the person's id (the
 * pseudonym that stays after erasure) and counts; addresses and content are read and written here.
 */
import { createHash } from 'node:crypto'
import { PassThrough, type Readable } from 'node:stream'
import { Context } from '@temporalio/activity'
import type { Client } from '@temporalio/client'
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate'
import type pg from 'pg'
import type { Db } from '../../prisma/client.ts'
import { BUCKETS } from '../../domain/storage.ts'
import { forgetInvites } from '../media/invites.ts'
import { SEARCH_INDEXES } from '../../domain/search-indexes.ts'
import { withheld, keyMustBeKept, type DataCategory, type Hold, type HoldKind } from '../../domain/privacy/holds.ts'
import { buildReceipt, canonicalJson, type SystemReceipt } from '../../domain/privacy/receipt.ts'
import type { Jurisdiction } from '../../domain/privacy/clock.ts'
import type { MailSender, PiiCipher } from '../identity/deps.ts'
import type { SearchClient } from '../search/client.ts'
import type { StorageClient } from '../storage/client.ts'
import { NEVER_EXPORTED, PERSON_TABLES } from './catalog.ts'
import { holdsOf } from './hold-facts.ts'
import type { ReceiptSigner } from './receipt-signing.ts'

export type DsrKind = 'access' | 'erasure' | 'rectification'
export type DsrStatus = 'AWAITING_VERIFICATION' | 'IN_PROGRESS' | 'WAITING_ON_HOLD' | 'COMPLETED' | 'REJECTED'
export type DsrSystem = 'postgres' | 'storage' | 'search' | 'ledger' | 'temporal'
/** A hold as it travels through the workflow: dates as ISO strings. */
export type HoldView = { kind: HoldKind; ref: string; reason: string; until: string | null; categories: DataCategory[] }
export type Withheld = { what: string; holdKind: HoldKind | 'running_workflows'; reason: string; until: string | null }
export type StepResult = { system: DsrSystem; status: 'DONE' | 'WITHHELD' | 'SKIPPED'; erased: Record<string, number>; withheld: Withheld[] }

export type PrivacyDeps = {
  db: Db; pool: pg.Pool; storage: StorageClient; search: SearchClient; pii: PiiCipher; sendMail: MailSender
  /** fetches the histories of the person's workflows for the archive and cancels their subscriptions on erasure */
  temporal: Client
  /** destroys a person's (or a request's) data key: crypto-shredding */
  destroyKey: (id: string) => Promise<void>
  signer: ReceiptSigner
  publicUrl: string; adminUrl: string; complianceEmail: string; downloadDays: number
}

const toView = (h: Hold): HoldView => ({ ...h, until: h.until ? h.until.toISOString() : null })
const fromView = (h: HoldView): Hold => ({ ...h, until: h.until ? new Date(h.until) : null })
const privacyLink = (publicUrl: string, brand: string) => `${publicUrl.replace(/\/$/, '')}/${brand}/account/privacy`

/** The string values of a row that are pii1 ciphertexts of the person, opened for the export (purpose = table.column). */
async function openRow(pii: PiiCipher, personId: string, table: string, row: Record<string, unknown>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {}
  const secret = NEVER_EXPORTED[table] ?? []
  for (const [column, value] of Object.entries(row)) {
    if (secret.includes(column)) out[column] = value === null ? null : '[withheld: a credential, never exported]'
    else if (typeof value === 'string' && value.startsWith('pii1')) {
      out[column] = await pii.decrypt(personId, `${table}.${column}`, value).catch(() => '[encrypted: not readable]')
    } else out[column] = value
  }
  return out
}

const jsonSafe = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)))

/** Adds one file to a streaming zip and waits until its bytes are in. */
async function addStream(zip: Zip, name: string, source: Readable): Promise<number> {
  const entry = new ZipPassThrough(name)
  zip.add(entry)
  let bytes = 0
  for await (const chunk of source) {
    const b = chunk as Buffer
    bytes += b.length
    entry.push(new Uint8Array(b.buffer, b.byteOffset, b.length))
  }
  entry.push(new Uint8Array(0), true)
  return bytes
}
function addJson(zip: Zip, name: string, value: unknown): void {
  const entry = new ZipDeflate(name, { level: 6 })
  zip.add(entry)
  entry.push(new TextEncoder().encode(JSON.stringify(value, null, 2)), true)
}

export function createPrivacyActivities(d: PrivacyDeps) {
  const { db, pool } = d

  async function recordStep(requestId: string, r: StepResult): Promise<StepResult> {
    await db.dsrStep.upsert({ where: { requestId_system: { requestId, system: r.system } },
      create: { requestId, system: r.system, status: r.status, erased: r.erased, withheld: r.withheld, finishedAt: new Date() },
      update: { status: r.status, erased: r.erased, withheld: r.withheld, finishedAt: new Date() } })
    return r
  }
  /** The holds the pass began with, plus any set since (a litigation hold may arrive mid-pass). */
  const currentHolds = async (personId: string, given: HoldView[]): Promise<HoldView[]> => {
    const now = (await holdsOf(pool, personId, new Date())).map(toView)
    return [...given, ...now.filter((h) => !given.some((g) => g.kind === h.kind && g.ref === h.ref))]
  }
  const withheldBy = (holds: HoldView[], category: DataCategory, what: string): Withheld[] =>
    (withheld(holds.map(fromView)).get(category) ?? []).map((h) => ({ what, holdKind: h.kind, reason: h.reason, until: h.until ? h.until.toISOString() : null }))

  /** The person's rows of every catalogued table. */
  async function personRows(personId: string) {
    const tables: Record<string, Record<string, unknown>[]> = {}
    for (const rule of PERSON_TABLES) {
      const { rows } = await pool.query(`SELECT * FROM "${rule.table}" WHERE ${rule.where}`, [personId])
      tables[rule.name] = await Promise.all(rows.map((r: Record<string, unknown>) => openRow(d.pii, personId, rule.table, r)))
    }
    return tables
  }

  /** The person's ledger: the accounts they own and every posting to them, with the entry it belongs to. */
  async function ledgerOf(personId: string) {
    const accounts = await pool.query(`SELECT "id", "key", "brand", "currency", "kind", "balance" FROM "ledger_accounts" WHERE "owner" = $1 ORDER BY "id"`, [personId])
    // postings to the person's accounts, and every leg of the entries of their purchases (a card sale touches no fan account)
    const postings = await pool.query(`SELECT p."entry_id", a."key" AS "account", p."amount", p."currency", e."kind", e."memo", e."created_at", e."workflow_id"
      FROM "postings" p JOIN "journal_entries" e ON e."id" = p."entry_id" JOIN "ledger_accounts" a ON a."id" = p."account_id"
      WHERE p."account_id" IN (SELECT "id" FROM "ledger_accounts" WHERE "owner" = $1)
         OR p."entry_id" IN (SELECT "ledger_entry_id" FROM "purchases" WHERE ("fan_id" = $1::uuid OR "creator_id" = $1::uuid) AND "ledger_entry_id" IS NOT NULL)
      ORDER BY p."entry_id", p."id"`, [personId])
    return { accounts: accounts.rows, postings: postings.rows }
  }

  /** Workflow ids the person's rows name. */
  function workflowIdsOf(tables: Record<string, Record<string, unknown>[]>, ledger: { postings: Record<string, unknown>[] }): string[] {
    const ids = new Set<string>()
    for (const rows of Object.values(tables)) for (const r of rows) if (typeof r.workflow_id === 'string') ids.add(r.workflow_id)
    for (const p of ledger.postings) if (typeof p.workflow_id === 'string') ids.add(p.workflow_id)
    return [...ids].sort()
  }

  /** Ids of the person's documents per index (this OpenSearch has no delete-by-query: ids, then one bulk delete). */
  async function searchIdsOf(personId: string): Promise<Record<string, string[]>> {
    const docs = await searchDocsOf(personId)
    return Object.fromEntries(Object.entries(docs).map(([index, list]) => [index, list.map((doc) => String((doc as { id: string }).id))]))
  }

  async function searchDocsOf(personId: string) {
    const found: Record<string, unknown[]> = {}
    for (const index of [SEARCH_INDEXES.content, SEARCH_INDEXES.creators, SEARCH_INDEXES.collectibles]) {
      const res = await d.search.search({ index, body: { size: 10_000, query: { term: { creatorId: personId } } } }).catch((err: { meta?: { statusCode?: number } }) => {
        if (err.meta?.statusCode === 404) return null
        throw err
      })
      found[index] = (res?.body.hits.hits ?? []).map((h) => ({ id: h._id, ...(h._source as object) }))
    }
    return found
  }

  /** The uploaded originals and renditions of the person's media, and their 2257 ID copies. */
  function objectsOf(tables: Record<string, Record<string, unknown>[]>) {
    const media = (tables.media_items ?? []).map((m) => ({ id: String(m.id), sourceKey: String(m.source_key), fileName: String(m.file_name) }))
    const idCopies = (tables.performer_records ?? []).flatMap((r) => (r.id_copies as { key: string; kind: string }[] | null) ?? [])
    return { media, idCopies }
  }

  async function listKeys(bucket: string, prefix: string): Promise<string[]> {
    const keys: string[] = []
    for await (const o of d.storage.listObjectsV2(bucket, prefix, true)) if ((o as { name?: string }).name) keys.push((o as { name: string }).name)
    return keys
  }

  async function histories(ids: string[]) {
    const out: unknown[] = []
    for (const workflowId of ids) {
      try {
        const handle = d.temporal.workflow.getHandle(workflowId)
        const desc = await handle.describe()
        out.push({ workflowId, type: desc.type, status: desc.status.name, startTime: desc.startTime, closeTime: desc.closeTime ?? null,
          result: desc.status.name === 'COMPLETED' ? await handle.result().catch(() => null) : null })
      } catch (err) {
        if ((err as Error).name === 'WorkflowNotFoundError') continue
        throw err
      }
    }
    return out
  }

  return {
    /** Everything the workflow needs to know about its request, without personal data. */
    async dsrSnapshot(requestId: string) {
      const r = await db.dsrRequest.findUniqueOrThrow({ where: { id: requestId } })
      return { requestId, personRef: r.personId, brand: r.brand, kind: r.kind as DsrKind, jurisdiction: r.jurisdiction as Jurisdiction,
        status: r.status as DsrStatus, verification: r.verification, receivedAt: r.receivedAt.toISOString(), dueAt: r.dueAt.toISOString(),
        extensions: (r.extensions as { days: number; reason: string }[]).map((e) => ({ days: e.days, reason: e.reason })) }
    },

    async dsrSetStatus(input: { requestId: string; status: DsrStatus; rejectedReason?: string }): Promise<void> {
      const done = input.status === 'COMPLETED' || input.status === 'REJECTED'
      await db.dsrRequest.update({ where: { id: input.requestId }, data: { status: input.status, rejectedReason: input.rejectedReason ?? null,
        ...(input.status === 'REJECTED' ? { verification: 'failed' } : {}),
        ...(done ? { completedAt: new Date() } : {}) } })
    },

    /** An extension the workflow accepted: the new deadline, and who extended by how much and why. */
    async dsrRecordExtension(input: { requestId: string; days: number; reason: string; by: string; at: string; dueAt: string }): Promise<void> {
      const r = await db.dsrRequest.findUniqueOrThrow({ where: { id: input.requestId } })
      const extensions = r.extensions as { at: string }[]
      if (extensions.some((e) => e.at === input.at)) return // a retry: recorded already
      await db.dsrRequest.update({ where: { id: input.requestId }, data: { dueAt: new Date(input.dueAt),
        extensions: [...extensions, { days: input.days, reason: input.reason, by: input.by, at: input.at }] } })
    },

    /** A point on the statutory clock: the compliance team hears of it; an escalation or overdue marks the request. */
    async dsrMilestone(input: { requestId: string; milestone: 'reminder' | 'escalation' | 'overdue'; dueAt: string; kind: DsrKind; jurisdiction: Jurisdiction }): Promise<void> {
      await d.sendMail({ idempotencyKey: `dsr-${input.requestId}-${input.milestone}-${input.dueAt}`, to: d.complianceEmail, template: 'privacyDeadline',
        data: { requestId: input.requestId, kind: input.kind, jurisdiction: input.jurisdiction, milestone: input.milestone, dueAt: input.dueAt,
          link: `${d.adminUrl.replace(/\/$/, '')}/#/privacy-requests/${input.requestId}/show` } })
      await db.dsrRequest.update({ where: { id: input.requestId }, data: input.milestone === 'reminder'
        ? { remindersSent: { increment: 1 } } : { escalatedAt: new Date() } })
    },

    /** The requester hears that their request was received, rejected or done. */
    async dsrNotify(input: { requestId: string; notice: 'received' | 'rejected' }): Promise<void> {
      const r = await db.dsrRequest.findUniqueOrThrow({ where: { id: input.requestId } })
      const to = await contactOf(r.id)
      if (!to) return
      await d.sendMail({ idempotencyKey: `dsr-${r.id}-${input.notice}`, to, template: 'privacyNotice', data: { brand: r.brand, kind: r.kind, notice: input.notice,
        link: privacyLink(d.publicUrl, r.brand), dueAt: r.dueAt.toISOString(), reason: r.rejectedReason ?? '' } })
    },

    /** The legal holds on the person's data now: derived from the records (2257, disputes, tax) and set by compliance (litigation). */
    async dsrEvaluateHolds(input: { personRef: string }): Promise<HoldView[]> {
      return (await holdsOf(pool, input.personRef, new Date())).map(toView)
    },

    /**
     * Access: every system's data about the person in one zip in the exports bucket: data.json (PostgreSQL rows with
     * encrypted values opened, ledger, search documents, workflow runs), manifest.json and files/ (originals, ID copies).
     */
    async dsrExportArchive(input: { requestId: string; personRef: string }): Promise<{ key: string; bytes: number; counts: Record<string, number> }> {
      const personId = input.personRef
      const key = `dsr/${input.requestId}/archive.zip`
      const tables = await personRows(personId)
      const ledger = await ledgerOf(personId)
      const search = await searchDocsOf(personId)
      const workflows = await histories(workflowIdsOf(tables, ledger))
      const objects = objectsOf(tables)
      Context.current().heartbeat('gathered')

      const out = new PassThrough()
      const zip = new Zip((err, chunk, final) => {
        if (err) { out.destroy(err); return }
        out.write(Buffer.from(chunk))
        if (final) out.end()
      })
      const upload = d.storage.putObject(BUCKETS.exports.name, key, out, undefined, { 'Content-Type': 'application/zip' })
      const files: { path: string; bytes: number; source: string }[] = []
      try {
        addJson(zip, 'data.json', jsonSafe({ postgres: tables, ledger, search, workflows }))
        for (const m of objects.media) {
          const name = `files/media/${m.id}/${m.fileName.replace(/[^\w.-]/g, '_')}`
          const stream = await d.storage.getObject(BUCKETS.uploads.name, m.sourceKey).catch(() => null)
          if (stream) files.push({ path: name, bytes: await addStream(zip, name, stream), source: `${BUCKETS.uploads.name}/${m.sourceKey}` })
          Context.current().heartbeat(name)
        }
        for (const c of objects.idCopies) {
          const sealed = await d.storage.getObject(BUCKETS.records.name, c.key).catch(() => null)
          if (!sealed) continue
          const chunks: Buffer[] = []
          for await (const ch of sealed) chunks.push(ch as Buffer)
          const plain = await d.pii.decryptBlob(personId, 'performer_records.id_copy', Buffer.concat(chunks)).catch(() => null)
          if (!plain) continue
          const name = `files/id-documents/${c.key.split('/').pop()!.replace(/\.pii1$/, '')}`
          const entry = new ZipPassThrough(name)
          zip.add(entry)
          entry.push(new Uint8Array(plain), true)
          files.push({ path: name, bytes: plain.length, source: `${BUCKETS.records.name}/${c.key}` })
        }
        const counts: Record<string, number> = {
          postgres: Object.values(tables).reduce((n, rows) => n + rows.length, 0), ledger: ledger.postings.length,
          search: Object.values(search).reduce((n, docs) => n + docs.length, 0), temporal: workflows.length, storage: files.length,
        }
        addJson(zip, 'manifest.json', { requestId: input.requestId, subject: personId, generatedAt: new Date().toISOString(), format: 'fanz-dsr-archive/1',
          counts, tables: Object.fromEntries(Object.entries(tables).map(([t, rows]) => [t, rows.length])), files })
        zip.end()
        await upload
        const stat = await d.storage.statObject(BUCKETS.exports.name, key)
        const until = new Date(Date.now() + d.downloadDays * 86_400_000)
        await db.dsrRequest.update({ where: { id: input.requestId }, data: { archiveKey: key, archiveBytes: BigInt(stat.size), downloadExpiresAt: until } })
        for (const system of ['postgres', 'ledger', 'search', 'temporal', 'storage'] as const) {
          await recordStep(input.requestId, { system, status: 'DONE', erased: { exported: counts[system] ?? 0 }, withheld: [] })
        }
        return { key, bytes: stat.size, counts }
      } catch (err) {
        zip.terminate()
        out.destroy(err as Error)
        await upload.catch(() => undefined)
        throw err
      }
    },

    /** Rectification: the corrected values the person asked for, applied. */
    async dsrRectify(input: { requestId: string; personRef: string }): Promise<StepResult> {
      const r = await db.dsrRequest.findUniqueOrThrow({ where: { id: input.requestId } })
      const changes = r.rectification ? JSON.parse(await d.pii.decrypt(r.id, 'dsr_requests.rectification', r.rectification)) as { displayName?: string } : {}
      let changed = 0
      if (changes.displayName) changed += (await db.person.updateMany({ where: { id: input.personRef }, data: { displayName: changes.displayName } })).count
      return recordStep(input.requestId, { system: 'postgres', status: 'DONE', erased: { rectified: changed }, withheld: [] })
    },

    /** Erasure, search: the person's documents in every index (content, creator pages, collectibles), unless held. */
    async dsrEraseSearch(input: { requestId: string; personRef: string; holds: HoldView[] }): Promise<StepResult> {
      input = { ...input, holds: await currentHolds(input.personRef, input.holds) }
      const held = withheldBy(input.holds, 'media', 'search documents of the person\'s media')
      if (held.length) return recordStep(input.requestId, { system: 'search', status: 'WITHHELD', erased: {}, withheld: held })
      const erased: Record<string, number> = {}
      // pages of at most 10,000 ids until none is left
      for (;;) {
        const pages = Object.entries(await searchIdsOf(input.personRef)).filter(([, ids]) => ids.length > 0)
        if (pages.length === 0) break
        for (const [index, ids] of pages) {
          const res = await d.search.bulk({ refresh: true, body: ids.map((id) => ({ delete: { _index: index, _id: id } })) })
          const failed = (res.body.items as { delete?: { status?: number } }[]).filter((i) => i.delete?.status && i.delete.status >= 300 && i.delete.status !== 404)
          if (failed.length) throw new Error(`OpenSearch refused ${failed.length} deletions in ${index}`)
          erased[index] = (erased[index] ?? 0) + ids.length
          Context.current().heartbeat(index)
        }
      }
      return recordStep(input.requestId, { system: 'search', status: 'DONE', erased, withheld: [] })
    },

    /** Erasure, object storage: uploaded originals and every rendition of the person's media; 2257 ID copies stay when held. */
    async dsrEraseStorage(input: { requestId: string; personRef: string; holds: HoldView[] }): Promise<StepResult> {
      input = { ...input, holds: await currentHolds(input.personRef, input.holds) }
      const tables = { media_items: (await pool.query(`SELECT "id", "source_key", "file_name" FROM "media_items" WHERE "creator_id" = $1::uuid`, [input.personRef])).rows,
        performer_records: (await pool.query(`SELECT "id_copies" FROM "performer_records" WHERE "person_id" = $1::uuid`, [input.personRef])).rows }
      const objects = objectsOf(tables)
      const withheldItems: Withheld[] = []
      const erased: { media_objects: number; uploads: number; archives: number; evidence_packs?: number } = { media_objects: 0, uploads: 0, archives: 0 }
      const mediaHeld = withheldBy(input.holds, 'media', `${objects.media.length} media items (originals and renditions)`)
      if (mediaHeld.length && objects.media.length) withheldItems.push(...mediaHeld)
      else {
        for (const m of objects.media) {
          const keys = await listKeys(BUCKETS.media.name, `media/${m.id}/`)
          if (keys.length) await d.storage.removeObjects(BUCKETS.media.name, keys)
          erased.media_objects += keys.length
          const up = await d.storage.statObject(BUCKETS.uploads.name, m.sourceKey).then(() => true, () => false)
          if (up) { await d.storage.removeObject(BUCKETS.uploads.name, m.sourceKey); erased.uploads++ }
          Context.current().heartbeat(m.id)
        }
      }
      // chargeback evidence packs carry the fan's access trail: kept while a dispute hold keeps the purchase records
      const packs = (await pool.query(`SELECT "evidence_key" FROM "chargeback_cases" WHERE ("fan_id" = $1::uuid OR "creator_id" = $1::uuid) AND "evidence_key" IS NOT NULL`,
        [input.personRef])).rows.map((r: { evidence_key: string }) => r.evidence_key)
      const disputeHeld = withheldBy(input.holds, 'purchases', `${packs.length} chargeback evidence packs`)
      if (packs.length && disputeHeld.length) withheldItems.push(...disputeHeld)
      else if (packs.length) {
        await d.storage.removeObjects(BUCKETS.exports.name, packs)
        erased.evidence_packs = packs.length
      }
      // earlier access archives of this person hold their data too
      const archives = await db.dsrRequest.findMany({ where: { personId: input.personRef, archiveKey: { not: null } }, select: { id: true, archiveKey: true } })
      for (const a of archives) {
        await d.storage.removeObject(BUCKETS.exports.name, a.archiveKey!)
        await db.dsrRequest.update({ where: { id: a.id }, data: { archiveKey: null, downloadExpiresAt: new Date() } })
        erased.archives++
      }
      if (objects.idCopies.length) {
        const held = withheldBy(input.holds, 'performer_records', `${objects.idCopies.length} 2257 ID copies (encrypted, retention-locked)`)
        withheldItems.push(...(held.length ? held : [{ what: `${objects.idCopies.length} 2257 ID copies`, holdKind: 'records_2257' as const,
          reason: 'retention-locked in the records bucket; unreadable once the person key is destroyed', until: null }]))
      }
      return recordStep(input.requestId, { system: 'storage', status: withheldItems.length ? 'WITHHELD' : 'DONE', erased, withheld: withheldItems })
    },

    /**
     * Erasure, ledger: entries are kept (the books must balance and be explainable), their parties pseudonymized:
     * the accounts name the person only by id, and the person row that gave the id a name is erased with PostgreSQL.
     */
    async dsrPseudonymizeLedger(input: { requestId: string; personRef: string; holds: HoldView[] }): Promise<StepResult> {
      const { rows } = await pool.query(`SELECT count(DISTINCT a."id")::int AS "accounts", count(p."id")::int AS "postings"
        FROM "ledger_accounts" a LEFT JOIN "postings" p ON p."account_id" = a."id" WHERE a."owner" = $1`, [input.personRef])
      const r = rows[0] as { accounts: number; postings: number }
      return recordStep(input.requestId, { system: 'ledger', status: 'DONE', erased: { accounts_pseudonymized: r.accounts, postings_pseudonymized: r.postings }, withheld: [] })
    },

    /** Erasure, PostgreSQL: every catalogued table, deleted or pseudonymized, in one transaction; held categories stay. */
    async dsrErasePostgres(input: { requestId: string; personRef: string; holds: HoldView[] }): Promise<StepResult> {
      const held = withheld((await currentHolds(input.personRef, input.holds)).map(fromView))
      const erased: Record<string, number> = {}
      // co-performer invitations sent to the person (matched by their address's blind index) or on their uploads: each
      // sealed address goes with its slot's key, before the person row (and so their address) becomes a tombstone
      const person = await db.person.findUnique({ where: { id: input.personRef }, select: { email: true } })
      const invites = await forgetInvites(db, d.destroyKey, { OR: [{ personId: input.personRef }, { media: { creatorId: input.personRef } },
        ...(person ? [{ emailIndex: d.pii.blindIndex('media_performers.email_index', person.email) }] : [])] })
      if (invites) erased.media_performer_invites = invites
      const withheldItems: Withheld[] = []
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        // the append-only tables allow the pseudonymizing updates of an erasure, and only inside this transaction
        await client.query(`SET LOCAL fanz.erasure = 'on'`)
        for (const rule of PERSON_TABLES) {
          const holds = held.get(rule.category)
          if (holds?.length) {
            const { rows } = await client.query(`SELECT count(*)::int AS n FROM "${rule.table}" WHERE ${rule.where}`, [input.personRef])
            if ((rows[0] as { n: number }).n > 0) {
              for (const h of holds) withheldItems.push({ what: `${rule.name} (${(rows[0] as { n: number }).n} rows)`, holdKind: h.kind, reason: h.reason, until: h.until ? h.until.toISOString() : null })
            }
            continue
          }
          if (rule.erase.kind === 'keep') continue
          const sql = rule.erase.kind === 'delete' ? `DELETE FROM "${rule.table}" WHERE ${rule.where}` : `UPDATE "${rule.table}" SET ${rule.erase.set} WHERE ${rule.where}`
          const res = await client.query(sql, [input.personRef])
          if (res.rowCount) erased[rule.name] = res.rowCount
        }
        await client.query('COMMIT')
      } catch (err) {
        await client.query('ROLLBACK')
        throw err
      } finally {
        client.release()
      }
      return recordStep(input.requestId, { system: 'postgres', status: withheldItems.length ? 'WITHHELD' : 'DONE', erased, withheld: withheldItems })
    },

    /**
     * Ends what still runs for the person (subscriptions, cancelled at once) and names their workflows still open:
     * their payloads are sealed with the person key, so it is destroyed only once they have ended.
     */
    async dsrCloseOpenWork(input: { requestId: string; personRef: string }): Promise<{ running: string[] }> {
      // every run whose payloads may name the person: their own, and the runs of others that deal with them
      const { rows } = await pool.query(`
        SELECT "workflow_id" AS id FROM "purchases" WHERE "fan_id" = $1::uuid OR "creator_id" = $1::uuid
        UNION SELECT 'refund:' || "id" FROM "purchases" WHERE "fan_id" = $1::uuid OR "creator_id" = $1::uuid
        UNION SELECT "workflow_id" FROM "subscriptions" WHERE "fan_id" = $1::uuid OR "creator_id" = $1::uuid
        UNION SELECT "workflow_id" FROM "kyc_cases" WHERE "person_id" = $1::uuid
        UNION SELECT 'signup:' || $1::text
        UNION SELECT "workflow_id" FROM "media_items" WHERE "creator_id" = $1::uuid
        UNION SELECT 'media:' || "media_id" FROM "media_performers" WHERE "person_id" = $1::uuid
        UNION SELECT 'coperformer:' || "id" FROM "media_performers" WHERE "person_id" = $1::uuid
          OR "media_id" IN (SELECT "id" FROM "media_items" WHERE "creator_id" = $1::uuid)
        UNION SELECT "workflow_id" FROM "payout_items" WHERE "creator_id" = $1::uuid
        UNION SELECT r."workflow_id" FROM "payout_runs" r JOIN "payout_items" i ON i."run_id" = r."id" WHERE i."creator_id" = $1::uuid
        UNION SELECT 'payout-method:' || "id" FROM "payout_methods" WHERE "person_id" = $1::uuid
        UNION SELECT "workflow_id" FROM "chargeback_cases" WHERE "fan_id" = $1::uuid OR "creator_id" = $1::uuid
        UNION SELECT "workflow_id" FROM "collectible_tokens" WHERE "buyer_id" = $1::uuid
          OR "edition_id" IN (SELECT "id" FROM "collectible_editions" WHERE "creator_id" = $1::uuid)
        UNION SELECT 'collectible-withdrawal:' || "id" FROM "collectible_tokens" WHERE "buyer_id" = $1::uuid
        UNION SELECT "workflow_id" FROM "collectible_editions" WHERE "creator_id" = $1::uuid`, [input.personRef])
      const ids = rows.map((r: { id: string | null }) => r.id).filter((w): w is string => Boolean(w))
      const subscriptions = new Set((await db.subscription.findMany({ where: { OR: [{ fanId: input.personRef }, { creatorId: input.personRef }] },
        select: { workflowId: true } })).map((s) => s.workflowId))
      const running: string[] = []
      for (let i = 0; i < ids.length; i += 100) {
        const batch = ids.slice(i, i + 100).map((id) => `'${id.replace(/'/g, "''")}'`).join(', ')
        for await (const w of d.temporal.workflow.list({ query: `ExecutionStatus = 'Running' AND WorkflowId IN (${batch})` })) {
          if (subscriptions.has(w.workflowId)) {
            await d.temporal.workflow.getHandle(w.workflowId).executeUpdate('cancel', { args: [{ mode: 'immediate', reason: 'data erasure requested', by: 'staff' }],
              updateId: `dsr-${input.requestId}-cancel` }).catch(() => undefined)
          }
          running.push(w.workflowId)
        }
        Context.current().heartbeat(i)
      }
      return { running: running.sort() }
    },

    /**
     * Erasure, Temporal: destroys the person key, so every payload the codec sealed for them (in every history,
     * open or closed, and every pii1 value in the database and storage) can never be read again. Withheld while a
     * hold needs values sealed with that key (2257 records, tax forms).
     */
    async dsrShredKey(input: { requestId: string; personRef: string; holds: HoldView[]; running: string[] }): Promise<StepResult> {
      const holds = (await currentHolds(input.personRef, input.holds)).map(fromView)
      // a run still open would fail to read its own history once the key is gone: it ends first (subscriptions were cancelled)
      if (input.running.length) {
        return recordStep(input.requestId, { system: 'temporal', status: 'WITHHELD', erased: {}, withheld: [{ what: `person key (${input.running.length} workflows still running)`,
          holdKind: 'running_workflows', reason: 'workflows of the person are still running (purchases inside the chargeback window, payouts); the key is destroyed when they end', until: null }] })
      }
      if (keyMustBeKept(holds)) {
        const keyed = holds.filter((h) => h.categories.some((c) => ['kyc', 'performer_records', 'tax_forms', 'payouts'].includes(c)))
        return recordStep(input.requestId, { system: 'temporal', status: 'WITHHELD', erased: {},
          withheld: keyed.map((h) => ({ what: 'person key (workflow payloads and encrypted records stay readable)', holdKind: h.kind, reason: h.reason,
            until: h.until ? h.until.toISOString() : null })) })
      }
      await d.destroyKey(input.personRef)
      return recordStep(input.requestId, { system: 'temporal', status: 'DONE', erased: { person_keys_destroyed: 1 }, withheld: [] })
    },

    /** The signed receipt: per system, what was done and what a hold withheld and why; kept on the request, mailed. */
    async dsrIssueReceipt(input: { requestId: string; final: boolean }): Promise<{ digest: string }> {
      const r = await db.dsrRequest.findUniqueOrThrow({ where: { id: input.requestId }, include: { steps: true } })
      const round = input.final ? 'final' : 'interim'
      let receipt = r.receipt as Record<string, unknown> | null
      // a retry after this round's receipt was stored signs nothing new; the mail and the key's end below run again
      if (!(receipt && r.receiptSignature && receipt.round === round)) {
        const completedAt = new Date()
        const systems: SystemReceipt[] = r.steps.map((s) => ({ system: s.system, status: s.status as SystemReceipt['status'],
          erased: s.erased as Record<string, number>, withheld: s.withheld as SystemReceipt['withheld'] }))
        const built = buildReceipt({ requestId: r.id, kind: r.kind as DsrKind, jurisdiction: r.jurisdiction as Jurisdiction, subject: r.personId,
          receivedAt: r.receivedAt.toISOString(), completedAt: completedAt.toISOString(), dueAt: r.dueAt.toISOString(), systems })
        receipt = JSON.parse(canonicalJson({ ...built, round })) as Record<string, unknown>
        const text = canonicalJson(receipt)
        const digest = createHash('sha256').update(text).digest('hex')
        await db.$transaction([
          db.dsrRequest.update({ where: { id: r.id }, data: { receipt: receipt as object, receiptSignature: d.signer.sign(text), receiptKeyId: d.signer.keyId,
            receiptIssuedAt: completedAt } }),
          db.auditLog.create({ data: { action: `dsr.${r.kind}.receipt`, resourceType: 'dsr_request', resourceId: r.id, workflowId: r.workflowId,
            details: { digest, round, keyId: d.signer.keyId, systems: systems.map((s) => ({ system: s.system, status: s.status, withheld: s.withheld.length })) } } }),
        ])
      }
      const digest = createHash('sha256').update(canonicalJson(receipt)).digest('hex')
      const to = await contactOf(r.id)
      if (to) {
        await d.sendMail({ idempotencyKey: `dsr-${r.id}-completed-${round}`, to, template: 'privacyNotice', data: { brand: r.brand, kind: r.kind, notice: 'completed',
          link: privacyLink(d.publicUrl, r.brand), receiptDigest: digest, ...(r.downloadExpiresAt ? { downloadUntil: r.downloadExpiresAt.toISOString() } : {}) } })
      }
      // an erased person's address was kept only to send this: its key goes now
      if (r.kind === 'erasure' && input.final) await d.destroyKey(r.id)
      return { digest }
    },
  }

  /** Where to write to the requester: the address captured with the request (sealed with the request's own key). */
  async function contactOf(requestId: string): Promise<string | null> {
    const { rows } = await pool.query(`SELECT "contact" FROM "dsr_requests" WHERE "id" = $1::uuid`, [requestId])
    const sealed = (rows[0] as { contact: string | null } | undefined)?.contact
    return sealed ? d.pii.decrypt(requestId, 'dsr_requests.contact', sealed).catch(() => null) : null
  }
}

export type PrivacyActivities = ReturnType<typeof createPrivacyActivities>
