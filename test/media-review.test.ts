import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { createStorageClient } from '../activities/storage/client.ts'
import { BUCKETS } from '../domain/storage.ts'
import { ingestMediaWorkflowId, verifyCoPerformerWorkflowId } from '../workflows/ingest-media.contract.ts'
import { api, login, testStack, until } from './support/stack.ts'
import { mailTo, newFan, newVerifiedCreator } from './support/people.ts'
import { makeClip, upload, untilStatus } from './support/media.ts'
import { rawTemporal, storedHistoryText } from './support/temporal.ts'

/** Objects stored under a prefix of a bucket (to prove outputs were removed, or kept as evidence). */
async function objectsUnder(bucket: string, prefix: string): Promise<string[]> {
  const env = testStack().env
  const storage = createStorageClient({ endpoint: env.S3_ENDPOINT, accessKey: env.S3_ACCESS_KEY, secretKey: env.S3_SECRET_KEY, region: 'us-east-1' })
  const names: string[] = []
  for await (const o of storage.listObjectsV2(bucket, prefix, true)) if (o.name) names.push(o.name)
  return names
}

describe('media review: decisions, appeals, co-performers, takedown, deletion midway (real stack)', function () {
  this.timeout(300_000)
  let db: pg.Client
  let creator: Awaited<ReturnType<typeof newVerifiedCreator>>
  let moderator: string
  let compliance: string
  let clip: Awaited<ReturnType<typeof makeClip>>
  before(async () => {
    db = new pg.Client({ connectionString: testStack().env.DATABASE_URL })
    await db.connect()
    ;[creator, moderator, compliance, clip] = await Promise.all([newVerifiedCreator('girlfanz', 'Rio', 'Review'), login('moderator@fanz.demo'),
      login('compliance@fanz.demo'), makeClip()])
  })
  after(() => db.end())
  const decide = (token: string, id: string, body: Record<string, unknown>) => api(`/api/media-reviews/${id}/decision`, { method: 'POST', token, body })

  it('refuses decisions from people without the moderator role, bad reasons and missing notes; the item stays in review', async () => {
    const id = await upload(creator.token, clip.bytes, { brand: 'girlfanz', title: 'Park day' })
    await untilStatus(creator.token, id, ['IN_REVIEW'])
    const fan = await newFan('girlfanz')
    for (const token of [fan.token, creator.token]) {
      const res = await decide(token, id, { decision: 'approve', reasonCode: 'LOOKS_FINE' })
      assert.deepEqual([res.status, res.body.error.code], [403, 'FORBIDDEN'])
    }
    assert.equal((await decide(moderator, id, { decision: 'reject', reasonCode: 'LOOKS_FINE' })).body.error.code, 'INVALID_REASON')
    assert.equal((await decide(moderator, id, { decision: 'reject', reasonCode: 'POLICY_OTHER' })).body.error.code, 'NOTE_REQUIRED')
    assert.equal((await api(`/api/media/${id}`, { token: creator.token })).body.status, 'IN_REVIEW')
    const bulk = await api('/api/media-reviews/bulk-decision', { method: 'POST', token: moderator,
      body: { ids: [id, '00000000-0000-4000-8000-000000000000'], decision: 'approve', reasonCode: 'LOOKS_FINE' } })
    assert.deepEqual(bulk.body.results.map((r: { ok: boolean }) => r.ok), [true, false], 'each item of a bulk decision succeeds or fails on its own')
    await untilStatus(creator.token, id, ['PUBLISHED'])
    assert.equal((await decide(moderator, id, { decision: 'approve', reasonCode: 'LOOKS_FINE' })).body.error.code, 'NOT_IN_REVIEW')
  })

  it('rejects into quarantine; the creator appeals once; the same moderator may not decide the appeal, another upholds it and it publishes', async () => {
    const id = await upload(creator.token, clip.bytes, { brand: 'girlfanz', title: 'Leash walk' })
    await untilStatus(creator.token, id, ['IN_REVIEW'])
    assert.equal((await decide(moderator, id, { decision: 'escalate', reasonCode: 'NEEDS_SENIOR', note: 'unsure about the location' })).status, 202)
    await until(() => api(`/api/media-reviews/${id}`, { token: moderator }), (r) => r.body.escalatedAt !== null, 'the escalation')
    await mailTo('compliance@fanz.demo', 'mediaEscalation')
    const own = await decide(moderator, id, { decision: 'reject', reasonCode: 'BRAND_LIMIT', note: 'public place' })
    assert.deepEqual([own.status, own.body.error.code], [409, 'OWN_ESCALATION'], 'an escalation goes to someone else')
    assert.equal((await decide(compliance, id, { decision: 'reject', reasonCode: 'BRAND_LIMIT', note: 'public place' })).status, 202)
    const rejected = await untilStatus(creator.token, id, ['REJECTED'])
    assert.ok(new Date(rejected.body.appealDeadline) > new Date())
    assert.ok((await objectsUnder(BUCKETS.media.name, `media/${id}/`)).length > 0, 'quarantined, not purged')
    assert.equal((await api(`/api/media/${id}/appeal`, { method: 'POST', token: creator.token, body: { reason: 'short' } })).status, 400)
    const appealed = await api(`/api/media/${id}/appeal`, { method: 'POST', token: creator.token, body: { reason: 'It is a private garden, not a park.' } })
    assert.equal(appealed.status, 202, JSON.stringify(appealed.body))
    const again = await api(`/api/media/${id}/appeal`, { method: 'POST', token: creator.token, body: { reason: 'Please look again, it is private.' } })
    assert.deepEqual([again.status, again.body.error.code], [409, 'NOT_APPEALABLE'])
    await until(() => api(`/api/media-reviews?filter=${encodeURIComponent(JSON.stringify({ status: 'REJECTED', appealed: true }))}&range=[0,99]`, { token: moderator }),
      (r) => r.body.some((i: { id: string }) => i.id === id), 'the appeal in the appeals queue')
    const ownAppeal = await api(`/api/media-reviews/${id}/appeal-decision`, { method: 'POST', token: compliance, body: { uphold: true } })
    assert.deepEqual([ownAppeal.status, ownAppeal.body.error.code], [409, 'OWN_DECISION_APPEALED'])
    assert.equal((await api(`/api/media-reviews/${id}/appeal-decision`, { method: 'POST', token: moderator, body: { uphold: true, note: 'garden is private' } })).status, 202)
    const published = await untilStatus(creator.token, id, ['PUBLISHED'])
    assert.deepEqual(published.body.events.map((e: { action: string }) => e.action), ['reject', 'appeal', 'appeal_upheld', 'published'])
    const trail = (await api(`/api/media-reviews/${id}`, { token: moderator })).body.events.map((e: { action: string }) => e.action)
    assert.deepEqual(trail.filter((a: string) => a !== 'machine_review'), ['escalate', 'reject', 'appeal', 'appeal_upheld', 'published'])
  })

  it('waits for a co-performer\'s 2257 record: invited by mail, accepted by the invited account only, then published', async () => {
    const co = await newVerifiedCreator('girlfanz', 'Kai', 'Costar')
    const id = await upload(creator.token, clip.bytes, { brand: 'girlfanz', title: 'Duo session', performers: [{ alias: 'Kai Star', email: co.email }] })
    await untilStatus(creator.token, id, ['IN_REVIEW'])
    assert.equal((await decide(moderator, id, { decision: 'approve', reasonCode: 'LOOKS_FINE' })).status, 202)
    const waiting = await untilStatus(creator.token, id, ['AWAITING_PERFORMERS'])
    const performer = waiting.body.performers.find((p: { role: string }) => p.role === 'co-performer')
    await until(() => api(`/api/media/${id}`, { token: creator.token }), (r) => r.body.performers.some((p: { status: string }) => p.status === 'INVITED'), 'the invitation')
    assert.match((await mailTo(co.email, 'coPerformerInvite')).text, new RegExp(`/girlfanz/performer-invites/${performer.id}`))
    // the address reached the invitation from the slot, sealed with the slot's own key: no workflow history holds it
    const slot = async () => (await db.query(`SELECT mp.email_sealed, k.destroyed_at FROM media_performers mp
      LEFT JOIN person_keys k ON k.person_id = mp.id WHERE mp.id = $1`, [performer.id])).rows[0]
    const sealed = await slot()
    assert.ok(sealed.email_sealed && !sealed.email_sealed.includes(co.email), 'the slot keeps the address sealed')
    assert.equal(sealed.destroyed_at, null)
    const raw = await rawTemporal()
    try {
      for (const workflowId of [ingestMediaWorkflowId(id), verifyCoPerformerWorkflowId(performer.id)]) {
        const text = await storedHistoryText(raw.client, workflowId)
        assert.ok(text.length > 1000, `${workflowId} has a history`)
        assert.ok(!text.toLowerCase().includes(co.email.toLowerCase()), `${workflowId}'s history holds no copy of the invited address`)
      }
    } finally {
      await raw.close()
    }
    const stranger = await newFan('girlfanz')
    const wrong = await api(`/api/media/performer-invites/${performer.id}/accept`, { method: 'POST', token: stranger.token })
    assert.deepEqual([wrong.status, wrong.body.error.code], [403, 'INVITE_NOT_YOURS'])
    const accepted = await api(`/api/media/performer-invites/${performer.id}/accept`, { method: 'POST', token: co.token })
    assert.deepEqual([accepted.status, accepted.body.needsVerification], [200, false])
    const published = await untilStatus(creator.token, id, ['PUBLISHED'])
    assert.deepEqual(published.body.performers.map((p: { status: string }) => p.status), ['VERIFIED', 'VERIFIED'])
    assert.equal((await db.query('SELECT count(*)::int AS n FROM depiction_index WHERE media_id = $1', [id])).rows[0].n, 2)
    // answered: the sealed address is dropped and the slot's key destroyed
    const answered = await slot()
    assert.equal(answered.email_sealed, null)
    assert.ok(answered.destroyed_at, 'the slot key is destroyed')
  })

  it('takes a published item down (storefront, search, playback) keeping its outputs, and reinstates it', async () => {
    const id = await upload(creator.token, clip.bytes, { brand: 'girlfanz', title: 'Frisbee final' })
    await untilStatus(creator.token, id, ['IN_REVIEW'])
    await decide(moderator, id, { decision: 'approve', reasonCode: 'LOOKS_FINE' })
    await untilStatus(creator.token, id, ['PUBLISHED'])
    assert.equal((await api(`/api/media/${id}/takedown`, { method: 'POST', token: moderator, body: { reasonCode: 'COPYRIGHT', note: 'claim' } })).status, 403,
      'moderators review; taking published content down is compliance\'s call')
    assert.equal((await api(`/api/media/${id}/takedown`, { method: 'POST', token: compliance, body: { reasonCode: 'COPYRIGHT' } })).body.error.code, 'NOTE_REQUIRED')
    assert.equal((await api(`/api/media/${id}/takedown`, { method: 'POST', token: compliance, body: { reasonCode: 'COPYRIGHT', note: 'DMCA notice 42' } })).status, 202)
    await untilStatus(creator.token, id, ['TAKEN_DOWN'])
    await until(() => api(`/api/search/media?brand=girlfanz&q=frisbee%20final`), (r) => !r.body.hits.some((h: { id: string }) => h.id === id), 'removal from search')
    assert.equal((await api(`/api/media/${id}/playback`, { token: (await newFan('girlfanz')).token })).body.error.code, 'NOT_PUBLISHED')
    assert.ok((await objectsUnder(BUCKETS.media.name, `media/${id}/hls/`)).length > 0, 'evidence kept')
    assert.equal((await api(`/api/media/${id}/reinstate`, { method: 'POST', token: compliance, body: { note: 'claim withdrawn' } })).status, 202)
    await untilStatus(creator.token, id, ['PUBLISHED'])
    await until(() => api(`/api/search/media?brand=girlfanz&q=frisbee%20final`), (r) => r.body.hits.some((h: { id: string }) => h.id === id), 'back in search')
  })

  it('deletes an upload midway through transcoding: the run is cancelled and its partial outputs and source are removed', async () => {
    const long = await makeClip({ seconds: 30, width: 1280, height: 720 })
    const id = await upload(creator.token, long.bytes, { brand: 'girlfanz', title: 'Long take', performers: [{ alias: 'Sam Side', email: `sam-${randomUUID().slice(0, 8)}@example.test` }] })
    await until(() => api(`/api/media/${id}`, { token: creator.token }), (r) => r.body.progress?.stage === 'transcoding', 'transcoding to start', 480)
    const slotId = (await db.query("SELECT id FROM media_performers WHERE media_id = $1 AND role = 'co-performer' AND email_sealed IS NOT NULL", [id])).rows[0]?.id
    assert.ok(slotId, 'the co-performer\'s address is sealed on the slot')
    const deleted = await api(`/api/media/${id}`, { method: 'DELETE', token: creator.token })
    assert.equal(deleted.status, 202, JSON.stringify(deleted.body))
    await untilStatus(creator.token, id, ['DELETED'])
    const sourceKey = (await db.query('SELECT source_key FROM media_items WHERE id = $1', [id])).rows[0].source_key
    assert.deepEqual(await objectsUnder(BUCKETS.media.name, `media/${id}/`), [])
    assert.deepEqual(await objectsUnder(BUCKETS.uploads.name, sourceKey), [])
    assert.equal((await db.query(`SELECT count(*)::int AS n FROM media_review_events WHERE media_id = $1 AND action = 'deleted'`, [id])).rows[0].n, 1)
    // nobody will be invited for a deleted item: the address and its key are gone
    const slot = (await db.query('SELECT mp.email_sealed, k.destroyed_at FROM media_performers mp JOIN person_keys k ON k.person_id = mp.id WHERE mp.id = $1', [slotId])).rows[0]
    assert.equal(slot.email_sealed, null)
    assert.ok(slot.destroyed_at, 'the slot key is destroyed')
  })
})
