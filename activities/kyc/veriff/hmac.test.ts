import assert from 'node:assert/strict'
import { signPayload, signatureMatches } from './hmac.ts'

describe('veriff hmac', () => {
  // RFC 4231 test case 2: HMAC-SHA256 with key "Jefe"
  const RFC_SIGNATURE = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'

  it('signs as HMAC-SHA256 in lowercase hex', () => {
    assert.equal(signPayload('Jefe', 'what do ya want for nothing?'), RFC_SIGNATURE)
  })

  const cases: [string, string | undefined, boolean][] = [
    ['the right signature', RFC_SIGNATURE, true],
    ['the right signature in uppercase hex', RFC_SIGNATURE.toUpperCase(), true],
    ['one changed digit', `${RFC_SIGNATURE.slice(0, -1)}4`, false],
    ['a truncated signature', RFC_SIGNATURE.slice(0, 62), false],
    ['a signature that is not hex', 'z'.repeat(64), false],
    ['no signature', undefined, false],
  ]
  for (const [what, signature, expected] of cases) {
    it(`${expected ? 'accepts' : 'refuses'} ${what}`, () => {
      assert.equal(signatureMatches('Jefe', 'what do ya want for nothing?', signature), expected)
    })
  }

  it('refuses a signature made with another secret or over another body', () => {
    assert.equal(signatureMatches('other', 'what do ya want for nothing?', RFC_SIGNATURE), false)
    assert.equal(signatureMatches('Jefe', 'what do ya want for nothing? ', RFC_SIGNATURE), false)
  })
})
