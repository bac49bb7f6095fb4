import assert from 'node:assert/strict'
import pg from 'pg'
import * as Minio from 'minio'
import { CHECK_NAMES } from '../workflows/check-platform.contract.ts'
import { createSearchClient } from '../activities/search/client.ts'
import { createStorageClient } from '../activities/storage/client.ts'
import { SEARCH_INDEXES } from '../domain/search-indexes.ts'
import { BUCKETS } from '../domain/storage.ts'
import { api, login, testStack } from './support/stack.ts'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('platform check through the API (real Temporal, PostgreSQL, MinIO, OpenSearch, ffmpeg)', function () {
  this.timeout(120_000)
  let token: string
  let db: pg.Client
  before(async () => {
    token = await login()
    db = new pg.Client({ connectionString: testStack().env.DATABASE_URL })
    await db.connect()
  })
  after(() => db.end())

  it('starts checkPlatform (202 + Location), and every check passes with a measured latency', async () => {
    const started = await api('/api/platform-checks', { method: 'POST', token })
    assert.equal(started.status, 202)
    const { id, workflowId, runId } = started.body
    assert.equal(started.headers.get('location'), `/api/platform-checks/${id}`)
    assert.equal(workflowId, `platform-check:${id}`)

    let check
    for (let i = 0; i < 200; i++) {
      check = (await api(`/api/platform-checks/${id}`, { token })).body
      if (check.status !== 'RUNNING') break
      await sleep(250)
    }
    assert.equal(check.status, 'COMPLETED', JSON.stringify(check))
    assert.equal(check.runId, runId)
    assert.deepEqual(check.checks.map((c: { name: string }) => c.name), [...CHECK_NAMES])
    for (const c of check.checks) {
      assert.equal(c.ok, true, `${c.name}: ${c.error}`)
      assert.equal(c.error, null)
      assert.equal(typeof c.latencyMs, 'number')
      assert.ok(c.latencyMs >= 0 && c.latencyMs < 30_000, `${c.name} latency ${c.latencyMs}`)
    }
    assert.equal(check.ok, true)
    assert.match(check.checks.find((c: { name: string }) => c.name === 'ffprobe').detail, /h264 320x240 \+ aac/)

    // The read model row, the audit entry, and nothing left behind by the probes.
    const row = await db.query('SELECT status, ok, finished_at FROM platform_checks WHERE id = $1', [id])
    assert.deepEqual([row.rows[0].status, row.rows[0].ok], ['COMPLETED', true])
    assert.ok(row.rows[0].finished_at instanceof Date)
    const auditRows = await db.query("SELECT actor_email, workflow_id FROM audit_logs WHERE action = 'platform-check.start' AND resource_id = $1", [id])
    assert.deepEqual(auditRows.rows, [{ actor_email: 'admin@fanz.demo', workflow_id: workflowId }])
    const probes = await db.query('SELECT 1 FROM ops_probes WHERE key = $1', [workflowId])
    assert.equal(probes.rowCount, 0)

    const env = testStack().env
    const storage = createStorageClient({ endpoint: env.S3_ENDPOINT, accessKey: env.S3_ACCESS_KEY, secretKey: env.S3_SECRET_KEY, region: 'us-east-1' })
    await assert.rejects(storage.statObject(BUCKETS.ops.name, `platform-checks/${workflowId}.txt`),
      (err: Minio.S3Error) => err.code === 'NotFound')
    const search = createSearchClient(env.OPENSEARCH_URL)
    const { body: exists } = await search.exists({ index: SEARCH_INDEXES.ops, id: workflowId })
    assert.equal(exists, false)
    await search.close()
  })

  it('lists past checks newest first with a Content-Range total', async () => {
    const res = await api('/api/platform-checks?range=[0,4]', { token })
    assert.equal(res.status, 200)
    assert.match(res.headers.get('content-range') ?? '', /^platform-checks 0-\d+\/\d+$/)
    const times = res.body.map((r: { startedAt: string }) => Date.parse(r.startedAt))
    assert.deepEqual(times, [...times].sort((a, b) => b - a))
  })

  it('answers 404 with a code for a check that does not exist', async () => {
    const res = await api('/api/platform-checks/00000000-0000-4000-8000-000000000000', { token })
    assert.equal(res.status, 404)
    assert.equal(res.body.error.code, 'NOT_FOUND')
  })
})
