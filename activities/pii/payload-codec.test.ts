import assert from 'node:assert/strict'
import { randomBytes, randomUUID } from 'node:crypto'
import type { Payload } from '@temporalio/common'
import { createInMemoryKeyStore } from './in-memory-key-store.test-support.ts'
import { PAYLOAD_PURPOSE, PII_PAYLOAD_ENCODING, SUBJECTS_METADATA_KEY, createPersonPayloadCodec, subjectCandidates } from './payload-codec.ts'
import { createPii } from './pii.ts'

const masterKeys = new Map([['k1', randomBytes(32)]])
const [alice, bob, notAPerson] = [randomUUID(), randomUUID(), randomUUID()]

function setup(onShredded: 'throw' | 'placeholder' = 'throw', people = new Set<string>([alice, bob])) {
  const keyStore = createInMemoryKeyStore()
  const pii = createPii({ keyStore, masterKeys, currentKeyId: 'k1', indexKey: randomBytes(32) })
  const asked: string[][] = []
  const knownPeople = async (ids: string[]) => {
    asked.push(ids)
    return new Set(ids.filter((id) => people.has(id)))
  }
  return { keyStore, pii, asked, codec: createPersonPayloadCodec({ pii, knownPeople, onShredded }) }
}

const json = (value: unknown, extra: Record<string, string> = {}): Payload => ({
  metadata: { encoding: Buffer.from('json/plain'), ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, Buffer.from(v)])) },
  data: Buffer.from(JSON.stringify(value)),
})
const text = (b: Uint8Array | null | undefined) => Buffer.from(b ?? []).toString('utf8')
const meta = (p: Payload | undefined, key: string) => text(p?.metadata?.[key])
const code = (c: string) => ({ name: 'PiiError', code: c })
const same = (a: Payload | undefined, b: Payload) => {
  assert.deepEqual(Object.fromEntries(Object.entries(a?.metadata ?? {}).map(([k, v]) => [k, text(v)])),
    Object.fromEntries(Object.entries(b.metadata ?? {}).map(([k, v]) => [k, text(v)])))
  assert.equal(text(a?.data), text(b.data))
}

