import assert from 'node:assert/strict'
import pg from 'pg'
import { api, login, testStack, until } from './support/stack.ts'

const yearsAgo = (n: number) => new Date(Date.now() - n * 365.25 * 86_400_000).toISOString().slice(0, 10)

/** Starts onboarding for a signed-in person and returns the case once the provider session is open. */
async function startOnboarding(token: string, brand: string, handle: string, first: string, last: string, stageNames: string[]) {
  const release = await api('/api/model-release', { token })
  const started = await api('/api/creator-onboarding', { method: 'POST', token, body: { brand, handle, legalFirstName: first, legalLastName: last,
    stageNames, release: { version: release.body.version, signatureName: `${first} ${last}`, agreed: true } } })
  assert.equal(started.status, 202, JSON.stringify(started.body))
  const c = await until(() => api(`/api/creator-onboarding?brand=${brand}`, { token }), (r) => Boolean(r.body?.hostedUrl), 'the provider session')
  const sessions = (await (await fetch(`${testStack().env.VERIFF_API_URL}/sandbox/sessions`)).json()) as { sessions: { id: string; vendorData: string }[] }
  const session = sessions.sessions.find((s) => s.vendorData === started.body.caseId)
  assert.ok(session, 'the KYC sandbox holds the session')
  return { caseId: started.body.caseId as string, sessionId: session.id, hostedUrl: c.body.hostedUrl as string }
}

/** What the applicant does at the provider: the sandbox decides the session and posts its signed webhook to the API. */
const decideAtProvider = (sessionId: string, body: Record<string, unknown>) =>
  fetch(`${testStack().env.VERIFF_API_URL}/sandbox/sessions/${sessionId}/decide`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body) }).then((r) => assert.equal(r.status, 200))

