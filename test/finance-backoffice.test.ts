import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { createStorageClient } from '../activities/storage/client.ts'
import { api, login, testStack } from './support/stack.ts'

const filter = (f: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(f))}`
const personId = async (db: pg.Client, email: string) => (await db.query('SELECT id FROM people WHERE email = $1', [email])).rows[0].id as string

describe('finance back office through the API (chargebacks, share rules, referrals, revenue series)', function () {
  this.timeout(60_000)
  let finance: string
  let fan: string
  let db: pg.Client
  let creatorId: string
  let referrerId: string
  /** never a creator anywhere (fan2 becomes one in the onboarding browser test) */
  let fanId: string
  const made = { rules: [] as string[], cases: [] as string[] }
  before(async () => {
    ;[finance, fan] = await Promise.all([login('finance@fanz.demo'), login('fan@fanz.demo')])
    db = new pg.Client({ connectionString: testStack().env.DATABASE_URL })
    await db.connect()
    ;[creatorId, referrerId, fanId] = await Promise.all([personId(db, 'creator@fanz.demo'), personId(db, 'fan2@fanz.demo'), personId(db, 'fan@fanz.demo')])
    // one referral per brand and creator, ever: start from none so the test can be run again on the same data
    await db.query("DELETE FROM referrals WHERE brand = 'boyfanz' AND creator_id = $1", [creatorId])
  })
  after(async () => {
    // leave no deal in force that would change the splits other tests assert
    await db.query("DELETE FROM referrals WHERE brand = 'boyfanz' AND creator_id = $1", [creatorId])
    await db.query('DELETE FROM revenue_share_rules WHERE id = ANY($1::uuid[])', [made.rules])
    await db.query('DELETE FROM chargeback_cases WHERE id = ANY($1::uuid[])', [made.cases])
    await db.end()
  })

  it('lists chargeback cases and shows one with its entry id as a string, its workflow, and a working evidence link', async () => {
    const env = testStack().env
    const transactionId = `tx-${randomUUID()}`
    const evidenceKey = `evidence/chargebacks/ccbill/${transactionId}.json`
    const storage = createStorageClient({ endpoint: env.S3_ENDPOINT, accessKey: env.S3_ACCESS_KEY, secretKey: env.S3_SECRET_KEY, region: 'us-east-1' })
    const pack = Buffer.from(JSON.stringify({ assembledBy: `chargeback:ccbill:${transactionId}`, purchase: null }))
    await storage.putObject('fanz-exports', evidenceKey, pack, pack.length, { 'Content-Type': 'application/json' })
    const row = (await db.query(`INSERT INTO chargeback_cases (id, workflow_id, processor, transaction_id, event_id, purchase_id, fan_id, creator_id, brand,
      amount, currency, status, clawed_back, loss, fee, ledger_entry_id, evidence_key, closed_at)
      VALUES ($1, $2, 'ccbill', $3, 'ev-1', $4, $5, $6, 'boyfanz', 499, 'USD', 'CLOSED', 335, 2500, 2500, 9007199254740993, $7, now()) RETURNING id`,
    [randomUUID(), `chargeback:ccbill:${transactionId}`, transactionId, randomUUID(), referrerId, creatorId, evidenceKey])).rows[0]
    made.cases.push(row.id)

    const list = await api(`/api/chargeback-cases?${filter({ brand: 'boyfanz', status: 'CLOSED', processor: 'ccbill' })}&range=[0,499]&sort=["openedAt","DESC"]`,
      { token: finance })
    assert.equal(list.status, 200, JSON.stringify(list.body))
    assert.match(list.headers.get('content-range') ?? '', /^chargeback-cases 0-\d+\/\d+$/)
    const listed = list.body.find((c: { id: string }) => c.id === row.id)
    assert.ok(listed, 'the case is listed')
    assert.equal(listed.ledgerEntryId, '9007199254740993', 'bigint ids keep every digit as strings')
    const open = await api(`/api/chargeback-cases?${filter({ status: 'OPEN' })}`, { token: finance })
    assert.ok(!open.body.some((c: { id: string }) => c.id === row.id), 'the status filter applies')

    const shown = await api(`/api/chargeback-cases/${row.id}`, { token: finance })
    assert.equal(shown.status, 200, JSON.stringify(shown.body))
    assert.deepEqual([shown.body.workflowId, shown.body.ledgerEntryId, shown.body.purchase, shown.body.evidence.key],
      [`chargeback:ccbill:${transactionId}`, '9007199254740993', null, evidenceKey])
    const download = await fetch(shown.body.evidence.url)
    assert.equal(download.status, 200)
    assert.equal((await download.json() as { assembledBy: string }).assembledBy, `chargeback:ccbill:${transactionId}`)
    assert.equal((await db.query("SELECT 1 FROM audit_logs WHERE action = 'chargeback_case.evidence_link' AND resource_id = $1", [row.id])).rowCount, 1)

    assert.deepEqual([(await api(`/api/chargeback-cases/${randomUUID()}`, { token: finance })).status, (await api('/api/chargeback-cases/42', { token: finance })).status],
      [404, 400])
    const denied = await api('/api/chargeback-cases', { token: fan })
    assert.deepEqual([denied.status, denied.body.error.code], [403, 'FORBIDDEN'])
  })

  it('creates a creator share rule, refuses bad ones with a code and writes nothing, and ends it once', async () => {
    const count = async () => Number((await db.query('SELECT count(*) FROM revenue_share_rules')).rows[0].count)
    const before = await count()
    const refusals = [
      [{ brand: 'boyfanz', creatorId, creatorShareBps: 10_001, reason: 'too generous' }, finance, 400, 'VALIDATION_FAILED'],
      [{ brand: 'boyfanz', creatorId, creatorShareBps: 7000.5, reason: 'fractional' }, finance, 400, 'VALIDATION_FAILED'],
      [{ brand: 'boyfanz', creatorId, creatorShareBps: 7000 }, finance, 400, 'VALIDATION_FAILED'],
      [{ brand: 'boyfanz', creatorId: randomUUID(), creatorShareBps: 7000, reason: 'nobody' }, finance, 422, 'UNKNOWN_CREATOR'],
      [{ brand: 'boyfanz', creatorId: fanId, creatorShareBps: 7000, reason: 'a fan, not a creator' }, finance, 422, 'UNKNOWN_CREATOR'],
      [{ brand: 'girlfanz', creatorId, creatorShareBps: 7000, reason: 'creator elsewhere' }, finance, 422, 'UNKNOWN_CREATOR'],
      [{ brand: 'boyfanz', creatorShareBps: 7000, reason: 'backdated', validFrom: '2020-01-01T00:00:00Z' }, finance, 422, 'INVALID_PERIOD'],
      [{ brand: 'boyfanz', creatorId, creatorShareBps: 9000, reason: 'by a fan' }, fan, 403, 'FORBIDDEN'],
    ] as const
    for (const [body, token, status, code] of refusals) {
      const res = await api('/api/revenue-share-rules', { method: 'POST', token, body })
      assert.deepEqual([res.status, res.body.error?.code], [status, code], JSON.stringify({ body, got: res.body }))
      assert.ok(res.body.error.message.length > 0, 'a human message comes with the code')
    }
    assert.equal(await count(), before, 'no refused rule was written')

    // the default share, so a rule left in force by a failed run changes no split other tests assert
    const created = await api('/api/revenue-share-rules', { method: 'POST', token: finance,
      body: { brand: 'boyfanz', creatorId, creatorShareBps: 8000, reason: 'renewed launch deal' } })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    made.rules.push(created.body.id)
    assert.equal(created.headers.get('location'), `/api/revenue-share-rules/${created.body.id}`)
    assert.deepEqual([created.body.status, created.body.validTo, created.body.creatorShareBps], ['active', null, 8000])
    const audit = await db.query("SELECT reason FROM audit_logs WHERE action = 'revenue_share_rule.create' AND resource_id = $1", [created.body.id])
    assert.equal(audit.rows[0]?.reason, 'renewed launch deal')

    const listed = await api(`/api/revenue-share-rules?${filter({ brand: 'boyfanz', creatorId })}`, { token: finance })
    assert.ok(listed.body.some((r: { id: string }) => r.id === created.body.id))
    assert.equal((await api(`/api/revenue-share-rules/${created.body.id}/end`, { method: 'POST', token: finance, body: {} })).body.error.code, 'VALIDATION_FAILED')
    const ended = await api(`/api/revenue-share-rules/${created.body.id}/end`, { method: 'POST', token: finance, body: { reason: 'deal over' } })
    assert.deepEqual([ended.status, ended.body.status], [200, 'ended'])
    const again = await api(`/api/revenue-share-rules/${created.body.id}/end`, { method: 'POST', token: finance, body: { reason: 'deal over' } })
    assert.deepEqual([again.status, again.body.error.code], [409, 'ALREADY_ENDED'])
  })

  it('allows one referral per brand and creator, never a self-referral, and ends it', async () => {
    const endsAt = new Date(Date.now() + 30 * 86_400_000).toISOString()
    const self = await api('/api/referrals', { method: 'POST', token: finance, body: { brand: 'boyfanz', creatorId, referrerId: creatorId, bps: 1000, endsAt } })
    assert.deepEqual([self.status, self.body.error.code], [422, 'SELF_REFERRAL'])
    const past = await api('/api/referrals', { method: 'POST', token: finance,
      body: { brand: 'boyfanz', creatorId, referrerId, bps: 1000, endsAt: '2020-01-01T00:00:00Z' } })
    assert.deepEqual([past.status, past.body.error.code], [422, 'INVALID_PERIOD'])

    const created = await api('/api/referrals', { method: 'POST', token: finance, body: { brand: 'boyfanz', creatorId, referrerId, bps: 1000, endsAt } })
    assert.equal(created.status, 201, JSON.stringify(created.body))
    const duplicate = await api('/api/referrals', { method: 'POST', token: finance, body: { brand: 'boyfanz', creatorId, referrerId, bps: 500, endsAt } })
    assert.deepEqual([duplicate.status, duplicate.body.error.code], [409, 'REFERRAL_EXISTS'])
    assert.equal((await db.query("SELECT count(*)::int AS n FROM referrals WHERE brand = 'boyfanz' AND creator_id = $1", [creatorId])).rows[0].n, 1)

    const ended = await api(`/api/referrals/${created.body.id}/end`, { method: 'POST', token: finance, body: { reason: 'creator left the programme' } })
    assert.deepEqual([ended.status, ended.body.status], [200, 'ended'])
    assert.equal((await db.query("SELECT 1 FROM audit_logs WHERE action = 'referral.end' AND resource_id = $1", [created.body.id])).rowCount, 1)
  })

  it('serves the revenue series per bucket in one currency, agreeing with the P&L, and refuses bad ranges', async () => {
    const to = new Date(), from = new Date(to.getTime() - 7 * 86_400_000)
    const range = `from=${from.toISOString()}&to=${to.toISOString()}`
    const res = await api(`/api/reports/revenue-series?${range}&currency=USD&bucket=day`, { token: finance })
    assert.equal(res.status, 200, JSON.stringify(res.body))
    assert.deepEqual(res.body.series.map((s: { currency: string }) => s.currency), ['USD'])
    const points = res.body.series[0].points as Record<string, number | string>[]
    assert.equal(points.length, 8, 'one point per UTC day touched by the range, empty days included')
    assert.equal(points[0]!.bucket, from.toISOString().slice(0, 10))
    for (const key of ['grossSales', 'refunds', 'chargebacks', 'platformRevenue', 'creatorEarnings', 'processorFees', 'chargebackLosses', 'netIncome']) {
      assert.ok(points.every((p) => Number.isSafeInteger(p[key])), `${key} is integer minor units`)
    }
    const sum = (key: string) => points.reduce((s, p) => s + Number(p[key]), 0)
    const pnl = (await api(`/api/reports/pnl?${range}&currency=USD`, { token: finance })).body
    const line = (lines: { code: string; amount: number }[], code: string) => lines.find((l) => l.code === code)?.amount ?? 0
    assert.deepEqual([sum('platformRevenue'), sum('processorFees'), sum('chargebackLosses')],
      [line(pnl.revenue, 'platform_revenue'), line(pnl.expenses, 'processor_fees'), line(pnl.expenses, 'chargeback_losses')])

    const monthly = await api(`/api/reports/revenue-series?${range}&bucket=month`, { token: finance })
    assert.equal(monthly.status, 200)
    assert.ok(monthly.body.series.every((s: { points: { bucket: string }[] }) => s.points.every((p) => p.bucket.endsWith('-01'))))

    const backwards = await api(`/api/reports/revenue-series?from=${to.toISOString()}&to=${from.toISOString()}&currency=USD`, { token: finance })
    assert.deepEqual([backwards.status, backwards.body.error.code], [400, 'INVALID_RANGE'])
    const tooLong = await api('/api/reports/revenue-series?from=2024-01-01&to=2025-06-01&currency=USD', { token: finance })
    assert.deepEqual([tooLong.status, tooLong.body.error.code], [400, 'INVALID_RANGE'])
    assert.equal((await api('/api/reports/revenue-series?currency=XXX', { token: finance })).body.error.code, 'VALIDATION_FAILED')
    assert.equal((await api('/api/reports/revenue-series', { token: fan })).status, 403)
  })
})
