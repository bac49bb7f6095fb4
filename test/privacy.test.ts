import assert from 'node:assert/strict'
import { createHash, createPublicKey, randomUUID, verify } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import pg from 'pg'
import { unzipSync, strFromU8 } from 'fflate'
import { Client, Connection } from '@temporalio/client'
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js'
import type { Payload, PayloadCodec } from '@temporalio/common'
import { canonicalJson } from '../domain/privacy/receipt.ts'
import { createTemporalPayloadCodec } from '../activities/pii/temporal-data-converter.ts'
import { createDb } from '../prisma/client.ts'
import { api, login, testStack, until } from './support/stack.ts'
import { mailTo, newFan, newVerifiedCreator } from './support/people.ts'
import { rawTemporal, stackTemporal, storedHistoryText } from './support/temporal.ts'
import { announce } from './support/media.ts'

type Fan = Awaited<ReturnType<typeof newFan>>

const DONE = ['COMPLETED', 'REJECTED', 'WAITING_ON_HOLD']
const settled = (token: string, id: string) =>
  until(() => api(`/api/me/privacy-requests/${id}`, { token }), (r) => DONE.includes(r.body?.status), `request ${id} settled`, 480)
const codeOf = async (email: string) => /\b(\d{6})\b/.exec((await mailTo(email, 'privacyCode')).text)![1]!

