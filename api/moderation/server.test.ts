import assert from 'node:assert/strict'
import jpeg from 'jpeg-js'
import OpenAI from 'openai'
import type { Moderation } from 'openai/resources/moderations'
import { BLOCK_DISTANCE, hammingDistance, phash } from '../../domain/media/phash.ts'
import { listen, type Listening } from '../../ops/sandboxes/listen.ts'
import type pg from 'pg'
import { blockMatchCategories, createPgBlockList, createStaticBlockList, type BlockEntry, type BlockList, type BlockMatch } from './block-list.ts'
import { createNsfwModel, decodeImage, grayscale32, type ImageModel, type NsfwScores } from './image-model.ts'
import { createModerationApp } from './server.ts'

type Part = { type: 'text' | 'image'; category_scores: Record<string, number>; phash?: string; blocklist?: BlockMatch[];
  nsfw?: NsfwScores; terms?: { term: string; signal: string }[] }
type Result = Moderation & { fanz: { parts: Part[] } }

const API_KEY = 'test-moderation-key'
const W = 320
const H = 240

/** A JPEG drawn pixel by pixel: `f` gives the gray level at (x, y). */
function picture(f: (x: number, y: number) => number, quality = 85): string {
  const data = Buffer.alloc(W * H * 4)
  for (let i = 0; i < W * H; i++) {
    const v = Math.max(0, Math.min(255, Math.round(f(i % W, Math.floor(i / W)))))
    data.set([v, v, v, 255], i * 4)
  }
  return `data:image/jpeg;base64,${jpeg.encode({ width: W, height: H, data }, quality).data.toString('base64')}`
}
const scene = (x: number, y: number) => (x + y) / 3 + ((x - 120) ** 2 + (y - 100) ** 2 < 60 ** 2 ? 110 : 0) + (x > 240 && y < 60 ? 50 : 0)
const hashOf = (dataUrl: string) => phash(grayscale32(decodeImage('image/jpeg', Buffer.from(dataUrl.split(',')[1]!, 'base64'))))
const image = (url: string) => ({ type: 'image_url' as const, image_url: { url } })

