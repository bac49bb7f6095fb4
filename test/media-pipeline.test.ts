import assert from 'node:assert/strict'
import pg from 'pg'
import { api, login, testStack, until } from './support/stack.ts'
import { newFan, newVerifiedCreator, mailTo } from './support/people.ts'
import { announce, makeClip, putPart, upload, untilStatus } from './support/media.ts'

describe('media pipeline: upload -> transcode -> machine check -> review -> 2257 gate -> publish (real stack)', function () {
  this.timeout(300_000)
  let db: pg.Client
  let creator: Awaited<ReturnType<typeof newVerifiedCreator>>
  let moderator: string
  let clip: Awaited<ReturnType<typeof makeClip>>
  before(async () => {
    db = new pg.Client({ connectionString: testStack().env.DATABASE_URL })
    await db.connect()
    ;[creator, moderator, clip] = await Promise.all([newVerifiedCreator('girlfanz', 'Mia', 'Media'), login('moderator@fanz.demo'), makeClip()])
  })
  after(() => db.end())

  it('publishes an approved upload: HLS renditions, findings, trail, depiction index, search, entitled playback only', async () => {
    const id = await upload(creator.token, clip.bytes, { brand: 'girlfanz', title: 'Harbour sunset session', tags: ['sunset', 'outdoor'] })
    const seen = await untilStatus(creator.token, id, ['IN_REVIEW', 'FAILED'])
    assert.equal(seen.body.status, 'IN_REVIEW', JSON.stringify(seen.body.failureReason))
    assert.equal(seen.body.findings, undefined, 'the creator never sees the machines\' scores')
    assert.ok(seen.body.events.every((e: { actorName?: string; note?: string }) => e.actorName === undefined && e.note === undefined))
    const inReview = await api(`/api/media/${id}`, { token: moderator })
    assert.equal(inReview.body.probe.video.width, 320)
    assert.deepEqual(inReview.body.renditions.map((r: { height: number }) => r.height), [240])
    assert.ok(['pass', 'review'].includes(inReview.body.findings.verdict), JSON.stringify(inReview.body.findings))
    assert.ok(inReview.body.thumbnailUrl && inReview.body.spriteUrl && inReview.body.previewUrl)
    assert.equal((await fetch(inReview.body.thumbnailUrl)).headers.get('content-type'), 'image/jpeg')

    const queue = await api(`/api/media-reviews?filter=${encodeURIComponent(JSON.stringify({ brand: 'girlfanz' }))}&range=[0,99]`, { token: moderator })
    assert.ok(queue.body.some((i: { id: string }) => i.id === id), 'the item is in the moderators\' queue')
    const detail = await api(`/api/media-reviews/${id}`, { token: moderator })
    assert.ok(detail.body.previewPlaylistUrl, 'staff get a signed preview of the unpublished item')
    assert.match(await (await fetch(`${testStack().env.PUBLIC_URL}${detail.body.previewPlaylistUrl}`)).text(), /#EXT-X-STREAM-INF/)
    const fan = await newFan('girlfanz')
    assert.equal((await api(`/api/media/${id}`, { token: fan.token })).status, 404, 'nobody else sees an unpublished item')
    assert.equal((await api(`/api/media/${id}/playback`, { token: fan.token })).body.error.code, 'NOT_PUBLISHED', 'nor plays it')

    const decided = await api(`/api/media-reviews/${id}/decision`, { method: 'POST', token: moderator, body: { decision: 'approve', reasonCode: 'LOOKS_FINE' } })
    assert.equal(decided.status, 202, JSON.stringify(decided.body))
    const published = await untilStatus(creator.token, id, ['PUBLISHED'])
    assert.deepEqual(published.body.events.map((e: { action: string }) => e.action), ['approve', 'published'], 'the creator sees the decisions')
    const trail = (await api(`/api/media-reviews/${id}`, { token: moderator })).body.events
    assert.deepEqual(trail.map((e: { action: string }) => e.action), ['machine_review', 'approve', 'published'], 'staff see the whole trail')
    assert.equal(trail[1].actorName, 'Mo Moderator')
    assert.equal(published.body.performers[0].status, 'VERIFIED')
    const index = await db.query('SELECT url FROM depiction_index WHERE media_id = $1', [id])
    assert.equal(index.rowCount, 1)
    assert.match(index.rows[0].url, new RegExp(`/girlfanz/media/${id}$`))
    assert.equal((await db.query('SELECT status FROM posts WHERE id = $1', [published.body.postId])).rows[0].status, 'PUBLISHED')
    const found = await until(() => api('/api/search/media?brand=girlfanz&q=harbor%20sunset%20sesion'), (r) => r.body?.hits?.some((h: { id: string }) => h.id === id),
      'a typo search to find the item')
    assert.ok(found.body.total >= 1)
    await mailTo(creator.email, 'mediaNotice')

    const locked = await api(`/api/media/${id}/playback`, { token: fan.token })
    assert.deepEqual([locked.status, locked.body.error.code], [403, 'NOT_ENTITLED'])
    const owner = await api(`/api/media/${id}/playback`, { token: creator.token })
    assert.equal(owner.status, 200, JSON.stringify(owner.body))
    const master = await fetch(`${testStack().env.PUBLIC_URL}${owner.body.playlistUrl}`)
    assert.equal(master.status, 200)
    const rung = /^(\S+\/index\.m3u8)$/m.exec(await master.text())![1]!
    const media = await (await fetch(new URL(rung, `${testStack().env.PUBLIC_URL}${owner.body.playlistUrl}`))).text()
    const segment = media.split('\n').find((l) => l.startsWith('http'))!
    assert.ok(segment, media)
    const seg = await fetch(segment)
    assert.equal(seg.status, 200)
    assert.ok((await seg.arrayBuffer()).byteLength > 1000)
  })

  it('refuses bad uploads before a byte is stored, with a code and a sentence', async () => {
    const cases: [string, Parameters<typeof announce>[2], number, string][] = [
      ['a document', { brand: 'girlfanz', title: 'x', fileName: 'notes.pdf', contentType: 'application/pdf' }, 422, 'UNSUPPORTED_TYPE'],
      ['an oversize file', { brand: 'girlfanz', title: 'x', sizeBytes: 5 * 1024 ** 4 }, 422, 'FILE_TOO_LARGE'],
      ['a mislabelled file', { brand: 'girlfanz', title: 'x', fileName: 'clip.mov' }, 422, 'EXTENSION_MISMATCH'],
      ['a script in the title', { brand: 'girlfanz', title: '<script>alert(1)</script>' }, 422, 'MARKUP_NOT_ALLOWED'],
      ['a PPV without price', { brand: 'girlfanz', title: 'x', priceMinor: 10 }, 422, 'PRICE_OUT_OF_RANGE'],
      ['a brand where they are not a creator', { brand: 'boyfanz', title: 'x' }, 403, 'FORBIDDEN'],
    ]
    const before = (await db.query('SELECT count(*)::int AS n FROM media_items WHERE creator_id = $1', [creator.id])).rows[0].n
    for (const [what, a, status, code] of cases) {
      const res = await announce(creator.token, clip.bytes, a)
      assert.deepEqual([res.status, res.body.error?.code], [status, code], `${what}: ${JSON.stringify(res.body)}`)
      assert.ok(res.body.error.message.length > 10)
    }
    const fan = await newFan('girlfanz')
    assert.equal((await announce(fan.token, clip.bytes, { brand: 'girlfanz', title: 'x' })).status, 403, 'a fan cannot upload')
    assert.equal((await db.query('SELECT count(*)::int AS n FROM media_items WHERE creator_id = $1', [creator.id])).rows[0].n, before, 'nothing was created')
  })

  it('keeps a truncated upload open to resume, and completes it once the rest arrives', async () => {
    const big = Buffer.concat([clip.bytes, Buffer.alloc(6 * 1024 * 1024)])
    const started = await announce(creator.token, big, { brand: 'girlfanz', title: 'Resumed upload', sizeBytes: 12 * 1024 * 1024 })
    assert.equal(started.status, 201, JSON.stringify(started.body))
    const first = started.body.parts[0]
    const etag = await putPart(first.url, big.subarray(0, started.body.partSize))
    const early = await api(`/api/media/uploads/${started.body.id}/complete`, { method: 'POST', token: creator.token, body: { parts: [{ partNumber: 1, etag }] } })
    assert.deepEqual([early.status, early.body.error.code], [409, 'UPLOAD_INCOMPLETE'])
    const resume = await api(`/api/media/uploads/${started.body.id}/parts`, { token: creator.token })
    assert.deepEqual(resume.body.uploaded.map((p: { partNumber: number }) => p.partNumber), [1])
    assert.deepEqual(resume.body.parts.map((p: { partNumber: number }) => p.partNumber), [2], 'only the missing part gets a URL')
    const short = await putPart(resume.body.parts[0].url, Buffer.alloc(1024))
    const truncated = await api(`/api/media/uploads/${started.body.id}/complete`, { method: 'POST', token: creator.token,
      body: { parts: [{ partNumber: 1, etag }, { partNumber: 2, etag: short }] } })
    assert.deepEqual([truncated.status, truncated.body.error.code], [422, 'TRUNCATED_UPLOAD'])
    assert.equal((await api(`/api/media/${started.body.id}`, { token: creator.token })).body.status, 'UPLOADING', 'nothing lost: still resumable')
  })

  it('fails a corrupt file and a checksum mismatch with reasons the creator can read, and keeps none of their outputs', async () => {
    const junk = Buffer.from(Array.from({ length: 40_000 }, (_, i) => (i * 7919) % 251))
    const corrupt = await upload(creator.token, junk, { brand: 'girlfanz', title: 'Corrupt file' })
    const mismatch = await upload(creator.token, clip.bytes, { brand: 'girlfanz', title: 'Wrong checksum', sha256: 'a'.repeat(64) })
    const [c, m] = await Promise.all([untilStatus(creator.token, corrupt, ['FAILED', 'IN_REVIEW']), untilStatus(creator.token, mismatch, ['FAILED', 'IN_REVIEW'])])
    assert.deepEqual([c.body.status, c.body.failureCode], ['FAILED', 'UNREADABLE_MEDIA'])
    assert.match(c.body.failureReason, /could not read/i)
    assert.deepEqual([m.body.status, m.body.failureCode], ['FAILED', 'CHECKSUM_MISMATCH'])
    assert.equal(c.body.thumbnailUrl, null)
  })
})