/** Every text value the database holds, table by table, that contains one of the needles. */
async function pgHits(db: pg.Client, needles: string[]): Promise<string[]> {
  const tables = (await db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`)).rows
    .map((r: { table_name: string }) => r.table_name)
  const hits: string[] = []
  for (const t of tables) {
    const { rows } = await db.query(`SELECT t::text AS row FROM "${t}" t`)
    for (const r of rows as { row: string }[]) for (const n of needles) if (r.row.toLowerCase().includes(n.toLowerCase())) hits.push(`${t}: ${n}`)
  }
  return hits
}

/** Raw (still sealed) payload bytes of every workflow history in the namespace that contain one of the needles. */
async function historyHits(needles: string[]): Promise<string[]> {
  const raw = await rawTemporal()
  const hits: string[] = []
  try {
    for await (const w of raw.client.workflow.list()) {
      const text = await storedHistoryText(raw.client, w.workflowId, w.runId)
      for (const n of needles) if (text.includes(n)) hits.push(`${w.workflowId}: ${n}`)
    }
  } finally {
    await raw.close()
  }
  return hits
}

/** The payloads of a run that the codec sealed (binary/fanz-pii1), as the server stores them. */
async function sealedPayloads(workflowId: string): Promise<Payload[]> {
  const connection = await Connection.connect({ address: testStack().env.TEMPORAL_ADDRESS })
  try {
    const history = await new Client({ connection, namespace: testStack().env.TEMPORAL_NAMESPACE }).workflow.getHandle(workflowId).fetchHistory()
    const found: Payload[] = []
    const walk = (v: unknown): void => {
      if (!v || typeof v !== 'object') return
      const o = v as { metadata?: Record<string, Uint8Array>; data?: Uint8Array }
      if (o.metadata?.encoding && Buffer.from(o.metadata.encoding).toString() === 'binary/fanz-pii1') { found.push(o as Payload); return }
      for (const x of Object.values(v)) walk(x)
    }
    walk(history.events)
    return found
  } finally {
    await connection.close()
  }
}

const freshCodec = (): PayloadCodec => {
  const env = testStack().env as Record<string, string>
  return createTemporalPayloadCodec({ PII_MASTER_KEYS: env.PII_MASTER_KEYS!, PII_CURRENT_KEY_ID: env.PII_CURRENT_KEY_ID!, PII_INDEX_KEY: env.PII_INDEX_KEY! },
    createDb(env.DATABASE_URL!))
}

async function searchHits(needles: string[]): Promise<number> {
  let n = 0
  for (const needle of needles) {
    const res = await fetch(`${testStack().env.OPENSEARCH_URL}/fanz-*/_search`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: { multi_match: { query: needle, fields: ['*'], lenient: true } } }) })
    n += ((await res.json()) as { hits: { total: { value: number } } }).hits.total.value
  }
  return n
}

/** Postings of the person's ledger accounts, and the books as a whole, per currency. */
async function books(db: pg.Client, personId: string) {
  const mine = (await db.query(`SELECT a.key, count(p.id)::int AS n, coalesce(sum(p.amount), 0)::text AS total FROM ledger_accounts a
    LEFT JOIN postings p ON p.account_id = a.id WHERE a.owner = $1 GROUP BY a.key ORDER BY a.key`, [personId])).rows
  const all = (await db.query(`SELECT currency, sum(amount)::text AS total FROM postings GROUP BY currency ORDER BY currency`)).rows
  return { mine, all }
}

describe('data subject requests: access and erasure across PostgreSQL, MinIO, OpenSearch and Temporal (real stack)', function () {
  let db: pg.Client
  let compliance: string
  let fan: Fan
  let other: Fan
  before(async () => {
    db = new pg.Client({ connectionString: testStack().env.DATABASE_URL })
    await db.connect()
    // names of their own: the scans look for them across everything the stack has ever stored
    const tag = randomUUID().slice(0, 6)
    ;[compliance, fan, other] = await Promise.all([login('compliance@fanz.demo'), newFan('girlfanz', `Priya Quill ${tag}`), newFan('girlfanz', `Otto Other ${tag}`)])
  })
  const recorded: Record<string, string> = {}
  after(async () => {
    // histories for the replay test, recorded from this run (RECORD_HISTORIES=1)
    if (process.env.RECORD_HISTORIES) {
      const temporal = await stackTemporal()
      for (const [name, workflowId] of Object.entries(recorded)) {
        await writeFile(new URL(`./replay/histories/${name}.json`, import.meta.url), historyToJSON(await temporal.client.workflow.getHandle(workflowId).fetchHistory()))
      }
      await temporal.close()
    }
    await db.end()
  })

  describe('bad input is refused with a code, and nothing is opened', () => {
    it('needs a signed-in requester and a known kind', async () => {
      assert.equal((await api('/api/me/privacy-requests', { method: 'POST', body: { kind: 'access', brand: 'girlfanz' } })).status, 401)
      const bad = await api('/api/me/privacy-requests', { method: 'POST', token: fan.token, body: { kind: 'everything', brand: 'girlfanz' } })
      assert.deepEqual([bad.status, bad.body.error.code], [400, 'VALIDATION_FAILED'])
      const noChange = await api('/api/me/privacy-requests', { method: 'POST', token: fan.token, body: { kind: 'rectification', brand: 'girlfanz' } })
      assert.deepEqual([noChange.status, noChange.body.error.code], [400, 'VALIDATION_FAILED'])
      assert.equal((await db.query('SELECT 1 FROM dsr_requests WHERE person_id = $1', [fan.id])).rowCount, 0)
    })

    it('keeps the back office to compliance, refuses agents without proof and unknown people', async () => {
      const asFan = await api('/api/privacy-requests', { token: fan.token })
      assert.deepEqual([asFan.status, asFan.body.error.code], [403, 'FORBIDDEN'])
      const agent = await api('/api/privacy-requests', { method: 'POST', token: compliance, body: { email: fan.email, kind: 'access', brand: 'girlfanz',
        verificationNote: 'called the fan back on file', agent: { name: 'Lex Counsel', relationship: 'attorney' } } })
      assert.deepEqual([agent.status, agent.body.error.code], [422, 'AGENT_PROOF_REQUIRED'])
      const nobody = await api('/api/privacy-requests', { method: 'POST', token: compliance, body: { email: 'nobody-here@example.test', kind: 'access',
        brand: 'girlfanz', verificationNote: 'called the fan back on file' } })
      assert.deepEqual([nobody.status, nobody.body.error.code], [404, 'UNKNOWN_PERSON'])
      const hold = await api('/api/legal-holds', { method: 'POST', token: compliance, body: { email: fan.email, reason: 'matter 2026-114, subpoena', until: '2020-01-01' } })
      assert.deepEqual([hold.status, hold.body.error.code], [400, 'VALIDATION_FAILED'])
      assert.equal((await db.query('SELECT 1 FROM dsr_requests WHERE person_id = $1', [fan.id])).rowCount, 0)
      assert.equal((await db.query('SELECT 1 FROM legal_holds WHERE person_id = $1', [fan.id])).rowCount, 0)
    })
  })

  describe('access', () => {
    let requestId: string
    it('a freshly signed-in fan gets a zip of everything held about them, offered only to them', async () => {
      // something in every system: a PPV purchase (ledger, processor events, a finance workflow)
      const post = (await db.query(`SELECT p.id FROM posts p JOIN people c ON c.id = p.creator_id JOIN brands b ON b.id = p.brand_id
        WHERE c.email = 'creator@fanz.demo' AND b.slug = 'boyfanz' AND p.status = 'PUBLISHED' AND p.price_minor > 0 ORDER BY p.price_minor LIMIT 1`)).rows[0]
      const bought = await api('/api/purchases', { method: 'POST', token: fan.token, body: { postId: post.id, paymentToken: 'tok_approve_visa', jurisdiction: 'NL' } })
      assert.equal(bought.status, 202, JSON.stringify(bought.body))
      await until(() => api(`/api/purchases/${bought.body.id}`, { token: fan.token }), (r) => r.body?.status === 'COMPLETED', 'the purchase')

      const started = await api('/api/me/privacy-requests', { method: 'POST', token: fan.token, body: { kind: 'access', brand: 'girlfanz' } })
      assert.equal(started.status, 202, JSON.stringify(started.body))
      requestId = started.body.id
      recorded['data-subject-request-access'] = started.body.workflowId
      assert.deepEqual([started.body.verification, started.body.verificationMethod, started.body.jurisdiction], ['verified', 'session', 'GDPR'])
      assert.equal(new Date(started.body.dueAt).getTime() - new Date(started.body.receivedAt).getTime(), 30 * 86_400_000)
      const again = await api('/api/me/privacy-requests', { method: 'POST', token: fan.token, body: { kind: 'access', brand: 'girlfanz' } })
      assert.deepEqual([again.status, again.body.error.code], [409, 'DSR_ALREADY_OPEN'])

      const done = await settled(fan.token, requestId)
      assert.equal(done.body.status, 'COMPLETED', JSON.stringify(done.body))
      assert.equal(done.body.download.available, true)
      assert.deepEqual(done.body.steps.map((s: { system: string }) => s.system), ['ledger', 'postgres', 'search', 'storage', 'temporal'])

      const res = await fetch(`${testStack().env.PUBLIC_URL}/api/me/privacy-requests/${requestId}/archive`, { headers: { authorization: `Bearer ${fan.token}` } })
      assert.equal(res.status, 200)
      assert.equal(res.headers.get('content-type'), 'application/zip')
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()))
      const data = JSON.parse(strFromU8(files['data.json']!))
      const manifest = JSON.parse(strFromU8(files['manifest.json']!))
      assert.equal(data.postgres.people[0].email, fan.email)
      assert.equal(data.postgres.personas[0].handle, fan.handle)
      assert.equal(data.postgres.purchases.length, 1)
      assert.ok(data.postgres.consents.length > 0)
      const legs = data.ledger.postings.filter((p: { workflow_id: string }) => p.workflow_id === bought.body.workflowId)
      assert.ok(legs.length >= 3, `every leg of the sale's entry: ${JSON.stringify(data.ledger)}`)
      assert.ok(data.workflows.some((w: { workflowId: string }) => w.workflowId === bought.body.workflowId), 'the purchase run')
      assert.equal(manifest.counts.postgres, Object.values(data.postgres as Record<string, unknown[]>).reduce((n, rows) => n + rows.length, 0))

      // nobody else gets it, and the fan hears it is ready with the receipt's digest
      const stranger = await api(`/api/me/privacy-requests/${requestId}/archive`, { token: other.token })
      assert.deepEqual([stranger.status, stranger.body.error.code], [404, 'NOT_FOUND'])
      assert.equal((await api(`/api/me/privacy-requests/${requestId}`, { token: other.token })).status, 404)
      const receipt = await api(`/api/me/privacy-requests/${requestId}/receipt`, { token: fan.token })
      const digest = createHash('sha256').update(canonicalJson(receipt.body.receipt)).digest('hex')
      assert.ok((await mailTo(fan.email, 'privacyNotice')).text.includes(digest))
      assert.ok(verify(null, Buffer.from(canonicalJson(receipt.body.receipt)), createPublicKey(receipt.body.publicKey), Buffer.from(receipt.body.signature, 'base64')))
    })

    it('refuses the download once the link has expired', async () => {
      await db.query(`UPDATE dsr_requests SET download_expires_at = now() - interval '1 minute' WHERE id = $1`, [requestId])
      const late = await api(`/api/me/privacy-requests/${requestId}/archive`, { token: fan.token })
      assert.deepEqual([late.status, late.body.error.code], [410, 'DOWNLOAD_EXPIRED'])
    })
  })

  describe('erasure', () => {
    it('does nothing for a requester who cannot prove the mailbox, and counts wrong codes', async () => {
      const started = await api('/api/me/privacy-requests', { method: 'POST', token: other.token, body: { kind: 'erasure', brand: 'girlfanz' } })
      assert.equal(started.status, 202, JSON.stringify(started.body))
      assert.deepEqual([started.body.status, started.body.verification], ['AWAITING_VERIFICATION', 'pending'])
      const code = await codeOf(other.email)
      const wrong = code === '000000' ? '111111' : '000000'
      const refused = await api(`/api/me/privacy-requests/${started.body.id}/verification`, { method: 'POST', token: other.token, body: { code: wrong } })
      assert.deepEqual([refused.status, refused.body.error.code], [422, 'INVALID_CODE'])
      const foreign = await api(`/api/me/privacy-requests/${started.body.id}/verification`, { method: 'POST', token: fan.token, body: { code } })
      assert.equal(foreign.status, 404)
      // a few seconds later, still nothing erased
      await new Promise((ok) => setTimeout(ok, 2000))
      const still = await db.query('SELECT email, status FROM people WHERE id = $1', [other.id])
      assert.deepEqual([still.rows[0].email, still.rows[0].status], [other.email, 'active'])
      const rejected = await api(`/api/privacy-requests/${started.body.id}/rejection`, { method: 'POST', token: compliance, body: { reason: 'the requester never confirmed the code' } })
      assert.equal(rejected.body.status, 'REJECTED', JSON.stringify(rejected.body))
    })

    it('erases a fan everywhere but the books; the books balance as before; histories are shredded', async () => {
      const person = (await db.query('SELECT display_name FROM people WHERE id = $1', [other.id])).rows[0]
      const needles = [other.email, person.display_name as string, other.handle]
      const signupRun = `signup:${other.id}`
      // before: the codec opens the fan's payloads, and the stores hold their data
      const sealed = await sealedPayloads(signupRun)
      assert.ok(sealed.length > 0, 'the signup run holds payloads sealed for the fan')
      const codec = freshCodec()
      assert.ok((await codec.decode(sealed)).every((p) => p.metadata?.encoding && Buffer.from(p.metadata.encoding).toString() === 'json/plain'))
      assert.ok((await historyHits([other.email])).length === 0, 'no history holds the email in clear')
      const before = await books(db, other.id)
      // a creator invited the fan as a co-performer (not accepted): the slot holds their address, sealed with its own key
      const inviter = await newVerifiedCreator('girlfanz', 'Ines', 'Inviter')
      const invited = await announce(inviter.token, new Uint8Array(256 * 1024).fill(7), { brand: 'girlfanz', title: 'Duo, invited',
        performers: [{ alias: 'Otto', email: other.email }] })
      assert.equal(invited.status, 201, JSON.stringify(invited.body))
      const slot = async () => (await db.query(`SELECT mp.email_sealed, k.destroyed_at FROM media_performers mp JOIN person_keys k ON k.person_id = mp.id
        WHERE mp.media_id = $1 AND mp.role = 'co-performer'`, [invited.body.id])).rows[0]
      assert.ok((await slot()).email_sealed, 'the invitation holds the address, sealed')

      const started = await api('/api/me/privacy-requests', { method: 'POST', token: other.token, body: { kind: 'erasure', brand: 'girlfanz' } })
      assert.equal(started.status, 202, JSON.stringify(started.body))
      const ok = await api(`/api/me/privacy-requests/${started.body.id}/verification`, { method: 'POST', token: other.token, body: { code: await codeOf(other.email) } })
      assert.equal(ok.status, 200, JSON.stringify(ok.body))
      const done = await until(() => api(`/api/privacy-requests/${started.body.id}`, { token: compliance }), (r) => DONE.includes(r.body?.status), 'erasure', 480)
      assert.equal(done.body.status, 'COMPLETED', JSON.stringify(done.body))
      recorded['data-subject-request-erasure'] = started.body.workflowId
      assert.deepEqual(done.body.steps.map((s: { system: string; status: string }) => `${s.system}:${s.status}`),
        ['ledger:DONE', 'postgres:DONE', 'search:DONE', 'storage:DONE', 'temporal:DONE'])

      assert.deepEqual(await pgHits(db, needles), [])
      assert.equal(await searchHits(needles), 0)
      assert.deepEqual(await historyHits(needles), [])
      assert.equal((await db.query('SELECT wrapped_key FROM person_keys WHERE person_id = $1', [other.id])).rows[0].wrapped_key, null)
      // the payloads the codec sealed for the fan cannot be opened any more
      // (a fresh codec: every process caches opened keys for up to 30 s)
      await assert.rejects(freshCodec().decode(await sealedPayloads(signupRun)), /erased person|destroyed/i)
      assert.deepEqual(await books(db, other.id), before)
      assert.ok(before.all.every((c: { total: string }) => c.total === '0'))
      // the invitation to the erased fan: its sealed address dropped and the slot key destroyed
      const invitation = await slot()
      assert.equal(invitation.email_sealed, null)
      assert.ok(invitation.destroyed_at, 'the invitation slot key is destroyed')
      // the tombstone signs nobody in
      assert.equal((await api('/api/auth/login', { method: 'POST', body: { email: other.email, password: 'correct horse battery staple' } })).status, 401)
      const receipt = await db.query('SELECT receipt, receipt_signature FROM dsr_requests WHERE id = $1', [started.body.id])
      assert.ok(receipt.rows[0].receipt_signature)
      assert.ok(!JSON.stringify(receipt.rows[0].receipt).includes(other.email))
    })

    it('withholds what a dispute window and a litigation hold keep, with reasons and dates, and erases the rest', async () => {
      const fanRow = (await db.query('SELECT display_name FROM people WHERE id = $1', [fan.id])).rows[0]
      const hold = await api('/api/legal-holds', { method: 'POST', token: compliance, body: { email: fan.email, reason: 'matter 2026-114: subpoena for account records' } })
      assert.equal(hold.status, 201, JSON.stringify(hold.body))
      const before = await books(db, fan.id)
      const started = await api('/api/privacy-requests', { method: 'POST', token: compliance, body: { email: fan.email, kind: 'erasure', brand: 'girlfanz',
        verificationNote: 'verified by a call to the number on file' } })
      assert.equal(started.status, 202, JSON.stringify(started.body))
      const waiting = await until(() => api(`/api/privacy-requests/${started.body.id}`, { token: compliance }), (r) => DONE.includes(r.body?.status), 'erasure', 480)
      assert.equal(waiting.body.status, 'WAITING_ON_HOLD', JSON.stringify(waiting.body))
      recorded['data-subject-request-held'] = started.body.workflowId
      const kinds = new Set(waiting.body.holds.map((h: { kind: string }) => h.kind))
      assert.ok(kinds.has('litigation') && kinds.has('chargeback'), JSON.stringify(waiting.body.holds))
      const withheld = waiting.body.steps.flatMap((s: { withheld: { holdKind: string; until: string | null }[] }) => s.withheld)
      assert.ok(withheld.length > 0 && withheld.every((w: { holdKind: string }) => ['litigation', 'chargeback', 'running_workflows'].includes(w.holdKind)))
      // litigation holds every category: the account is still there, the books untouched
      assert.equal((await db.query('SELECT email FROM people WHERE id = $1', [fan.id])).rows[0].email, fan.email)
      assert.deepEqual(await books(db, fan.id), before)
      assert.ok(waiting.body.receipt?.signature, 'the interim receipt says what is withheld and why')

      // released: the rest goes, the purchase's dispute window still keeps the purchase records
      const released = await api(`/api/legal-holds/${hold.body.id}/release`, { method: 'POST', token: compliance, body: { reason: 'matter 2026-114 closed by settlement' } })
      assert.equal(released.status, 200, JSON.stringify(released.body))
      const again = await api(`/api/legal-holds/${hold.body.id}/release`, { method: 'POST', token: compliance, body: { reason: 'matter 2026-114 closed by settlement' } })
      assert.deepEqual([again.status, again.body.error.code], [409, 'ALREADY_RELEASED'])
      await until(() => db.query('SELECT email FROM people WHERE id = $1', [fan.id]), (r) => r.rows[0].email !== fan.email, 'the account erased after the release', 480)
      assert.equal((await db.query('SELECT 1 FROM purchases WHERE fan_id = $1', [fan.id])).rowCount, 1, 'the purchase stays inside its dispute window')
      assert.deepEqual(await books(db, fan.id), before)
      const after = await until(() => api(`/api/privacy-requests/${started.body.id}`, { token: compliance }),
        (r) => r.body.holds.every((h: { kind: string }) => h.kind === 'chargeback') && r.body.steps.every((s: { finishedAt: string }) => s.finishedAt), 'the second pass')
      // what still names the fan is exactly what the receipt lists as withheld by the dispute window
      const withheldTables = new Set(after.body.steps.flatMap((s: { withheld: { what: string; holdKind: string }[] }) => s.withheld)
        .filter((w: { holdKind: string }) => w.holdKind === 'chargeback').map((w: { what: string }) => w.what.split(/[: (]/)[0]))
      const hits = await pgHits(db, [fan.email, fanRow.display_name as string, fan.handle])
      assert.ok(hits.every((h) => withheldTables.has(h.split(':')[0]!)), `${hits.join(', ')} not all withheld (${[...withheldTables].join(', ')})`)
      assert.ok(!hits.some((h) => h.startsWith('people:') || h.startsWith('personas:')), 'the account and profile are erased')
      assert.equal(after.body.status, 'WAITING_ON_HOLD')
    })

    it('keeps a creator\'s 2257 records and the key that seals them for the statutory period', async () => {
      const creator = await newVerifiedCreator('girlfanz', 'Rhea', 'Stone')
      const started = await api('/api/privacy-requests', { method: 'POST', token: compliance, body: { email: creator.email, kind: 'erasure', brand: 'girlfanz',
        verificationNote: 'verified against the ID on file by video call' } })
      assert.equal(started.status, 202, JSON.stringify(started.body))
      const waiting = await until(() => api(`/api/privacy-requests/${started.body.id}`, { token: compliance }), (r) => DONE.includes(r.body?.status), 'erasure', 480)
      assert.equal(waiting.body.status, 'WAITING_ON_HOLD', JSON.stringify(waiting.body))
      const records = waiting.body.holds.find((h: { kind: string }) => h.kind === 'records_2257')
      assert.ok(records && new Date(records.until).getUTCFullYear() >= new Date().getUTCFullYear() + 7, JSON.stringify(waiting.body.holds))
      const temporalStep = waiting.body.steps.find((s: { system: string }) => s.system === 'temporal')
      assert.equal(temporalStep.status, 'WITHHELD')
      assert.ok((await db.query('SELECT wrapped_key FROM person_keys WHERE person_id = $1', [creator.id])).rows[0].wrapped_key, 'the key stays')
      assert.equal((await db.query('SELECT 1 FROM performer_records WHERE person_id = $1', [creator.id])).rowCount, 1)
      const person = (await db.query('SELECT email, status FROM people WHERE id = $1', [creator.id])).rows[0]
      assert.deepEqual([person.email.endsWith('@erased.invalid'), person.status], [true, 'erased'])
      const receiptKinds = waiting.body.steps.flatMap((st: { withheld: { holdKind: string; what: string }[] }) => st.withheld)
        .filter((w: { holdKind: string }) => w.holdKind === 'records_2257').map((w: { what: string }) => w.what.split(/[: (]/)[0])
      assert.ok(receiptKinds.includes('performer_records') && receiptKinds.includes('kyc_cases'), JSON.stringify(receiptKinds))
    })

    it('extends the deadline only as the law allows, with a reason', async () => {
      const third = await newFan('boyfanz', 'Ezra Late')
      // an erasure waiting for its code stays open: the clock runs meanwhile
      const started = await api('/api/me/privacy-requests', { method: 'POST', token: third.token, body: { kind: 'erasure', brand: 'boyfanz' } })
      assert.equal(started.status, 202, JSON.stringify(started.body))
      const url = `/api/privacy-requests/${started.body.id}/extensions`
      const tooLong = await api(url, { method: 'POST', token: compliance, body: { days: 61, reason: 'large archive of media to gather' } })
      assert.deepEqual([tooLong.status, tooLong.body.error.code, tooLong.body.error.details.reason], [422, 'EXTENSION_NOT_ALLOWED', 'EXTENSION_INVALID_DAYS'])
      const noReason = await api(url, { method: 'POST', token: compliance, body: { days: 30, reason: 'busy' } })
      assert.deepEqual([noReason.status, noReason.body.error.details.reason], [422, 'EXTENSION_REASON_REQUIRED'])
      const extended = await api(url, { method: 'POST', token: compliance, body: { days: 30, reason: 'large archive of media to gather' } })
      assert.equal(extended.status, 200, JSON.stringify(extended.body))
      assert.equal(new Date(extended.body.dueAt).getTime() - new Date(started.body.dueAt).getTime(), 30 * 86_400_000)
      assert.deepEqual(extended.body.extensions.map((e: { days: number; reason: string }) => [e.days, e.reason]), [[30, 'large archive of media to gather']])
      const beyond = await api(url, { method: 'POST', token: compliance, body: { days: 31, reason: 'still gathering the media archive' } })
      assert.deepEqual([beyond.status, beyond.body.error.details.reason], [422, 'EXTENSION_TOO_LONG'])
      // a second request of any kind waits while this one is open
      const clash = await api('/api/me/privacy-requests', { method: 'POST', token: third.token, body: { kind: 'erasure', brand: 'boyfanz' } })
      assert.deepEqual([clash.status, clash.body.error.code, clash.body.error.details.requestId], [409, 'DSR_ALREADY_OPEN', started.body.id])
    })
  })
})
