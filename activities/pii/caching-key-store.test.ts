import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { createCachingKeyStore } from './caching-key-store.ts'
import { createInMemoryKeyStore } from './in-memory-key-store.test-support.ts'
import type { PersonKeyStore } from './key-store.ts'
import { createPii } from './pii.ts'

const masterKeys = new Map([['k1', randomBytes(32)], ['k2', randomBytes(32)]])
const PURPOSE = 'temporal.payload'

/** The in-memory store behind a cache, counting the reads that reach it; `clock` drives the TTL. */
function setup(ttlMs = 30_000) {
  const inner = createInMemoryKeyStore()
  const reads = { count: 0 }
  const counted: PersonKeyStore = { ...inner,
    get: (id) => { reads.count += 1; return inner.get(id) },
    getOrCreate: (id, create) => { reads.count += 1; return inner.getOrCreate(id, create) } }
  const clock = { now: 1_000 }
  const keyStore = createCachingKeyStore(counted, { ttlMs, now: () => clock.now })
  const pii = (currentKeyId = 'k1') => createPii({ keyStore, masterKeys, currentKeyId, indexKey: randomBytes(32) })
  return { inner, reads, clock, keyStore, pii }
}

describe('caching person key store', () => {
  it('serves repeated lookups from memory within the TTL, and reads again after it', async () => {
    const { reads, clock, pii } = setup()
    const p = pii()
    const blob = await p.encryptBlob('a', PURPOSE, Buffer.from('x'))
    for (let i = 0; i < 5; i++) await p.decryptBlob('a', PURPOSE, blob)
    assert.equal(reads.count, 1)
    clock.now += 30_001
    await p.decryptBlob('a', PURPOSE, blob)
    assert.equal(reads.count, 2)
  })

  it('stops decrypting at once when the key is destroyed through it', async () => {
    const { pii } = setup()
    const p = pii()
    const blob = await p.encryptBlob('a', PURPOSE, Buffer.from('x'))
    await p.decryptBlob('a', PURPOSE, blob)
    await p.destroyPersonKey('a')
    await assert.rejects(p.decryptBlob('a', PURPOSE, blob), { code: 'KEY_DESTROYED' })
  })

  it('sees a destruction elsewhere (another process) once the TTL has passed', async () => {
    const { inner, clock, pii } = setup()
    const p = pii()
    const blob = await p.encryptBlob('a', PURPOSE, Buffer.from('x'))
    await inner.destroy('a')
    await p.decryptBlob('a', PURPOSE, blob)
    clock.now += 30_001
    await assert.rejects(p.decryptBlob('a', PURPOSE, blob), { code: 'KEY_DESTROYED' })
  })

  it('does not remember that a person has no key', async () => {
    const { inner, keyStore } = setup()
    assert.equal(await keyStore.get('a'), null)
    await createCachingKeyStore(inner).getOrCreate('a', () => ({ keyId: 'dk_AAAAAAAAAAAAAAAA', wrappedKey: randomBytes(60), masterKeyId: 'k1' }))
    assert.equal((await keyStore.get('a'))?.keyId, 'dk_AAAAAAAAAAAAAAAA')
  })

  it('does not put back a record read while the key was being destroyed', async () => {
    const { inner, pii } = setup()
    await pii().encryptBlob('a', PURPOSE, Buffer.from('x'))
    let release = () => {}
    let first = true
    const slow = createCachingKeyStore({ ...inner, get: async (id) => {
      const record = await inner.get(id)
      if (first) await new Promise<void>((r) => { first = false; release = r })
      return record
    } })
    const reading = slow.get('a')
    await new Promise((r) => setImmediate(r))
    await slow.destroy('a')
    release()
    assert.ok((await reading)?.wrappedKey, 'the slow read saw the key as it was')
    assert.equal((await slow.get('a'))?.wrappedKey, null)
  })

  it('evicts on rewrap, so the re-wrapped key is used', async () => {
    const { inner, keyStore, pii } = setup()
    const blob = await pii('k1').encryptBlob('a', PURPOSE, Buffer.from('x'))
    const rotated = pii('k2')
    assert.equal(await rotated.rewrapPersonKey('a'), true)
    assert.equal(inner.rows.get('a')?.masterKeyId, 'k2')
    assert.equal((await keyStore.get('a'))?.masterKeyId, 'k2')
    assert.equal((await rotated.decryptBlob('a', PURPOSE, blob)).toString(), 'x')
  })
})
