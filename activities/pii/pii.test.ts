import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { createInMemoryKeyStore } from './in-memory-key-store.test-support.ts'
import { createPii } from './pii.ts'

const masterKeys = new Map([['k1', randomBytes(32)]])
const setup = () => {
  const keyStore = createInMemoryKeyStore()
  return { keyStore, pii: createPii({ keyStore, masterKeys, currentKeyId: 'k1', indexKey: randomBytes(32) }) }
}
const NAME = 'kyc_cases.legal_name'
const code = (c: string) => ({ name: 'PiiError', code: c })
const FIELD = /^pii1\.dk_[\w-]{16}\.[\w-]{16}\.[\w-]{22}\.[\w-]*$/

describe('PII field encryption', () => {
  const values = ['Jane Mary Smith', '', 'Zoë 李小龍 🙂', '1990-05-17', 'x'.repeat(100_000)]
  for (const value of values) {
    it(`round-trips ${JSON.stringify(value.slice(0, 20))}${value.length > 20 ? '…' : ''}`, async () => {
      const { pii } = setup()
      const ct = await pii.encrypt('person-1', NAME, value)
      assert.match(ct, FIELD)
      assert.equal(await pii.decrypt('person-1', NAME, ct), value)
    })
  }

  it('gives each person one key of their own, created on first use', async () => {
    const { pii, keyStore } = setup()
    const [a1, a2, b] = [await pii.encrypt('a', NAME, 'x'), await pii.encrypt('a', NAME, 'y'), await pii.encrypt('b', NAME, 'x')]
    assert.equal(keyStore.rows.size, 2)
    assert.equal(a1.split('.')[1], a2.split('.')[1])
    assert.notEqual(a1.split('.')[1], b.split('.')[1])
    assert.equal(keyStore.rows.get('a')?.wrappedKey?.length, 60)
  })

  it('decrypts several values of one person in order, and refuses one bound to another purpose', async () => {
    const { pii } = setup()
    const DOB = 'kyc_cases.date_of_birth'
    const [name, dob] = [await pii.encrypt('a', NAME, 'Jane'), await pii.encrypt('a', DOB, '1990-05-17')]
    assert.deepEqual(await pii.decryptMany('a', [{ purpose: DOB, ciphertext: dob }, { purpose: NAME, ciphertext: name }]), ['1990-05-17', 'Jane'])
    await assert.rejects(pii.decryptMany('a', [{ purpose: NAME, ciphertext: name }, { purpose: NAME, ciphertext: dob }]), code('DECRYPTION_FAILED'))
  })

  it('never encrypts the same value the same way twice', async () => {
    const { pii } = setup()
    assert.notEqual(await pii.encrypt('a', NAME, 'Jane'), await pii.encrypt('a', NAME, 'Jane'))
  })

  it('shows no plaintext bytes in the ciphertext', async () => {
    const { pii } = setup()
    const secret = 'JANE-UNIQUE-SMITH-424242-JANE-UNIQUE-SMITH'
    const ct = await pii.encrypt('a', NAME, secret)
    for (const encoding of ['utf8', 'base64', 'base64url', 'hex'] as const) {
      for (const part of [secret, secret.slice(0, 12), secret.slice(15, 27)]) {
        assert.ok(!ct.includes(Buffer.from(part).toString(encoding).slice(0, 12)), `${encoding} of plaintext visible`)
      }
    }
    const bytes = Buffer.from(ct.split('.')[4] ?? '', 'base64url')
    assert.equal(bytes.length, Buffer.byteLength(secret))
    assert.equal(bytes.indexOf(Buffer.from(secret.slice(0, 6))), -1)
  })

  const misplaced: [name: string, person: string, purpose: string, expected: string][] = [
    ['another column of the same row', 'a', 'kyc_cases.document_number', 'DECRYPTION_FAILED'],
    ['another table', 'a', 'payout_accounts.legal_name', 'DECRYPTION_FAILED'],
    ["another person's row", 'b', NAME, 'DECRYPTION_FAILED'],
    ['a person who has no key', 'c', NAME, 'KEY_NOT_FOUND'],
  ]
  for (const [name, person, purpose, expected] of misplaced) {
    it(`refuses a value copied to ${name}: ${expected}`, async () => {
      const { pii } = setup()
      await pii.encrypt('b', NAME, 'Bob')
      const ct = await pii.encrypt('a', NAME, 'Alice')
      await assert.rejects(pii.decrypt(person, purpose, ct), code(expected))
    })
  }

  it("refuses a value relabelled with another person's key id", async () => {
    const { pii } = setup()
    const [a, b] = [await pii.encrypt('a', NAME, 'Alice'), await pii.encrypt('b', NAME, 'Bob')]
    const forged = b.split('.').map((p, i) => (i === 1 ? a.split('.')[1] : p)).join('.')
    await assert.rejects(pii.decrypt('a', NAME, forged), code('DECRYPTION_FAILED'))
  })

  // A 16-byte tag is 22 base64url characters whose last one carries 4 unused bits: the next letter of the
  // alphabet decodes to the same bytes, so only a canonical-encoding check can refuse it.
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  const nonCanonical = (tag: string) => tag.slice(0, -1) + ALPHABET[ALPHABET.indexOf(tag.slice(-1)) + 1]
  it('builds a non-canonical tag that decodes to the same bytes', () => {
    const tag = Buffer.from(randomBytes(16)).toString('base64url')
    assert.ok(Buffer.from(nonCanonical(tag), 'base64url').equals(Buffer.from(tag, 'base64url')))
    assert.notEqual(nonCanonical(tag), tag)
  })
  const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1)
  const tampers: [name: string, change: (parts: string[]) => string, expected: string][] = [
    ['a changed iv', (p) => [p[0], p[1], flip(p[2] ?? ''), p[3], p[4]].join('.'), 'DECRYPTION_FAILED'],
    ['a changed tag', (p) => [p[0], p[1], p[2], flip(p[3] ?? ''), p[4]].join('.'), 'DECRYPTION_FAILED'],
    ['a changed ciphertext', (p) => [...p.slice(0, 4), flip(p[4] ?? '')].join('.'), 'DECRYPTION_FAILED'],
    ['a truncated ciphertext', (p) => [...p.slice(0, 4), (p[4] ?? '').slice(0, -4)].join('.'), 'DECRYPTION_FAILED'],
    ['an extended ciphertext', (p) => [...p.slice(0, 4), `${p[4] ?? ''}AAAA`].join('.'), 'DECRYPTION_FAILED'],
    ['another version', (p) => ['pii2', ...p.slice(1)].join('.'), 'MALFORMED_CIPHERTEXT'],
    ['a missing part', (p) => p.slice(0, 4).join('.'), 'MALFORMED_CIPHERTEXT'],
    ['an extra part', (p) => [...p, 'AA'].join('.'), 'MALFORMED_CIPHERTEXT'],
    ['standard base64 characters', (p) => [...p.slice(0, 4), `${p[4] ?? ''}+/=`].join('.'), 'MALFORMED_CIPHERTEXT'],
    ['a non-canonical tag encoding', (p) => [p[0], p[1], p[2], nonCanonical(p[3] ?? ''), p[4]].join('.'), 'MALFORMED_CIPHERTEXT'],
    ['a short iv', (p) => [p[0], p[1], (p[2] ?? '').slice(4), p[3], p[4]].join('.'), 'MALFORMED_CIPHERTEXT'],
    ['a malformed key id', (p) => [p[0], 'dk_short', ...p.slice(2)].join('.'), 'MALFORMED_CIPHERTEXT'],
    ['nothing', () => '', 'MALFORMED_CIPHERTEXT'],
  ]
  for (const [name, change, expected] of tampers) {
    it(`refuses ${name}: ${expected}`, async () => {
      const { pii } = setup()
      const ct = await pii.encrypt('a', NAME, 'Alice Smith!') // 12 bytes: whole base64 groups
      await assert.rejects(pii.decrypt('a', NAME, change(ct.split('.'))), code(expected))
    })
  }

  it('refuses a wrapped key copied to another person', async () => {
    const { pii, keyStore } = setup()
    await pii.encrypt('a', NAME, 'Alice')
    const ct = await pii.encrypt('b', NAME, 'Bob')
    const a = keyStore.rows.get('a')
    const b = keyStore.rows.get('b')
    assert.ok(a && b)
    keyStore.rows.set('b', { ...b, wrappedKey: a.wrappedKey })
    await assert.rejects(pii.decrypt('b', NAME, ct), code('DECRYPTION_FAILED'))
  })

  const inputs: [person: string, purpose: string, expected: string][] = [
    ['a', 'legal_name', 'INVALID_PURPOSE'], ['a', 'kyc_cases.', 'INVALID_PURPOSE'], ['a', 'kyc_cases.legal_name:b', 'INVALID_PURPOSE'],
    ['a', 'KYC.Name', 'INVALID_PURPOSE'], ['', NAME, 'INVALID_PERSON_ID'], ['a:b', NAME, 'INVALID_PERSON_ID'],
    ['a|b', NAME, 'INVALID_PERSON_ID'], ['x'.repeat(129), NAME, 'INVALID_PERSON_ID'],
  ]
  for (const [person, purpose, expected] of inputs) {
    it(`refuses person '${person.slice(0, 10)}' and purpose '${purpose}': ${expected}`, async () => {
      const { pii } = setup()
      await assert.rejects(pii.encrypt(person, purpose, 'x'), code(expected))
    })
  }
})