describe('person payload codec', () => {
  it('seals a payload naming a person and opens it again, its metadata intact', async () => {
    const { codec, keyStore } = setup()
    const original = json({ fanId: alice, note: 'Jane Smith, 12 Rue de la Paix' }, { messageType: 'PurchaseInput' })
    const [sealed] = await codec.encode([original])
    assert.deepEqual([meta(sealed, 'encoding'), meta(sealed, SUBJECTS_METADATA_KEY)], [PII_PAYLOAD_ENCODING, alice])
    assert.equal(Buffer.from(sealed?.data ?? []).indexOf('Jane Smith'), -1)
    assert.ok(keyStore.rows.has(alice))
    same((await codec.decode([sealed!]))[0], original)
  })

  it('seals a payload naming two people for both, and either erasure shreds it', async () => {
    for (const erased of [alice, bob]) {
      const { codec, pii } = setup()
      const original = json({ buyerId: bob, post: { creatorId: alice }, amount: 500 })
      const [sealed] = await codec.encode([original])
      assert.equal(meta(sealed, SUBJECTS_METADATA_KEY), [alice, bob].sort().join(','))
      // the outer layer is the last subject's: opening it alone leaves another PII1 layer, not the payload
      const last = [alice, bob].sort()[1]!
      const inner = await pii.decryptBlob(last, PAYLOAD_PURPOSE, Buffer.from(sealed!.data!))
      assert.equal(inner.subarray(0, 4).toString(), 'PII1')
      same((await codec.decode([sealed!]))[0], original)
      await pii.destroyPersonKey(erased)
      await assert.rejects(codec.decode([sealed!]), (err: Error) => {
        assert.deepEqual([err.name, (err as { code?: string }).code], ['PiiError', 'KEY_DESTROYED'])
        assert.match(err.message, /erased person/)
        return true
      })
    }
  })

  it('uses only the ids knownPeople confirms, asks only about subject keys, and caches the people', async () => {
    const { codec, keyStore, asked } = setup()
    const original = json({ fanId: alice, creatorId: notAPerson, postId: bob })
    const [sealed] = await codec.encode([original])
    assert.equal(meta(sealed, SUBJECTS_METADATA_KEY), alice)
    assert.deepEqual(asked, [[alice, notAPerson]])
    assert.deepEqual([...keyStore.rows.keys()], [alice])
    await codec.encode([original, json({ personId: alice })])
    assert.deepEqual(asked.slice(1), [[notAPerson]], 'a person is looked up once; a non-person is asked about again')
  })

  it('asks once for a whole batch', async () => {
    const { codec, asked } = setup()
    const sealed = await codec.encode([json({ fanId: alice }), json({ fanId: bob }), json({ fanId: alice })])
    assert.deepEqual(sealed.map((p) => meta(p, SUBJECTS_METADATA_KEY)), [alice, bob, alice])
    assert.deepEqual(asked.map((ids) => [...ids].sort()), [[alice, bob].sort()])
  })

  const upper = alice.toUpperCase()
  const finds: [name: string, value: unknown, expected: string[]][] = [
    ['a top-level subject key', { personId: alice }, [alice]],
    ['a key deep in arrays and objects', { lines: [{ split: { payeeId: alice } }] }, [alice]],
    ['an array of ids under a subject key', { recipientId: [alice, [bob]] }, [alice, bob]],
    ['any key ending in PersonId', { reviewerPersonId: alice }, [alice]],
    ['an upper-case UUID, in lower case', { ownerId: upper }, [alice]],
    ['the workflow arguments array', [{ fanId: alice }, 'x'], [alice]],
    ['nothing under other keys', { postId: alice, id: bob, note: `fanId ${alice}` }, []],
    ['nothing that is not a UUID', { fanId: 'fan-1', creatorId: 42, personId: null }, []],
    ['nothing in an object under a subject key', { personId: { id: alice } }, []],
  ]
  for (const [name, value, expected] of finds) {
    it(`finds subjects: ${name}`, () => assert.deepEqual([...subjectCandidates(json(value))].sort(), expected.sort()))
  }

  const passing: [name: string, payload: Payload][] = [
    ['a subject-less JSON payload', json({ postId: alice, amount: 5 })],
    ['a payload naming only non-people', json({ fanId: notAPerson })],
    ['binary/plain', { metadata: { encoding: Buffer.from('binary/plain') }, data: Buffer.from(`{"fanId":"${alice}"}`) }],
    ['json/protobuf', { metadata: { encoding: Buffer.from('json/protobuf') }, data: Buffer.from(`{"fanId":"${alice}"}`) }],
    ['binary/null', { metadata: { encoding: Buffer.from('binary/null') } }],
    ['malformed JSON', { metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from(`{"fanId":"${alice}"`) }],
  ]
  for (const [name, payload] of passing) {
    it(`passes ${name} through both ways unchanged`, async () => {
      const { codec, keyStore } = setup()
      assert.equal((await codec.encode([payload]))[0], payload)
      assert.equal((await codec.decode([payload]))[0], payload)
      assert.equal(keyStore.rows.size, 0)
    })
  }

  it('does not seal a sealed payload twice, and leaves foreign encodings to their codecs', async () => {
    const { codec } = setup()
    const [sealed] = await codec.encode([json({ fanId: alice })])
    assert.equal((await codec.encode([sealed!]))[0], sealed)
    const foreign = { metadata: { encoding: Buffer.from('binary/encrypted'), 'encryption-key-id': Buffer.from('k') }, data: randomBytes(40) }
    assert.equal((await codec.decode([foreign]))[0], foreign)
  })

  const tampers: [name: string, change: (p: Payload) => Payload, expected: string][] = [
    ['a flipped data byte', (p) => ({ ...p, data: Buffer.from(p.data!).map((b, i, all) => (i === all.length - 1 ? b ^ 1 : b)) }), 'DECRYPTION_FAILED'],
    ['the first subject removed', (p) => ({ ...p, metadata: { ...p.metadata, [SUBJECTS_METADATA_KEY]: Buffer.from([alice, bob].sort()[1]!) } }),
      'DECRYPTION_FAILED'],
    ['the last subject removed', (p) => ({ ...p, metadata: { ...p.metadata, [SUBJECTS_METADATA_KEY]: Buffer.from([alice, bob].sort()[0]!) } }),
      'DECRYPTION_FAILED'],
    ['the subjects swapped', (p) => ({ ...p, metadata: { ...p.metadata, [SUBJECTS_METADATA_KEY]: Buffer.from([alice, bob].sort().reverse().join(',')) } }),
      'DECRYPTION_FAILED'],
    ['no subjects', (p) => ({ ...p, metadata: { encoding: p.metadata!.encoding! } }), 'MALFORMED_CIPHERTEXT'],
    ['a subject that is no UUID', (p) => ({ ...p, metadata: { ...p.metadata, [SUBJECTS_METADATA_KEY]: Buffer.from('x') } }), 'MALFORMED_CIPHERTEXT'],
    ['truncated data', (p) => ({ ...p, data: Buffer.from(p.data!).subarray(0, 20) }), 'MALFORMED_CIPHERTEXT'],
  ]
  for (const [name, change, expected] of tampers) {
    it(`refuses ${name}: ${expected}, also in placeholder mode`, async () => {
      for (const mode of ['throw', 'placeholder'] as const) {
        const { codec } = setup(mode)
        const [sealed] = await codec.encode([json({ fanId: alice, creatorId: bob })])
        await assert.rejects(codec.decode([change(sealed!)]), code(expected))
      }
    })
  }

  it("shows an erased person's payload as a placeholder in placeholder mode, and the others in clear", async () => {
    const { codec, pii } = setup('placeholder')
    const sealed = await codec.encode([json({ fanId: alice, creatorId: bob }), json({ fanId: bob })])
    await pii.destroyPersonKey(alice)
    const [erased, kept] = await codec.decode(sealed)
    assert.equal(meta(erased, 'encoding'), 'json/plain')
    assert.deepEqual(JSON.parse(text(erased?.data)), { erased: 'personal data of an erased person', subjects: [alice, bob].sort() })
    assert.deepEqual(JSON.parse(text(kept?.data)), { fanId: bob })
  })

  it("seals new data naming an erased person only for the others: the erased id is a bare pseudonym, and the run goes on", async () => {
    const { codec, pii } = setup()
    await codec.encode([json({ fanId: alice })])
    await pii.destroyPersonKey(alice)
    const [alone, both] = await codec.encode([json({ fanId: alice }), json({ fanId: alice, creatorId: bob })])
    assert.equal(meta(alone, 'encoding'), 'json/plain', 'nobody left to seal for')
    assert.deepEqual(JSON.parse(text(alone?.data)), { fanId: alice })
    assert.deepEqual([meta(both, 'encoding'), meta(both, 'fanz-subjects')], ['binary/fanz-pii1', bob])
    assert.deepEqual((await codec.decode([both!])).map((p) => JSON.parse(text(p.data))), [{ fanId: alice, creatorId: bob }])
  })
})
