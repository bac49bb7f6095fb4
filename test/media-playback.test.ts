import assert from 'node:assert/strict'
import { randomBytes, randomUUID } from 'node:crypto'
import pg from 'pg'
import { createStorageClient, type StorageClient } from '../activities/storage/client.ts'
import { signPlaybackToken } from '../api/playback-token.ts'
import { staffPreviewUrl } from '../api/routes/media-playback.ts'
import { BUCKETS } from '../domain/storage.ts'
import { api, apiUrl, login, testStack } from './support/stack.ts'

const MASTER = '#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-STREAM-INF:BANDWIDTH=400000,RESOLUTION=426x240\n240p/index.m3u8\n'
const MEDIA = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-TARGETDURATION:2', '#EXT-X-PLAYLIST-TYPE:VOD',
  '#EXTINF:2.0,', 'seg_00001.ts', '#EXTINF:1.5,', 'seg_00002.ts', '#EXT-X-ENDLIST', ''].join('\n')
const RENDITIONS = JSON.stringify([{ name: '240p', height: 240, width: 426, bandwidth: 400000 }])

// the stack hands the API its PLAYBACK_SIGNING_KEYS; the test signs its own (expired) tokens with the same ones
const signingKeys = () => testStack().env.PLAYBACK_SIGNING_KEYS.split(',').map((k) => k.trim()).filter(Boolean)
const now = () => Math.floor(Date.now() / 1000)
const fetchText = async (url: string) => { const res = await fetch(url); return { res, text: await res.text() } }
const errorOf = async (url: string) => { const res = await fetch(url); return { status: res.status, error: ((await res.json()) as { error: { code: string } }).error } }
const tokenOf = (playlistUrl: string) => /\/hls\/([^/]+)\/master\.m3u8$/.exec(playlistUrl)![1]!
const hls = (id: string, token: string, rest = 'master.m3u8') => `${apiUrl()}/api/media/${id}/hls/${token}/${rest}`

