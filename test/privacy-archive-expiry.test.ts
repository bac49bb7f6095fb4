import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { strToU8, zipSync } from 'fflate'
import { ScheduleNotFoundError } from '@temporalio/client'
import { createStorageClient, type StorageClient } from '../activities/storage/client.ts'
import { BUCKETS } from '../domain/storage.ts'
import { purgeExpiredArchives } from '../workflows/purge-expired-archives.ts'
import { archiveExpiryScheduleId, purgeExpiredArchivesTaskQueue } from '../workflows/purge-expired-archives.contract.ts'
import { api, testStack, until } from './support/stack.ts'
import { newFan } from './support/people.ts'
import { stackTemporal } from './support/temporal.ts'

type Archive = { id: string; key: string; expiresAt: Date }

describe('expired access archives are deleted from object storage (real stack)', function () {
  this.timeout(120_000)
  let db: pg.Client
  let storage: StorageClient
  let temporal: Awaited<ReturnType<typeof stackTemporal>>
  let fan: Awaited<ReturnType<typeof newFan>>
  const zip = Buffer.from(zipSync({ 'data.json': strToU8('{"postgres":{}}') }))
  const made: Archive[] = []
  let expired: Archive
  let fresh: Archive

  /** A completed access request of the fan whose archive download window ends `offset` from now (a SQL interval). */
  async function accessRequest(offset: string, o: { upload: boolean } = { upload: true }): Promise<Archive> {
    const id = randomUUID()
    const key = `dsr/${id}/archive.zip`
    if (o.upload) await storage.putObject(BUCKETS.exports.name, key, zip, zip.length, { 'Content-Type': 'application/zip' })
    const { rows } = await db.query(`INSERT INTO dsr_requests (id, person_id, brand, kind, jurisdiction, status, channel, requested_by, verification,
        verification_method, verified_at, due_at, completed_at, workflow_id, archive_key, archive_bytes, download_expires_at)
      VALUES ($1, $2, 'girlfanz', 'access', 'GDPR', 'COMPLETED', 'privacy_center', $2, 'verified', 'session', now(), now() + interval '30 days', now(),
        $3, $4, $5, now() + $6::interval) RETURNING download_expires_at`, [id, fan.id, `dsr:${id}`, key, zip.length, offset])
    const a = { id, key, expiresAt: rows[0].download_expires_at as Date }
    made.push(a)
    return a
  }
  const row = async (id: string) => (await db.query('SELECT archive_key, archive_bytes, download_expires_at FROM dsr_requests WHERE id = $1', [id])).rows[0]
  const stored = (key: string) => storage.statObject(BUCKETS.exports.name, key).then(() => true, (err: { code?: string }) => {
    if (err.code === 'NotFound') return false
    throw err
  })
  const deletions = async (id: string) => (await db.query(`SELECT workflow_id FROM audit_logs WHERE action = 'dsr.access.archive_deleted' AND resource_id = $1`, [id])).rows
  const purge = () => temporal.client.workflow.execute(purgeExpiredArchives, { workflowId: `${archiveExpiryScheduleId}-test-${randomUUID()}`,
    taskQueue: purgeExpiredArchivesTaskQueue })

  before(async () => {
    const env = testStack().env
    db = new pg.Client({ connectionString: env.DATABASE_URL })
    await db.connect()
    storage = createStorageClient({ endpoint: env.S3_ENDPOINT, accessKey: env.S3_ACCESS_KEY, secretKey: env.S3_SECRET_KEY, region: 'us-east-1' })
    temporal = await stackTemporal()
    fan = await newFan('girlfanz', 'Ada Archive')
  })
  after(async () => {
    await db.query('DELETE FROM dsr_requests WHERE id = ANY($1::uuid[])', [made.map((a) => a.id)])
    await storage.removeObjects(BUCKETS.exports.name, made.map((a) => a.key))
    await temporal.close()
    await db.end()
  })

  it('deletes an archive past its window, keeps one inside it, and the owner is told the download expired', async () => {
    expired = await accessRequest('-1 minute')
    const gone = await accessRequest('-2 days', { upload: false }) // its object is missing already: nothing to delete, the key still goes
    fresh = await accessRequest('5 days')
    assert.equal(await stored(expired.key), true)

    const { removed } = await purge()
    assert.ok(removed >= 2, `removed ${removed}`)

    assert.equal(await stored(expired.key), false)
    for (const a of [expired, gone]) {
      const r = await row(a.id)
      assert.equal(r.archive_key, null)
      assert.equal(r.download_expires_at.getTime(), a.expiresAt.getTime(), 'the window stays on record')
      const audited = await deletions(a.id)
      assert.equal(audited.length, 1)
      assert.ok(audited[0].workflow_id.startsWith(archiveExpiryScheduleId), audited[0].workflow_id)
    }
    const late = await api(`/api/me/privacy-requests/${expired.id}/archive`, { token: fan.token })
    assert.deepEqual([late.status, late.body.error.code], [410, 'DOWNLOAD_EXPIRED'])
    assert.equal((await api(`/api/me/privacy-requests/${expired.id}`, { token: fan.token })).body.download.available, false)

    assert.equal((await row(fresh.id)).archive_key, fresh.key)
    assert.equal(await stored(fresh.key), true)
    assert.deepEqual(await deletions(fresh.id), [])
    const res = await fetch(`${testStack().env.PUBLIC_URL}/api/me/privacy-requests/${fresh.id}/archive`, { headers: { authorization: `Bearer ${fan.token}` } })
    assert.equal(res.status, 200)
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), zip)
  })

  it('does nothing more when run again', async () => {
    await purge()
    assert.equal((await deletions(expired.id)).length, 1)
    assert.equal((await row(fresh.id)).archive_key, fresh.key)
    assert.equal(await stored(fresh.key), true)
  })

  it('runs daily at 03:17 UTC from a schedule the API keeps, never two at once', async () => {
    const d = await until(() => temporal.client.schedule.getHandle(archiveExpiryScheduleId).describe().catch((err: unknown) => {
      if (err instanceof ScheduleNotFoundError) return null
      throw err
    }), (s) => s !== null, 'the archive expiry schedule')
    assert.deepEqual([d!.action.workflowType, d!.action.taskQueue, d!.policies.overlap], ['purgeExpiredArchives', purgeExpiredArchivesTaskQueue, 'SKIP'])
    const next = d!.info.nextActionTimes[0]!
    assert.deepEqual([next.getUTCHours(), next.getUTCMinutes()], [3, 17])
    assert.ok(next.getTime() - Date.now() <= 86_400_000)
  })
})