describe('creator onboarding: KYC with the provider, compliance review, 2257 record (real stack, KYC sandbox)', function () {
  this.timeout(120_000)
  let db: pg.Client
  let compliance: string
  before(async () => {
    db = new pg.Client({ connectionString: testStack().env.DATABASE_URL })
    await db.connect()
    compliance = await login('compliance@fanz.demo')
  })
  after(() => db.end())

  it('routes a name mismatch to review; the compliance approval writes an encrypted 2257 record and grants the creator role', async () => {
    const fan = await login('fan@fanz.demo')
    const { caseId, sessionId } = await startOnboarding(fan, 'girlfanz', 'fay_creates', 'Fay', 'Example', ['Fay Star'])
    await decideAtProvider(sessionId, { status: 'approved', person: { firstName: 'Fay', lastName: 'Exampel', dateOfBirth: '1994-05-06' },
      document: { type: 'PASSPORT', number: 'X1234567', country: 'DE', validUntil: '2031-06-30' } })
    const inReview = await until(() => api(`/api/kyc-cases/${caseId}`, { token: compliance }), (r) => r.body?.status === 'review', 'review')
    assert.equal(inReview.body.reasonCode, 'NAME_MISMATCH')
    assert.equal(inReview.body.evidence.provider.person.lastName, 'Exampel')
    assert.ok(inReview.body.media.length >= 2, 'document and face images are listed')
    const queue = await api(`/api/kyc-cases?filter=${encodeURIComponent(JSON.stringify({ status: 'review' }))}`, { token: compliance })
    assert.ok(queue.body.some((c: { id: string }) => c.id === caseId))

    const decided = await api(`/api/kyc-cases/${caseId}/decision`, { method: 'POST', token: compliance,
      body: { decision: 'approve', reasonCode: 'DOCUMENT_OK', reason: 'Typo in the declared surname; passport checked by hand.' } })
    assert.equal(decided.status, 200, JSON.stringify(decided.body))
    assert.equal(decided.body.status, 'approved')
    const audit = await db.query(`SELECT workflow_id, reason FROM audit_logs WHERE action = 'kyc_case.approve' AND resource_id = $1`, [caseId])
    assert.equal(audit.rows[0].workflow_id, (await db.query('SELECT workflow_id FROM kyc_cases WHERE id = $1', [caseId])).rows[0].workflow_id)

    const found = await until(() => api(`/api/performer-records?filter=${encodeURIComponent(JSON.stringify({ q: 'fay star' }))}`, { token: compliance }),
      (r) => r.body?.length === 1, 'the 2257 record, found by alias')
    assert.deepEqual([found.body[0].legalName, found.body[0].dateOfBirth, found.body[0].aliases], ['Fay Exampel', '1994-05-06', ['Fay Star']])
    const record = await api(`/api/performer-records/${found.body[0].id}`, { token: compliance })
    assert.equal(record.body.documentNumber, 'X1234567')
    assert.equal(record.body.custodian.title, 'Custodian of Records')
    assert.equal(record.body.releaseSignature.name, 'Fay Example')
    const copy = await fetch(`${testStack().env.PUBLIC_URL}${record.body.idCopies[0].url}`, { headers: { authorization: `Bearer ${compliance}` } })
    assert.equal(copy.status, 200)
    assert.match(copy.headers.get('content-type') ?? '', /^image\//)
    const csv = await fetch(`${testStack().env.PUBLIC_URL}/api/performer-records/export?by=alias&format=csv`, { headers: { authorization: `Bearer ${compliance}` } })
    // other tests' creators may sort before Fay: the header first, her row somewhere
    const text = await csv.text()
    assert.match(text, /^alias,legalName,/)
    assert.match(text, /\r\nFay Exampel,Fay Exampel,/)

    const again = await login('fan@fanz.demo')
    const me = await api('/api/auth/me', { token: again })
    assert.ok(me.body.person.roles.some((r: { role: string; brandSlug: string }) => r.role === 'creator' && r.brandSlug === 'girlfanz'))
  })

  it('keeps no personal data in clear in the KYC and 2257 tables', async () => {
    const secrets = ['Exampel', 'X1234567', '1994-05-06', 'Fay Star', 'fay star']
    for (const table of ['kyc_cases', 'kyc_events', 'performer_records', 'performer_aliases', 'person_keys']) {
      const rows = (await db.query(`SELECT row_to_json(t)::text AS json FROM ${table} t`)).rows as { json: string }[]
      assert.ok(rows.length > 0 || table === 'person_keys', `${table} has rows to inspect`)
      for (const s of secrets) assert.ok(!rows.some((r) => r.json.includes(s)), `${table} holds "${s}" in clear`)
    }
  })

  it('declines an underage date of birth read from the document, whatever the provider said, and writes no record', async () => {
    const creator = await login('creator@fanz.demo')
    const { caseId, sessionId } = await startOnboarding(creator, 'girlfanz', 'rex_girl', 'Rex', 'Young', [])
    await decideAtProvider(sessionId, { status: 'approved', person: { firstName: 'Rex', lastName: 'Young', dateOfBirth: yearsAgo(17) },
      document: { type: 'PASSPORT', number: 'U7654321', country: 'US', validUntil: '2030-01-01' } })
    const declined = await until(() => api(`/api/kyc-cases/${caseId}`, { token: compliance }), (r) => r.body?.status === 'declined', 'the decline')
    assert.equal(declined.body.reasonCode, 'UNDERAGE')
    assert.equal((await db.query('SELECT count(*)::int AS n FROM performer_records WHERE kyc_case_id = $1', [caseId])).rows[0].n, 0)
  })

  it('rejects a forged or tampered provider webhook and stores nothing', async () => {
    const before = (await db.query('SELECT count(*)::int AS n FROM kyc_events')).rows[0].n
    const forged = await fetch(`${testStack().env.PUBLIC_URL}/webhooks/kyc/veriff`, { method: 'POST', headers: { 'content-type': 'application/json',
      'x-auth-client': '5b8f3c2e-1d4a-4e6b-9f70-3a2c1b0d9e8f', 'x-hmac-signature': 'ab'.repeat(32) },
      body: JSON.stringify({ status: 'success', verification: { id: 'x', status: 'approved', code: 9001, decisionTime: new Date().toISOString() } }) })
    assert.equal(forged.status, 401)
    assert.equal(((await forged.json()) as { error: { code: string } }).error.code, 'BAD_SIGNATURE')
    assert.equal((await db.query('SELECT count(*)::int AS n FROM kyc_events')).rows[0].n, before)
  })

  it('authorizes by role: 2257 records for compliance only, the KYC queue for compliance and admins', async () => {
    const tokens = Object.fromEntries(await Promise.all(['admin', 'compliance', 'finance', 'moderator', 'creator', 'fan']
      .map(async (r) => [r, await login(`${r}@fanz.demo`)] as const)))
    const matrix: [string, string[]][] = [
      ['/api/performer-records', ['compliance']],
      ['/api/kyc-cases', ['admin', 'compliance']],
      ['/api/mail-messages', ['admin', 'compliance']],
      ['/api/people', ['admin', 'compliance']],
      ['/api/audit-logs', ['admin', 'compliance']],
      ['/api/ledger-accounts', ['admin', 'finance']],
      ['/api/brands', ['admin', 'compliance', 'finance', 'moderator']],
      ['/api/platform-checks', ['admin']],
    ]
    for (const [path, allowed] of matrix) {
      for (const [role, token] of Object.entries(tokens)) {
        const res = await api(path, { token })
        assert.equal(res.status, allowed.includes(role) ? 200 : 403, `${role} on ${path}: ${JSON.stringify(res.body).slice(0, 200)}`)
      }
      assert.equal((await api(path)).status, 401, `anonymous on ${path}`)
    }
  })
})