describe('moderation endpoint (OpenAI-compatible)', function () {
  this.timeout(60_000)
  const model = createNsfwModel()
  const blocked = picture(scene)
  let server: Listening
  let client: OpenAI
  const moderate = async (input: OpenAI.ModerationCreateParams['input']) =>
    (await client.moderations.create({ model: 'omni-moderation-latest', input })).results as Result[]

  before(async () => {
    const started = performance.now()
    await model.load()
    console.log(`      (nsfwjs model loaded in ${Math.round(performance.now() - started)} ms)`)
    const blockList = createStaticBlockList([{ phash: hashOf(blocked), category: 'csam' }, { phash: 'ffffffffffffffff', category: 'violence/graphic' }])
    server = await listen(createModerationApp({ apiKey: API_KEY, image: model, blockList }), 0)
    client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: API_KEY, maxRetries: 0 })
  })
  after(() => server?.close())

  it('scores each string of an array as its own result, with the terms behind the scores', async () => {
    const [fine, minor] = await moderate(['Cute pup play', '14yo j41lbait'])
    assert.equal(fine!.flagged, false)
    assert.ok(Object.values(fine!.category_scores).every((s) => s === 0))
    assert.equal(minor!.flagged, true)
    assert.equal(minor!.categories['sexual/minors'], true)
    assert.ok(minor!.category_scores['sexual/minors'] >= 0.95)
    assert.deepEqual(minor!.category_applied_input_types['sexual/minors'], ['text'])
    // the lexicon does not score hate, harassment or sexual: it does not claim to
    assert.deepEqual([minor!.category_applied_input_types.hate, minor!.category_applied_input_types.sexual], [[], []])
    assert.deepEqual(minor!.fanz.parts[0]!.terms!.map((t) => t.term).sort(), ['14yo', 'jailbait'])
  })

  it('scores a flat gray picture as not sexual, and reports its hash and the nsfwjs classes', async () => {
    const gray = picture(() => 128)
    const started = performance.now()
    const [result] = await moderate([image(gray)])
    console.log(`      (one 320x240 image classified in ${Math.round(performance.now() - started)} ms, HTTP included)`)
    assert.equal(result!.flagged, false)
    assert.ok(result!.category_scores.sexual < 0.2, `sexual ${result!.category_scores.sexual}`)
    const [part] = result!.fanz.parts
    assert.match(part!.phash!, /^[0-9a-f]{16}$/)
    assert.deepEqual(part!.blocklist, [])
    const classes = part!.nsfw!
    assert.deepEqual(Object.keys(classes).sort(), ['Drawing', 'Hentai', 'Neutral', 'Porn', 'Sexy'])
    assert.ok(Math.abs(Object.values(classes).reduce((a, b) => a + b, 0) - 1) < 0.01)
    assert.deepEqual(result!.category_applied_input_types.sexual, ['image'])
    assert.deepEqual(result!.category_applied_input_types.violence, [])
  })

  it('flags a block-listed picture, and a re-encoded, brightened, noisier copy of it', async () => {
    let seed = 5
    const noise = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return (seed / 0x7fffffff - 0.5) * 16 }
    const copy = picture((x, y) => scene(x, y) + 12 + noise(), 60)
    const distance = hammingDistance(hashOf(blocked), hashOf(copy))
    assert.ok(distance > 0 && distance <= BLOCK_DISTANCE, `the copy is ${distance} bits away`)
    for (const [url, expected] of [[blocked, 0], [copy, distance]] as const) {
      const [result] = await moderate([image(url)])
      assert.equal(result!.flagged, true)
      assert.equal(result!.category_scores['sexual/minors'], 1)
      assert.equal(result!.categories['sexual/minors'], true)
      assert.deepEqual(result!.category_applied_input_types['sexual/minors'], ['image'])
      assert.deepEqual(result!.fanz.parts[0]!.blocklist, [{ phash: hashOf(blocked), category: 'csam', distance: expected }])
    }
  })

  it('answers a multi-part input with one result (as OpenAI does), each part detailed in order', async () => {
    const results = await moderate([{ type: 'text', text: 'drugged and passed out' }, image(picture(() => 128)), image(blocked)])
    assert.equal(results.length, 1)
    const [result] = results
    assert.deepEqual(result!.fanz.parts.map((p) => p.type), ['text', 'image', 'image'])
    assert.equal(result!.category_scores['sexual/minors'], 1)
    assert.ok(result!.category_scores.illicit > 0.8)
    assert.equal(result!.fanz.parts[1]!.blocklist!.length, 0)
    assert.deepEqual(result!.category_applied_input_types['sexual/minors'], ['text', 'image'])
    assert.deepEqual(result!.category_applied_input_types.illicit, ['text'])
  })

  const refused: [string, OpenAI.ModerationCreateParams['input'], string][] = [
    ['an http image URL', [image('https://example.test/a.jpg')], 'invalid_image_url'],
    ['a PNG', [image('data:image/png;base64,iVBORw0KGgo=')], 'unsupported_image_format'],
    ['a corrupt JPEG', [image('data:image/jpeg;base64,/9j/AAAA')], 'invalid_image'],
    ['more than 8 images', Array.from({ length: 9 }, () => image('data:image/jpeg;base64,/9j/AAAA')), 'too_many_images'],
    ['an empty array', [], 'invalid_input'],
  ]
  for (const [name, input, code] of refused) {
    it(`refuses ${name} with 400 ${code}`, async () => {
      await assert.rejects(moderate(input), (err: unknown) =>
        err instanceof OpenAI.BadRequestError && err.status === 400 && err.code === code && err.type === 'invalid_request_error')
    })
  }

  it('refuses a wrong API key with 401 in OpenAI\'s error shape', async () => {
    const wrong = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'nope', maxRetries: 0 })
    await assert.rejects(wrong.moderations.create({ input: 'hello' }), (err: unknown) =>
      err instanceof OpenAI.AuthenticationError && err.status === 401 && err.code === 'invalid_api_key')
    const res = await fetch(`${server.url}/v1/moderations`, { method: 'POST', body: '{"input":"x"}', headers: { 'content-type': 'application/json' } })
    assert.equal(res.status, 401)
    assert.deepEqual(await res.json(), { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } })
  })

  it('is healthy once the model is loaded and the block list read', async () => {
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200)
    const loading: ImageModel = { ready: () => false, load: () => new Promise(() => undefined), classify: () => Promise.reject(new Error('not loaded')) }
    const unread: BlockList = { ready: () => false, match: () => [], close: () => undefined }
    const cold = await listen(createModerationApp({ apiKey: API_KEY, image: loading, blockList: unread }), 0)
    try {
      const health = await fetch(`${cold.url}/healthz`)
      assert.deepEqual([health.status, await health.json()], [503, { model: 'loading', blockList: 'loading' }])
      // no matching against a block list it has not read: the caller retries
      await assert.rejects(new OpenAI({ baseURL: `${cold.url}/v1`, apiKey: API_KEY, maxRetries: 0 }).moderations.create({ input: 'x' }),
        (err: unknown) => err instanceof OpenAI.InternalServerError && err.status === 503 && err.code === 'block_list_unavailable')
    } finally {
      await cold.close()
    }
  })
})

describe('block list from PostgreSQL', () => {
  it('is not ready before the first read, refreshes, skips malformed rows and keeps the last list when a read fails', async () => {
    let rows: BlockEntry[] | Error = new Error('database down')
    const pool = { query: async () => { if (rows instanceof Error) throw rows; return { rows } } } as unknown as pg.Pool
    const errors: unknown[] = []
    const list = createPgBlockList({ pool, refreshMs: 60_000, onError: (err) => errors.push(err) })
    try {
      await new Promise((done) => setImmediate(done))
      assert.equal(list.ready(), false)
      rows = [{ phash: 'ABCDEF0123456789', category: 'csam' }, { phash: 'not-a-hash', category: 'illicit' }]
      await list.refresh()
      assert.equal(list.ready(), true)
      assert.deepEqual(list.match('abcdef0123456788'), [{ phash: 'abcdef0123456789', category: 'csam', distance: 1 }])
      assert.deepEqual(list.match('0000000000000000'), [])
      rows = new Error('database down again')
      await assert.rejects(list.refresh())
      assert.equal(list.size(), 1)
      assert.equal(errors.length, 2)
    } finally {
      list.close()
    }
  })

  const labels: [string, string[]][] = [
    ['sexual/minors', ['sexual/minors']], ['CSAM', ['sexual/minors']], ['known child abuse', ['sexual/minors']],
    ['violence/graphic', ['violence/graphic']], ['ncii', ['violence', 'illicit']], ['terror', ['illicit']],
  ]
  for (const [label, categories] of labels) {
    it(`a match labelled "${label}" scores ${categories.join(' and ')}`, () => assert.deepEqual(blockMatchCategories(label), categories))
  }
})