describe('media playback through the API: entitled fans only, short-lived signed playlists and segments', function () {
  this.timeout(60_000)
  let db: pg.Client
  let storage: StorageClient
  const people: Record<'creator' | 'fox' | 'fay' | 'admin' | 'moderator', { id: string; token: string }> = {} as never
  const ids = { ppv: randomUUID(), subs: randomUUID(), review: randomUUID() }
  const postIds: Record<keyof typeof ids, string> = { ppv: randomUUID(), subs: randomUUID(), review: randomUUID() }
  const segments = [randomBytes(188 * 4), randomBytes(188 * 3)]
  const poster = randomBytes(64)
  const subscriptionId = randomUUID()

  async function addItem(key: keyof typeof ids, access: 'ppv' | 'subscribers', status: 'PUBLISHED' | 'IN_REVIEW') {
    const id = ids[key]
    await db.query(`INSERT INTO posts (id, brand_id, creator_id, title, price_minor, currency)
      SELECT $1::uuid, id, $2::uuid, 'media playback test', 1299, 'USD' FROM brands WHERE slug = 'daddyfanz'`, [postIds[key], people.creator.id])
    await db.query(`INSERT INTO media_items (id, brand_id, creator_id, post_id, title, access, file_name, content_type, size_bytes, sha256, source_key,
      status, workflow_id, renditions, artwork, published_at)
      SELECT $1::uuid, id, $2::uuid, $3::uuid, 'Playback test', $4::text, 'clip.mp4', 'video/mp4', 1234, repeat('0', 64),
        'uploads/' || $1::uuid || '/source.mp4', $5::media_status, 'media:' || $1::uuid, $6::jsonb, jsonb_build_object('thumbKey', 'media/' || $1::uuid || '/thumb.jpg'),
        CASE WHEN $5::media_status = 'PUBLISHED' THEN now() - interval '1 day' END
      FROM brands WHERE slug = 'daddyfanz'`, [id, people.creator.id, postIds[key], access, status, RENDITIONS])
    const put = (key: string, body: Buffer | string, type: string) =>
      storage.putObject(BUCKETS.media.name, `media/${id}/${key}`, Buffer.from(body), Buffer.byteLength(body), { 'Content-Type': type })
    await Promise.all([put('hls/master.m3u8', MASTER, 'application/vnd.apple.mpegurl'), put('hls/240p/index.m3u8', MEDIA, 'application/vnd.apple.mpegurl'),
      put('hls/240p/seg_00001.ts', segments[0]!, 'video/mp2t'), put('hls/240p/seg_00002.ts', segments[1]!, 'video/mp2t'), put('thumb.jpg', poster, 'image/jpeg')])
  }

  before(async () => {
    const env = testStack().env
    db = new pg.Client({ connectionString: env.DATABASE_URL })
    await db.connect()
    storage = createStorageClient({ endpoint: env.S3_ENDPOINT, accessKey: env.S3_ACCESS_KEY, secretKey: env.S3_SECRET_KEY, region: 'us-east-1' })
    const emails = { creator: 'creator@fanz.demo', fox: 'fan2@fanz.demo', fay: 'fan@fanz.demo', admin: 'admin@fanz.demo', moderator: 'moderator@fanz.demo' }
    for (const [who, email] of Object.entries(emails) as [keyof typeof emails, string][]) {
      people[who] = { id: (await db.query('SELECT id FROM people WHERE email = $1', [email])).rows[0].id, token: await login(email) }
    }
    // DaddyFanz: not a brand whose post list other tests assert; fox bought the PPV post, fay subscribes to the creator
    await addItem('ppv', 'ppv', 'PUBLISHED')
    await addItem('subs', 'subscribers', 'PUBLISHED')
    await addItem('review', 'ppv', 'IN_REVIEW')
    await db.query('INSERT INTO entitlements (id, fan_id, post_id, purchase_id) VALUES (gen_random_uuid(), $1, $2, gen_random_uuid())', [people.fox.id, postIds.ppv])
    await db.query(`INSERT INTO subscription_entitlements (subscription_id, fan_id, creator_id, brand, access, valid_until)
      VALUES ($1, $2, $3, 'daddyfanz', 'FULL', now() + interval '20 days')`, [subscriptionId, people.fay.id, people.creator.id])
  })

  after(async () => {
    const all = Object.values(ids)
    await db.query('DELETE FROM entitlements WHERE post_id = ANY($1::uuid[])', [Object.values(postIds)])
    await db.query('DELETE FROM subscription_entitlements WHERE subscription_id = $1', [subscriptionId])
    await db.query('DELETE FROM media_items WHERE id = ANY($1::uuid[])', [all])
    await db.query('DELETE FROM posts WHERE id = ANY($1::uuid[])', [Object.values(postIds)])
    for (const id of all) {
      const keys = ['hls/master.m3u8', 'hls/240p/index.m3u8', 'hls/240p/seg_00001.ts', 'hls/240p/seg_00002.ts', 'thumb.jpg'].map((k) => `media/${id}/${k}`)
      await storage.removeObjects(BUCKETS.media.name, keys)
    }
    await db.end()
  })

  /** Plays an item as `who` up to the segments: the rendition playlist's segment URLs. */
  async function play(id: string, who: keyof typeof people) {
    const start = await api(`/api/media/${id}/playback`, { token: people[who].token })
    assert.equal(start.status, 200, JSON.stringify(start.body))
    const master = await fetchText(`${apiUrl()}${start.body.playlistUrl}`)
    assert.equal(master.res.status, 200, master.text)
    const rendition = await fetchText(new URL('240p/index.m3u8', `${apiUrl()}${start.body.playlistUrl}`).href)
    assert.equal(rendition.res.status, 200, rendition.text)
    return { start, master, rendition, segmentUrls: rendition.text.split('\n').filter((l) => l && !l.startsWith('#')) }
  }

  it('lets a fan who bought the post play it: token playlist, then each segment straight from MinIO through a presigned URL', async () => {
    const { start, master, rendition, segmentUrls } = await play(ids.ppv, 'fox')
    assert.match(start.body.playlistUrl, new RegExp(`^/api/media/${ids.ppv}/hls/v1\\.[\\w-]+\\.[\\w-]+/master\\.m3u8$`))
    const left = Date.parse(start.body.expiresAt) - Date.now()
    assert.ok(left > 540_000 && left <= 600_000, `token life ${left} ms`)
    const posterRes = await fetch(start.body.posterUrl)
    assert.equal(posterRes.status, 200)
    assert.deepEqual(Buffer.from(await posterRes.arrayBuffer()), poster)

    assert.match(master.res.headers.get('content-type') ?? '', /^application\/vnd\.apple\.mpegurl/)
    const maxAge = Number(/^private, max-age=(\d+)$/.exec(master.res.headers.get('cache-control') ?? '')?.[1])
    assert.ok(maxAge >= 0 && maxAge < left / 1000, `max-age ${maxAge} below the token's remaining life`)
    assert.ok(master.text.includes('\n240p/index.m3u8'), 'rendition URIs stay relative: the token is in the path')

    assert.match(rendition.res.headers.get('content-type') ?? '', /^application\/vnd\.apple\.mpegurl/)
    assert.ok(rendition.text.includes('#EXTINF:2.0,') && rendition.text.includes('#EXT-X-ENDLIST'), 'tags kept')
    assert.equal(segmentUrls.length, 2)
    for (const [i, url] of segmentUrls.entries()) {
      const u = new URL(url)
      assert.equal(u.pathname, `/${BUCKETS.media.name}/media/${ids.ppv}/hls/240p/seg_0000${i + 1}.ts`)
      assert.ok(Number(u.searchParams.get('X-Amz-Expires')) <= 600, 'a segment link lives no longer than the token')
      const seg = await fetch(url)
      assert.equal(seg.status, 200)
      assert.deepEqual(Buffer.from(await seg.arrayBuffer()), segments[i])
    }
  })

  it('refuses a presigned segment URL whose signature was changed (403 from MinIO)', async () => {
    const { segmentUrls } = await play(ids.ppv, 'fox')
    const u = new URL(segmentUrls[0]!)
    const sig = u.searchParams.get('X-Amz-Signature')!
    u.searchParams.set('X-Amz-Signature', `${sig.slice(0, -1)}${sig.endsWith('0') ? '1' : '0'}`)
    assert.equal((await fetch(u)).status, 403)
  })

  it('refuses a fan who did not buy the post: 403 NOT_ENTITLED with the unlock on offer', async () => {
    const res = await api(`/api/media/${ids.ppv}/playback`, { token: people.fay.token })
    assert.equal(res.status, 403)
    assert.equal(res.body.error.code, 'NOT_ENTITLED')
    assert.deepEqual(res.body.error.details.offer, { kind: 'ppv', postId: postIds.ppv, priceMinor: 1299, currency: 'USD' })
  })

  it('asks an anonymous visitor to sign in: 401 with the offer', async () => {
    const res = await api(`/api/media/${ids.ppv}/playback`)
    assert.equal(res.status, 401)
    assert.equal(res.body.error.code, 'UNAUTHENTICATED')
    assert.equal(res.body.error.details.offer.kind, 'ppv')
  })

  it('plays a subscribers item for a subscriber with full access, and offers a subscription to anyone else', async () => {
    const { segmentUrls } = await play(ids.subs, 'fay')
    assert.equal((await fetch(segmentUrls[1]!)).status, 200)
    const res = await api(`/api/media/${ids.subs}/playback`, { token: people.fox.token })
    assert.equal(res.status, 403)
    assert.deepEqual(res.body.error.details.offer, { kind: 'subscribe', creatorId: people.creator.id })
  })

  it('lets the creator and staff of the brand play an item in review, not a fan nor staff of other brands', async () => {
    await play(ids.review, 'creator')
    await play(ids.review, 'admin')
    const fan = await api(`/api/media/${ids.review}/playback`, { token: people.fox.token })
    assert.equal(fan.body.error.code, 'NOT_PUBLISHED')
    // the moderator reviews BoyFanz and GirlFanz only: a preview link handed to them does not open a DaddyFanz item
    const preview = staffPreviewUrl(ids.review, people.moderator.id, signingKeys(), 300)
    assert.equal((await errorOf(`${apiUrl()}${preview}`)).error.code, 'NOT_PUBLISHED')
    assert.equal((await fetch(`${apiUrl()}${staffPreviewUrl(ids.review, people.admin.id, signingKeys(), 300)}`)).status, 200)
  })

  it('refuses an expired token on both playlists: 403 PLAYBACK_TOKEN_EXPIRED', async () => {
    const expired = signPlaybackToken({ mediaId: ids.ppv, personId: people.fox.id, expiresAt: now() - 1 }, signingKeys())
    for (const rest of ['master.m3u8', '240p/index.m3u8']) {
      assert.deepEqual(await errorOf(hls(ids.ppv, expired, rest)).then((r) => [r.status, r.error.code]), [403, 'PLAYBACK_TOKEN_EXPIRED'], rest)
    }
  })

  it('refuses a tampered token, a token of another item and a token signed with another key: 403 PLAYBACK_TOKEN_INVALID', async () => {
    const token = tokenOf((await api(`/api/media/${ids.ppv}/playback`, { token: people.fox.token })).body.playlistUrl)
    const [v, payload, sig] = token.split('.') as [string, string, string]
    const longer = Buffer.from(JSON.stringify({ m: ids.ppv, p: people.fox.id, e: now() + 86_400 })).toString('base64url')
    const otherItem = tokenOf((await api(`/api/media/${ids.subs}/playback`, { token: people.fay.token })).body.playlistUrl)
    const forged = signPlaybackToken({ mediaId: ids.ppv, personId: people.fox.id, expiresAt: now() + 600 }, ['not-the-key-of-this-stack-0123456789'])
    for (const [what, bad] of [['a longer expiry', `${v}.${longer}.${sig}`], ['another signature', `${v}.${payload}.${sig.split('').reverse().join('')}`],
      ['another item', otherItem], ['another key', forged], ['garbage', 'v1.x.y']]) {
      assert.deepEqual(await errorOf(hls(ids.ppv, bad!)).then((r) => [r.status, r.error.code]), [403, 'PLAYBACK_TOKEN_INVALID'], what)
    }
  })

  it('answers 404 for an unknown item and a rendition the item does not have', async () => {
    assert.equal((await api(`/api/media/${randomUUID()}/playback`, { token: people.fox.token })).status, 404)
    const token = tokenOf((await api(`/api/media/${ids.ppv}/playback`, { token: people.fox.token })).body.playlistUrl)
    assert.equal((await errorOf(hls(ids.ppv, token, '1080p/index.m3u8'))).status, 404)
  })

  it('stops new playlist fetches as soon as the unlock is refunded, the token handed out before notwithstanding', async () => {
    const token = tokenOf((await api(`/api/media/${ids.ppv}/playback`, { token: people.fox.token })).body.playlistUrl)
    assert.equal((await fetch(hls(ids.ppv, token))).status, 200)
    await db.query('UPDATE entitlements SET revoked_at = now() WHERE fan_id = $1 AND post_id = $2', [people.fox.id, postIds.ppv])
    for (const rest of ['master.m3u8', '240p/index.m3u8']) {
      assert.deepEqual(await errorOf(hls(ids.ppv, token, rest)).then((r) => [r.status, r.error.code]), [403, 'NOT_ENTITLED'], rest)
    }
  })
})
