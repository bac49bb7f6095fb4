import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { createSearchClient, type SearchClient } from '../activities/search/client.ts'
import { deindexMedia, indexMedia, searchMedia, type MediaSearchDoc } from '../activities/search/media-index.ts'
import { SEARCH_INDEXES } from '../domain/search-indexes.ts'
import { api, testStack } from './support/stack.ts'

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString()

describe('media search on the real OpenSearch: typo tolerant, one brand, safe search', function () {
  this.timeout(30_000)
  let search: SearchClient
  // a brand of its own: the documents of other tests (and of the demo) never show up in these answers
  const brand = `search-test-${randomUUID().slice(0, 8)}`
  const otherBrand = `${brand}-other`
  const doc = (over: Partial<MediaSearchDoc>): MediaSearchDoc => ({
    id: randomUUID(), postId: randomUUID(), brand, creatorId: randomUUID(), creatorName: 'Alex Stone', title: '', caption: '', tags: [],
    access: 'ppv', priceMinor: 799, currency: 'EUR', thumbnailKey: null, durationSeconds: 61.5, explicit: true, nsfwScore: 0.9,
    status: 'PUBLISHED', publishedAt: daysAgo(1), ...over,
  })
  const berlin = doc({ title: 'Berlin night shoot', caption: 'Rooftops & <neon> after midnight', tags: ['berlin', 'night'], explicit: false, nsfwScore: 0.1,
    publishedAt: daysAgo(3), thumbnailKey: 'media/x/thumb.jpg' })
  const yoga = doc({ title: 'Sunrise yoga on the beach', creatorName: 'Mira Sol', tags: ['outdoor'], publishedAt: daysAgo(1) })
  const leather = doc({ title: 'Leather harness try-on', creatorName: 'Jon Black', tags: ['gear'], access: 'subscribers', priceMinor: null, currency: null,
    publishedAt: daysAgo(2) })
  const takenDown = doc({ title: 'Berlin night shoot outtakes', status: 'TAKEN_DOWN', explicit: false })
  const elsewhere = doc({ title: 'Berlin night shoot', brand: otherBrand, explicit: false })
  const all = [berlin, yoga, leather, takenDown, elsewhere]
  const ids = (hits: { id: string }[]) => hits.map((h) => h.id)
  const find = (q: string, over: { safe?: boolean; from?: number; size?: number } = {}) =>
    searchMedia(search, { brand, q, from: 0, size: 20, safe: false, ...over })

  before(async () => {
    search = createSearchClient(testStack().env.OPENSEARCH_URL)
    for (const d of all) await indexMedia(search, d)
    await search.indices.refresh({ index: SEARCH_INDEXES.content })
  })
  after(async () => {
    for (const d of all) await deindexMedia(search, d.id, { refresh: true })
    await search.close()
  })

  it('forgives typos: "berlin nigth shot" finds "Berlin night shoot" first, and nothing unpublished or of another brand', async () => {
    const { total, hits } = await find('berlin nigth shot')
    assert.equal(hits[0]?.id, berlin.id)
    assert.ok(!ids(hits).includes(takenDown.id) && !ids(hits).includes(elsewhere.id))
    assert.equal(total, hits.length)
    // each misspelt word is marked where it matched: the typos were forgiven, not just "berlin" found
    assert.equal(hits[0]!.highlight, '<mark>Berlin</mark> <mark>night</mark> <mark>shoot</mark>')
  })

  it('finds an item when every word typed is misspelt', async () => {
    assert.deepEqual(ids((await find('berln nigth')).hits), [berlin.id])
    assert.deepEqual(ids((await find('sunrsie yoag')).hits), [yoga.id])
  })

  it('answers the storefront fields, moderation scores left out', async () => {
    const hit = (await find('berlin')).hits.find((h) => h.id === berlin.id)!
    assert.deepEqual({ ...hit, highlight: undefined }, { id: berlin.id, postId: berlin.postId, brand, creatorId: berlin.creatorId, creatorName: 'Alex Stone',
      title: berlin.title, caption: berlin.caption, tags: berlin.tags, access: 'ppv', priceMinor: 799, currency: 'EUR', thumbnailKey: 'media/x/thumb.jpg',
      durationSeconds: 61.5, publishedAt: berlin.publishedAt, highlight: undefined })
  })

  it('escapes the creator\'s text in highlights (a caption is not markup)', async () => {
    const marked = (await find('midnigt rooftops')).hits.find((h) => h.id === berlin.id)?.highlight
    assert.equal(marked, '<mark>Rooftops</mark> &amp; &lt;neon&gt; after <mark>midnight</mark>')
  })

  it('finds the creator by name, typos and all', async () => {
    assert.deepEqual(ids((await find('alxe stoen')).hits), [berlin.id])
    assert.deepEqual(ids((await find('jno blak')).hits), [leather.id])
  })

  it('completes what is being typed: "leath" finds the leather harness', async () => {
    assert.deepEqual(ids((await find('leath')).hits), [leather.id])
    assert.equal((await find('sunrise yo')).hits[0]?.id, yoga.id)
  })

  it('lists the newest published first when nothing is typed, page by page', async () => {
    const page = await find('   ')
    assert.equal(page.total, 3)
    assert.deepEqual(ids(page.hits), [yoga.id, leather.id, berlin.id])
    assert.deepEqual(ids((await find('', { from: 1, size: 1 })).hits), [leather.id])
  })

  it('hides explicit items under safe search', async () => {
    assert.deepEqual(ids((await find('', { safe: true })).hits), [berlin.id])
    assert.deepEqual(ids((await find('leather harness', { safe: true })).hits), [])
  })

  it('finds nothing for words nowhere near any item', async () => {
    assert.deepEqual((await find('xylophone quartet')).hits, [])
  })

  it('removes an item from search, and removing it twice is fine', async () => {
    const gone = doc({ title: 'Disappearing act' })
    await indexMedia(search, gone, { refresh: 'wait_for' })
    assert.deepEqual(ids((await find('disappearing')).hits), [gone.id])
    await deindexMedia(search, gone.id, { refresh: true })
    assert.deepEqual(ids((await find('disappearing')).hits), [])
    await deindexMedia(search, gone.id)
  })

  it('serves GET /api/search/media: validated, posters presigned', async () => {
    // the route takes real brand slugs only: a nonsense word keeps the demo's documents out of the answer
    const word = `zq${randomUUID().replace(/\D/g, '').slice(0, 8)}x`
    const item = doc({ brand: 'fanzlab', title: `Studio ${word} session`, thumbnailKey: `media/${randomUUID()}/thumb.jpg` })
    await indexMedia(search, item, { refresh: 'wait_for' })
    try {
      const res = await api(`/api/search/media?brand=fanzlab&q=${encodeURIComponent(`studio ${word}`)}&size=5`)
      assert.equal(res.status, 200, JSON.stringify(res.body))
      assert.equal(res.body.hits[0].id, item.id)
      assert.equal(res.body.hits[0].thumbnailKey, undefined)
      assert.match(res.body.hits[0].thumbnailUrl, new RegExp(`/fanz-media/${item.thumbnailKey}\\?.*X-Amz-Signature=`))
      for (const bad of ['size=51', `q=${'a'.repeat(201)}`, 'brand=nope', 'safe=yes', 'from=-1']) {
        const r = await api(`/api/search/media?brand=fanzlab&${bad}`)
        assert.equal(r.status, 400, bad)
        assert.equal(r.body.error.code, 'VALIDATION_FAILED', bad)
      }
    } finally {
      await deindexMedia(search, item.id, { refresh: true })
    }
  })
})
