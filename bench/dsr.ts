/**
 * Data subject requests on a large history, on the stack's own workers: a creator with E ledger entries and M media
 * items (each an uploaded original, two rendition objects and a search document) asks for their data, then for
 * erasure. Two sizes in one run (BENCH_DSR_SIZES, default "1000x50,10000x500") show how the time grows with the
 * history; the access export is also set against a bare export of the same rows and objects done in this process
 * (the same queries and the same zip, no workflow), as a ratio.
 */
import { randomUUID } from 'node:crypto'
import { PassThrough } from 'node:stream'
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate'
import pg from 'pg'
import { createLedgerStore } from '../activities/ledger/store.ts'
import { createStorageClient } from '../activities/storage/client.ts'
import { BUCKETS } from '../domain/storage.ts'
import { SEARCH_INDEXES } from '../domain/search-indexes.ts'
import type { AppEnv } from '../ops/stack/stack.ts'
import { call, pool, signIn } from './pool.ts'

const BRAND = 'daddyfanz'
const OBJECT_BYTES = 64 * 1024
const SIZES = (process.env.BENCH_DSR_SIZES ?? '1000x50,10000x500').split(',').map((s) => {
  const [entries, media] = s.split('x').map(Number)
  return { entries: entries!, media: media! }
})

type Seeded = { personId: string; email: string; mediaIds: string[] }

async function seed(env: AppEnv, db: pg.Pool, entries: number, media: number): Promise<Seeded> {
  const storage = createStorageClient({ endpoint: env.S3_ENDPOINT, accessKey: env.S3_ACCESS_KEY, secretKey: env.S3_SECRET_KEY, region: 'us-east-1' })
  const brand = (await db.query<{ id: string }>('SELECT id FROM brands WHERE slug = $1', [BRAND])).rows[0]!.id
  const personId = randomUUID()
  const email = `bench-dsr-${personId.slice(0, 8)}@bench.fanz.test`
  await db.query(`INSERT INTO people (id, email, display_name, status, country, updated_at) VALUES ($1, $2, 'Bench Subject', 'active', 'NL', now())`, [personId, email])
  await db.query(`INSERT INTO personas (id, person_id, brand_id, kind, handle) VALUES (gen_random_uuid(), $1, $2, 'creator', $3)`, [personId, brand, `bench_${personId.slice(0, 8)}`])
  const store = createLedgerStore(db)
  const book = { brand: BRAND, currency: 'USD' }
  const batches = Array.from({ length: Math.ceil(entries / 500) }, (_, b) => Array.from({ length: Math.min(500, entries - b * 500) }, (_, i) => b * 500 + i))
  await pool(batches, 4, async (batch) => {
    await store.postEntries(batch.map((i) => ({ idempotencyKey: `bench-dsr:${personId}:${i}`, kind: 'bench_earnings', brand: BRAND, memo: 'bench earnings',
      postings: [{ account: { ...book, kind: 'processorClearing', owner: 'ccbill' }, amount: 100 },
        { account: { ...book, kind: 'creatorAvailable', owner: personId }, amount: -100 }] })), null)
  })
  const bytes = Buffer.alloc(OBJECT_BYTES, 7)
  const mediaIds = Array.from({ length: media }, () => randomUUID())
  await pool(mediaIds, 8, async (mediaId) => {
    const postId = randomUUID()
    const sourceKey = `uploads/${personId}/${mediaId}.mp4`
    await db.query(`INSERT INTO posts (id, brand_id, creator_id, title, price_minor, currency, status) VALUES ($1, $2, $3, 'Bench clip', 0, 'USD', 'PUBLISHED')`, [postId, brand, personId])
    await db.query(`INSERT INTO media_items (id, brand_id, creator_id, post_id, title, access, file_name, content_type, size_bytes, sha256, source_key, workflow_id, status, updated_at)
      VALUES ($1, $2, $3, $4, 'Bench clip', 'subscribers', 'clip.mp4', 'video/mp4', $5, repeat('0', 64), $6, $7, 'PUBLISHED', now())`,
    [mediaId, brand, personId, postId, OBJECT_BYTES, sourceKey, `media:${mediaId}`])
    await storage.putObject(BUCKETS.uploads.name, sourceKey, bytes, bytes.length)
    for (const name of ['hls/360p/index.m3u8', 'thumb.jpg']) await storage.putObject(BUCKETS.media.name, `media/${mediaId}/${name}`, bytes.subarray(0, 1024), 1024)
    await fetch(`${env.OPENSEARCH_URL}/${SEARCH_INDEXES.content}/_doc/${mediaId}`, { method: 'PUT', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contentId: mediaId, brand: BRAND, creatorId: personId, title: 'Bench clip', status: 'PUBLISHED' }) })
  })
  await fetch(`${env.OPENSEARCH_URL}/${SEARCH_INDEXES.content}/_refresh`, { method: 'POST' })
  return { personId, email, mediaIds }
}

