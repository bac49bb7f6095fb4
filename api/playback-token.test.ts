import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { PLAYBACK_TOKEN_ERRORS, PlaybackTokenError, signPlaybackToken, verifyPlaybackToken, type PlaybackTokenErrorCode } from './playback-token.ts'

const MEDIA = '6f1c2a9e-4b7d-4c1e-9a3f-0d2b5e8c7a10'
const OTHER_MEDIA = '0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d'
const PERSON = 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f'
const KEY = 'k1-current-0123456789abcdef0123456789'
const OLD_KEY = 'k0-retired-0123456789abcdef0123456789'
const NOW = 1_780_000_000
const grant = { mediaId: MEDIA, personId: PERSON, expiresAt: NOW + 600 }

const refusedWith = (code: PlaybackTokenErrorCode) => (err: unknown) => err instanceof PlaybackTokenError && err.code === code

/** Replaces one character of a token part (0 version, 1 payload, 2 signature) by another base64url character. */
function tamper(token: string, part: number): string {
  const parts = token.split('.')
  const s = parts[part]!
  const i = Math.floor(s.length / 2)
  parts[part] = `${s.slice(0, i)}${s[i] === 'A' ? 'B' : 'A'}${s.slice(i + 1)}`
  return parts.join('.')
}

describe('playback tokens', () => {
  it('round-trips: the token names its person and expiry', () => {
    const token = signPlaybackToken(grant, [KEY])
    assert.match(token, /^v1\.[\w-]+\.[\w-]{43}$/)
    assert.deepEqual(verifyPlaybackToken(token, MEDIA, [KEY], NOW), { personId: PERSON, expiresAt: NOW + 600 })
  })

  it('is valid up to the second before its expiry and expired from that second on', () => {
    const token = signPlaybackToken(grant, [KEY])
    assert.equal(verifyPlaybackToken(token, MEDIA, [KEY], NOW + 599).personId, PERSON)
    assert.throws(() => verifyPlaybackToken(token, MEDIA, [KEY], NOW + 600), refusedWith(PLAYBACK_TOKEN_ERRORS.expired))
    assert.throws(() => verifyPlaybackToken(token, MEDIA, [KEY], NOW + 10_000), refusedWith(PLAYBACK_TOKEN_ERRORS.expired))
  })

  it('refuses a token whose payload was changed (a longer expiry, another person)', () => {
    const token = signPlaybackToken(grant, [KEY])
    assert.throws(() => verifyPlaybackToken(tamper(token, 1), MEDIA, [KEY], NOW), refusedWith(PLAYBACK_TOKEN_ERRORS.invalid))
    const [version, , signature] = token.split('.')
    const forged = Buffer.from(JSON.stringify({ m: MEDIA, p: PERSON, e: NOW + 86_400 })).toString('base64url')
    assert.throws(() => verifyPlaybackToken(`${version}.${forged}.${signature}`, MEDIA, [KEY], NOW), refusedWith(PLAYBACK_TOKEN_ERRORS.invalid))
  })

  it('refuses a token whose signature was changed or cut', () => {
    const token = signPlaybackToken(grant, [KEY])
    assert.throws(() => verifyPlaybackToken(tamper(token, 2), MEDIA, [KEY], NOW), refusedWith(PLAYBACK_TOKEN_ERRORS.invalid))
    assert.throws(() => verifyPlaybackToken(token.slice(0, -2), MEDIA, [KEY], NOW), refusedWith(PLAYBACK_TOKEN_ERRORS.invalid))
  })

  it('refuses the token of another media item, genuine as it is', () => {
    const token = signPlaybackToken({ ...grant, mediaId: OTHER_MEDIA }, [KEY])
    assert.throws(() => verifyPlaybackToken(token, MEDIA, [KEY], NOW), refusedWith(PLAYBACK_TOKEN_ERRORS.invalid))
  })

  it('signs with the first key and still verifies tokens of a retired key kept in the list', () => {
    const old = signPlaybackToken(grant, [OLD_KEY])
    assert.equal(verifyPlaybackToken(old, MEDIA, [KEY, OLD_KEY], NOW).personId, PERSON)
    const fresh = signPlaybackToken(grant, [KEY, OLD_KEY])
    assert.equal(verifyPlaybackToken(fresh, MEDIA, [KEY], NOW).personId, PERSON)
    assert.throws(() => verifyPlaybackToken(fresh, MEDIA, [OLD_KEY], NOW), refusedWith(PLAYBACK_TOKEN_ERRORS.invalid))
    assert.throws(() => verifyPlaybackToken(old, MEDIA, [KEY], NOW), refusedWith(PLAYBACK_TOKEN_ERRORS.invalid), 'a key dropped from the list')
  })

  const garbage: [string, string][] = [
    ['empty', ''], ['one part', 'v1'], ['four parts', 'v1.a.b.c'], ['another version', signPlaybackToken(grant, [KEY]).replace(/^v1/, 'v2')],
    ['not base64url', 'v1.pay+load.sig/nature'], ['too long', `v1.${'a'.repeat(600)}.${'b'.repeat(43)}`],
    ['a path', '../../etc/passwd'],
  ]
  for (const [what, token] of garbage) {
    it(`refuses garbage: ${what}`, () => {
      assert.throws(() => verifyPlaybackToken(token, MEDIA, [KEY], NOW), refusedWith(PLAYBACK_TOKEN_ERRORS.invalid))
    })
  }

  it('refuses a genuinely signed payload that is not a grant', () => {
    for (const body of [{ m: MEDIA, p: PERSON, e: 'later' }, { m: MEDIA, e: NOW + 60 }, null]) {
      const signed = `v1.${Buffer.from(JSON.stringify(body)).toString('base64url')}`
      const token = `${signed}.${createHmac('sha256', KEY).update(signed).digest('base64url')}`
      assert.throws(() => verifyPlaybackToken(token, MEDIA, [KEY], NOW), refusedWith(PLAYBACK_TOKEN_ERRORS.invalid), JSON.stringify(body))
    }
  })

  it('refuses to sign or verify without a key', () => {
    assert.throws(() => signPlaybackToken(grant, []), /at least one/)
    assert.throws(() => verifyPlaybackToken('v1.a.b', MEDIA, [''], NOW), /none empty/)
  })
})
