import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { createInMemoryKeyStore } from './in-memory-key-store.test-support.ts'
import { parseMasterKeys } from './master-keys.ts'
import { createPii, type PiiDeps } from './pii.ts'

const [k1, k2, indexKey] = [randomBytes(32), randomBytes(32), randomBytes(32)]
const NAME = 'kyc_cases.legal_name'
const IMAGE = 'kyc_documents.front_image'
const code = (c: string) => ({ name: 'PiiError', code: c })

describe('PII keys: rotation, shredding and configuration', () => {
  it('keeps old values readable across a master-key rotation, and re-wraps person keys to retire the old master key', async () => {
    const keyStore = createInMemoryKeyStore()
    const before = createPii({ keyStore, masterKeys: new Map([['k1', k1]]), currentKeyId: 'k1', indexKey })
    const [alice, carol] = [await before.encrypt('alice', NAME, 'Alice'), await before.encrypt('carol', NAME, 'Carol')]

    const rotated = createPii({ keyStore, masterKeys: new Map([['k1', k1], ['k2', k2]]), currentKeyId: 'k2', indexKey })
    assert.equal(await rotated.decrypt('alice', NAME, alice), 'Alice')
    const bob = await rotated.encrypt('bob', NAME, 'Bob')
    assert.equal(keyStore.rows.get('bob')?.masterKeyId, 'k2')
    const wrappedBefore = keyStore.rows.get('alice')?.wrappedKey
    assert.equal(await rotated.rewrapPersonKey('alice'), true)
    assert.equal(await rotated.rewrapPersonKey('alice'), false)
    assert.equal(keyStore.rows.get('alice')?.masterKeyId, 'k2')
    assert.ok(!keyStore.rows.get('alice')?.wrappedKey?.equals(wrappedBefore ?? Buffer.alloc(0)))

    const retired = createPii({ keyStore, masterKeys: new Map([['k2', k2]]), currentKeyId: 'k2', indexKey })
    assert.equal(await retired.decrypt('alice', NAME, alice), 'Alice')
    assert.equal(await retired.decrypt('bob', NAME, bob), 'Bob')
    await assert.rejects(retired.decrypt('carol', NAME, carol), code('UNKNOWN_MASTER_KEY'))
  })

  it('crypto-shreds: once the key is destroyed nothing of the person can be read, or written again', async () => {
    const keyStore = createInMemoryKeyStore(() => new Date('2026-03-01T00:00:00Z'))
    const pii = createPii({ keyStore, masterKeys: new Map([['k1', k1]]), currentKeyId: 'k1', indexKey })
    const name = await pii.encrypt('alice', NAME, 'Alice')
    const image = await pii.encryptBlob('alice', IMAGE, Buffer.from('fake jpeg'))
    await pii.destroyPersonKey('alice')
    await pii.destroyPersonKey('alice')
    await assert.rejects(pii.decrypt('alice', NAME, name), code('KEY_DESTROYED'))
    await assert.rejects(pii.decryptBlob('alice', IMAGE, image), code('KEY_DESTROYED'))
    await assert.rejects(pii.encrypt('alice', NAME, 'Alice again'), code('KEY_DESTROYED'))
    assert.equal(await pii.rewrapPersonKey('alice'), false)
    assert.deepEqual([keyStore.rows.get('alice')?.wrappedKey, keyStore.rows.get('alice')?.destroyedAt?.toISOString()],
      [null, '2026-03-01T00:00:00.000Z'])
  })

  it('treats a row marked destroyed as destroyed even if a faulty store left the wrapped key in it', async () => {
    const keyStore = createInMemoryKeyStore()
    const pii = createPii({ keyStore, masterKeys: new Map([['k1', k1]]), currentKeyId: 'k1', indexKey })
    const name = await pii.encrypt('alice', NAME, 'Alice')
    const row = keyStore.rows.get('alice')
    assert.ok(row)
    keyStore.rows.set('alice', { ...row, destroyedAt: new Date('2026-03-01T00:00:00Z') })
    await assert.rejects(pii.decrypt('alice', NAME, name), code('KEY_DESTROYED'))
    await assert.rejects(pii.encrypt('alice', NAME, 'Alice'), code('KEY_DESTROYED'))
  })

  it('encrypts ID images as blobs bound to person and purpose, with no plaintext bytes visible', async () => {
    const pii = createPii({ keyStore: createInMemoryKeyStore(), masterKeys: new Map([['k1', k1]]), currentKeyId: 'k1', indexKey })
    const image = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF'), randomBytes(1 << 20)])
    const sealed = await pii.encryptBlob('alice', IMAGE, image)
    assert.equal(sealed.subarray(0, 4).toString(), 'PII1')
    assert.ok((await pii.decryptBlob('alice', IMAGE, sealed)).equals(image))
    for (const offset of [0, 4, 500_000]) assert.equal(sealed.indexOf(image.subarray(offset, offset + 16)), -1)
    await assert.rejects(pii.decryptBlob('alice', 'kyc_documents.back_image', sealed), code('DECRYPTION_FAILED'))
    const tampered = Buffer.from(sealed)
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1
    await assert.rejects(pii.decryptBlob('alice', IMAGE, tampered), code('DECRYPTION_FAILED'))
    await assert.rejects(pii.decryptBlob('alice', IMAGE, Buffer.from('not a blob at all, just bytes')), code('MALFORMED_CIPHERTEXT'))
    await assert.rejects(pii.decryptBlob('alice', IMAGE, sealed.subarray(0, 30)), code('MALFORMED_CIPHERTEXT'))
  })

  const configs: [name: string, deps: Partial<PiiDeps>, expected: string][] = [
    ['a 16-byte master key', { masterKeys: new Map([['k1', randomBytes(16)]]) }, 'INVALID_MASTER_KEY'],
    ['a master key id with a dot', { masterKeys: new Map([['k.1', k1]]), currentKeyId: 'k.1' }, 'INVALID_MASTER_KEY'],
    ['a current key that is not configured', { currentKeyId: 'k9' }, 'UNKNOWN_MASTER_KEY'],
    ['a short index key', { indexKey: randomBytes(16) }, 'INVALID_INDEX_KEY'],
    ['the master key reused as index key', { indexKey: k1 }, 'INVALID_INDEX_KEY'],
  ]
  for (const [name, deps, expected] of configs) {
    it(`refuses ${name}: ${expected}`, () => assert.throws(() => createPii({
      keyStore: createInMemoryKeyStore(), masterKeys: new Map([['k1', k1]]), currentKeyId: 'k1', indexKey, ...deps,
    }), code(expected)))
  }

  const specs: [spec: string, expected: string[] | string][] = [
    [`k1:${k1.toString('base64url')}`, ['k1']],
    [` k2026:${k2.toString('base64url')} , k2025:${k1.toString('base64url')} `, ['k2026', 'k2025']],
    [`k1:${k1.toString('base64url')},k1:${k2.toString('base64url')}`, 'INVALID_MASTER_KEY'],
    [`k1=${k1.toString('base64url')}`, 'INVALID_MASTER_KEY'],
    [`k1:${k1.toString('base64')}+/`, 'INVALID_MASTER_KEY'],
    [`:${k1.toString('base64url')}`, 'INVALID_MASTER_KEY'],
  ]
  for (const [spec, expected] of specs) {
    it(`parses master keys '${spec.slice(0, 12)}…': ${typeof expected === 'string' ? expected : expected.join(', ')}`, () => {
      if (typeof expected === 'string') assert.throws(() => parseMasterKeys(spec), code(expected))
      else assert.deepEqual([...parseMasterKeys(spec).keys()], expected)
    })
  }
})