/** The same rows and objects the access export reads, zipped in this process: what the workflow adds is the ratio. */
async function bareExport(env: AppEnv, db: pg.Pool, s: Seeded): Promise<number> {
  const storage = createStorageClient({ endpoint: env.S3_ENDPOINT, accessKey: env.S3_ACCESS_KEY, secretKey: env.S3_SECRET_KEY, region: 'us-east-1' })
  const t0 = performance.now()
  const rows = {
    people: (await db.query('SELECT * FROM people WHERE id = $1', [s.personId])).rows,
    media: (await db.query('SELECT * FROM media_items WHERE creator_id = $1', [s.personId])).rows,
    postings: (await db.query(`SELECT p.*, e.memo FROM postings p JOIN journal_entries e ON e.id = p.entry_id
      WHERE p.account_id IN (SELECT id FROM ledger_accounts WHERE owner = $1)`, [s.personId])).rows,
  }
  const out = new PassThrough()
  const zip = new Zip((err, chunk, final) => { if (err) out.destroy(err); else { out.write(Buffer.from(chunk)); if (final) out.end() } })
  const key = `bench/${s.personId}.zip`
  const upload = storage.putObject(BUCKETS.exports.name, key, out)
  const data = new ZipDeflate('data.json', { level: 6 })
  zip.add(data)
  data.push(new TextEncoder().encode(JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))), true)
  for (const m of rows.media as { id: string; source_key: string }[]) {
    const entry = new ZipPassThrough(`files/${m.id}.mp4`)
    zip.add(entry)
    for await (const chunk of await storage.getObject(BUCKETS.uploads.name, m.source_key)) entry.push(new Uint8Array(chunk as Buffer))
    entry.push(new Uint8Array(0), true)
  }
  zip.end()
  await upload
  const seconds = (performance.now() - t0) / 1000
  await storage.removeObject(BUCKETS.exports.name, key)
  return seconds
}

/** Opens a request on behalf of the person and waits until it is answered; seconds from the 202 to the answer. */
async function timeRequest(env: AppEnv, token: string, email: string, kind: 'access' | 'erasure'): Promise<{ seconds: number; status: string }> {
  const t0 = performance.now()
  const started = await call<{ id: string }>(`${env.PUBLIC_URL}/api/privacy-requests`, { token,
    body: { email, kind, brand: BRAND, verificationNote: 'benchmark: verified by construction' } })
  for (;;) {
    const r = await call<{ status: string }>(`${env.PUBLIC_URL}/api/privacy-requests/${started.id}`, { token })
    if (['COMPLETED', 'WAITING_ON_HOLD', 'REJECTED'].includes(r.status)) return { seconds: (performance.now() - t0) / 1000, status: r.status }
    await new Promise((ok) => setTimeout(ok, 100))
  }
}

export async function benchDsr(env: AppEnv): Promise<void> {
  const db = new pg.Pool({ connectionString: env.DATABASE_URL, max: 8 })
  try {
    const token = await signIn(env.PUBLIC_URL, 'compliance@fanz.demo')
    const results: { entries: number; media: number; access: number; bare: number; erasure: number }[] = []
    for (const size of SIZES) {
      const t0 = performance.now()
      const s = await seed(env, db, size.entries, size.media)
      console.log(`seeded a creator with ${size.entries} ledger entries and ${size.media} media items (${OBJECT_BYTES / 1024} KiB originals) in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
      const bare = await bareExport(env, db, s)
      const access = await timeRequest(env, token, s.email, 'access')
      const erasure = await timeRequest(env, token, s.email, 'erasure')
      const left = (await db.query('SELECT count(*)::int AS n FROM media_items WHERE creator_id = $1 AND title <> $2', [s.personId, 'Removed'])).rows[0].n
      console.log(`  access ${access.seconds.toFixed(2)} s (${access.status}); bare export of the same rows and files ${bare.toFixed(2)} s; ratio ${(bare / access.seconds).toFixed(2)}x`)
      console.log(`  erasure ${erasure.seconds.toFixed(2)} s (${erasure.status}); media rows still titled after erasure: ${left}`)
      results.push({ ...size, access: access.seconds, bare, erasure: erasure.seconds })
    }
    if (results.length >= 2) {
      const [a, b] = [results[0]!, results[results.length - 1]!]
      const growth = (b.entries + b.media * 100) / (a.entries + a.media * 100)
      console.log(`growth from ${a.entries}/${a.media} to ${b.entries}/${b.media} (history ${growth.toFixed(1)}x): access ${(b.access / a.access).toFixed(2)}x, erasure ${(b.erasure / a.erasure).toFixed(2)}x`)
    }
  } finally {
    await db.end()
  }
}
