import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { normaliseDocumentNumber } from '../../domain/identity/documents.ts'
import { createInMemoryKeyStore } from './in-memory-key-store.test-support.ts'
import { createPii } from './pii.ts'

const masterKeys = new Map([['k1', randomBytes(32)]])
const indexKey = randomBytes(32)
const make = (key = indexKey) => createPii({ keyStore: createInMemoryKeyStore(), masterKeys, currentKeyId: 'k1', indexKey: key })
const DOC = 'kyc_cases.document_number'

describe('blind index', () => {
  const pii = make()
  it('is a versioned HMAC-SHA256 in base64url', () => assert.match(pii.blindIndex(DOC, 'AB123456'), /^bi1\.[\w-]{43}$/))
  it('is stable across calls and instances sharing the index key', () =>
    assert.equal(pii.blindIndex(DOC, 'AB123456'), make().blindIndex(DOC, 'AB123456')))

  const same: [a: string, b: string][] = [
    ['jane smith', ' Jane   SMITH '], ['jane smith', 'JANE\tSMITH\n'], ['ab123', 'ＡＢ１２３'], ['zoë', 'ZOË'],
  ]
  for (const [a, b] of same) {
    it(`normalises '${b.replace(/\s/g, '␣')}' like '${a}'`, () => assert.equal(pii.blindIndex(DOC, a), pii.blindIndex(DOC, b)))
  }
  it('takes a field-specific normaliser, e.g. for document numbers', () =>
    assert.equal(pii.blindIndex(DOC, 'ab-123 456<<', normaliseDocumentNumber), pii.blindIndex(DOC, 'AB123456', normaliseDocumentNumber)))

  const different: [name: string, a: () => string, b: () => string][] = [
    ['different values', () => pii.blindIndex(DOC, 'AB123456'), () => pii.blindIndex(DOC, 'AB123457')],
    ['different purposes', () => pii.blindIndex(DOC, 'AB123456'), () => pii.blindIndex('payout_accounts.iban', 'AB123456')],
    ['different index keys', () => pii.blindIndex(DOC, 'AB123456'), () => make(randomBytes(32)).blindIndex(DOC, 'AB123456')],
  ]
  for (const [name, a, b] of different) it(`differs for ${name}`, () => assert.notEqual(a(), b()))

  it('does not contain the value', () => {
    const index = pii.blindIndex(DOC, 'AB123456')
    for (const form of ['ab123456', Buffer.from('ab123456').toString('base64url'), Buffer.from('ab123456').toString('hex')]) {
      assert.ok(!index.toLowerCase().includes(form.toLowerCase().slice(0, 8)))
    }
  })
  it('refuses a malformed purpose', () => assert.throws(() => pii.blindIndex('document number', 'x'), { code: 'INVALID_PURPOSE' }))
})
