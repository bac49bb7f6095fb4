import assert from 'node:assert/strict'
import { randomBytes, randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { PayloadCodec } from '@temporalio/common'
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js'
import { decodeHistoryPayloads, payloadFromJson, payloadToJson, type JsonPayload } from './history-decode.ts'
import { createInMemoryKeyStore } from './in-memory-key-store.test-support.ts'
import { PII_PAYLOAD_ENCODING, createPersonPayloadCodec } from './payload-codec.ts'
import { createPii } from './pii.ts'

const [fan, creator] = [randomUUID(), randomUUID()]
const setup = () => {
  const pii = createPii({ keyStore: createInMemoryKeyStore(), masterKeys: new Map([['k1', randomBytes(32)]]), currentKeyId: 'k1', indexKey: randomBytes(32) })
  return { pii, codec: createPersonPayloadCodec({ pii, knownPeople: async (ids) => new Set(ids.filter((id) => id === fan || id === creator)) }) }
}
const isPayload = (v: unknown): v is JsonPayload =>
  typeof v === 'object' && v !== null && 'metadata' in v && typeof (v as { metadata: { encoding?: unknown } }).metadata?.encoding === 'string'

/** The test's own walk: every payload of a JSON history through `change`. */
async function mapPayloads(node: unknown, change: (p: JsonPayload) => Promise<JsonPayload>): Promise<unknown> {
  if (isPayload(node)) return change(node)
  if (Array.isArray(node)) return Promise.all(node.map((n) => mapPayloads(n, change)))
  if (typeof node !== 'object' || node === null) return node
  return Object.fromEntries(await Promise.all(Object.entries(node).map(async ([k, v]) => [k, await mapPayloads(v, change)])))
}
const seal = (history: unknown, codec: PayloadCodec) =>
  mapPayloads(history, async (p) => payloadToJson((await codec.encode([payloadFromJson(p)]))[0]!))
const payloadsIn = (node: unknown): JsonPayload[] =>
  isPayload(node) ? [node] : typeof node === 'object' && node !== null ? Object.values(node).flatMap(payloadsIn) : []
const encodings = (history: unknown) => payloadsIn(history).map((p) => Buffer.from(p.metadata?.encoding ?? '', 'base64').toString())
const texts = (history: unknown) => payloadsIn(history).map((p) => Buffer.from(p.data ?? '', 'base64').toString())

// a recorded history with its made-up ids replaced by UUIDs, so that the codec takes them for people
async function recordedHistory(): Promise<unknown> {
  const raw = JSON.parse(await readFile(new URL('../../test/replay/histories/purchase-ppv.json', import.meta.url), 'utf8'))
  return mapPayloads(raw, async (p) => (p.data ? { ...p, data: Buffer.from(Buffer.from(p.data, 'base64').toString()
    .replaceAll('"fan-1"', `"${fan}"`).replaceAll('"creator-1"', `"${creator}"`)).toString('base64') } : p))
}

describe('decodeHistoryPayloads', () => {
  it('gives back a recorded history in clear text, still a valid History for replay', async () => {
    const { codec } = setup()
    const clear = await recordedHistory()
    const sealed = await seal(clear, codec)
    assert.ok(encodings(sealed).filter((e) => e === PII_PAYLOAD_ENCODING).length >= 4)
    assert.ok(texts(clear).some((t) => t.includes(fan)))
    assert.ok(!texts(sealed).some((t) => t.includes(fan) || t.includes(creator)), 'no payload shows the people in clear')
    const before = structuredClone(sealed)
    const decoded = await decodeHistoryPayloads(sealed, codec)
    assert.deepEqual(decoded, clear)
    assert.deepEqual(sealed, before, 'the input is not changed')
    assert.equal(historyFromJSON(decoded).events?.length, (clear as { events: unknown[] }).events.length)
  })

  it('decodes payloads wherever they sit: headers, memos, failure details; other objects are left alone', async () => {
    const { codec } = setup()
    const clearPayload = (v: unknown) => payloadToJson({ metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from(JSON.stringify(v)) })
    const shape = async (p: (v: unknown) => Promise<JsonPayload> | JsonPayload) => ({ events: [
      { eventId: '1', workflowExecutionStartedEventAttributes: { header: { fields: { auth: await p({ personId: fan }) } },
        memo: { fields: { note: await p({ fanId: fan, text: 'hi' }) } }, input: { payloads: [await p({ postId: 'x' })] } } },
      { eventId: '2', activityTaskFailedEventAttributes: { failure: { message: 'Encoded failure',
        encodedAttributes: await p({ message: 'card of Jane', buyerId: fan }), applicationFailureInfo: { details: { payloads: [await p([creator])] } } } } },
      { eventId: '3', markerRecordedEventAttributes: { details: { data: { payloads: [await p({ creatorId: creator })] } }, metadata: { x: 1 } } },
    ] })
    const clear = await shape(clearPayload)
    const sealed = await shape(async (v) => payloadToJson((await codec.encode([payloadFromJson(clearPayload(v))]))[0]!))
    assert.deepEqual(encodings(sealed).filter((e) => e === PII_PAYLOAD_ENCODING).length, 4)
    assert.deepEqual(await decodeHistoryPayloads(sealed, codec), clear)
  })

  it("fails on an erased person's payload with a throwing codec, and shows placeholders with a placeholder codec", async () => {
    const { codec, pii } = setup()
    const clear = await recordedHistory()
    const sealed = await seal(clear, codec)
    await pii.destroyPersonKey(fan)
    await assert.rejects(decodeHistoryPayloads(sealed, codec), { code: 'KEY_DESTROYED' })
    const ui = createPersonPayloadCodec({ pii, knownPeople: async () => new Set(), onShredded: 'placeholder' })
    const decoded = await decodeHistoryPayloads(sealed, ui)
    const erased = texts(decoded).filter((t) => t.startsWith('{"erased":"personal data of an erased person"'))
    assert.equal(erased.length, texts(clear).filter((t) => t.includes(fan)).length, "the fan's payloads, and only those")
    assert.ok(texts(decoded).some((t) => t.includes(creator)))
  })

  it('copies a history without payloads', async () => {
    const history = { events: [{ eventId: '1', timerStartedEventAttributes: { timerId: '1', metadata: { encoding: 3 } } }] }
    const decoded = await decodeHistoryPayloads(history, setup().codec)
    assert.deepEqual(decoded, history)
    assert.notEqual(decoded, history)
  })
})
