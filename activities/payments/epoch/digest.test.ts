import assert from 'node:assert/strict'
import { digestMatches, epochDigest, signParams } from './digest.ts'

// published test vectors of a public camcharge client (key 'testkey'); they pin the algorithm, not just a round trip
const CAMCHARGE = { api: 'camcharge', action: 'authandclose', x_epochCamcharge: '1' }
const vectors: [string, Record<string, string>, string][] = [
  ['a minimal camcharge', { ...CAMCHARGE, auth_amount: '20', member_id: '1' }, '4317409081dc3683421569b0228fcbc7'],
  ['a camcharge with URLs and a description', {
    ...CAMCHARGE, auth_amount: '20', returnurl: 'https://httpdump.io/hvtmo', description: 'Description', member_id: '1',
    pburl: 'https://webhook.site/#!/9c4dab51-a8d3-4636-92ca-3eae15c296bd',
  }, 'f3c33c328e7905e0440aff3d9f629787'],
]

describe('epoch_digest', () => {
  for (const [what, params, digest] of vectors) {
    it(`matches the published vector for ${what}`, () => {
      assert.equal(epochDigest(params, 'testkey'), digest)
      assert.equal(digestMatches({ ...params, epoch_digest: digest.toUpperCase() }, 'testkey'), true)
    })
  }

  it('ignores parameter order, the digest field itself, and empty or "0" values; trims the rest', () => {
    const base = epochDigest({ b: '2', a: '1' }, 'k')
    assert.equal(epochDigest({ a: '1', b: '2', epoch_digest: 'x' }, 'k'), base)
    assert.equal(epochDigest({ a: '1', b: '2', c: '', d: '0' }, 'k'), base)
    assert.equal(epochDigest({ a: ' 1 ', b: '2' }, 'k'), base)
    assert.notEqual(epochDigest({ a: '1', b: '2', c: '0.00' }, 'k'), base)
  })

  const tampered: [string, (p: Record<string, string>) => Record<string, string>][] = [
    ['a changed value', (p) => ({ ...p, amount: '99.99' })],
    ['an added field', (p) => ({ ...p, x_fan_id: 'someone-else' })],
    ['a removed field', ({ member_id: _drop, ...p }) => p],
    ['a truncated digest', (p) => ({ ...p, epoch_digest: (p.epoch_digest ?? '').slice(0, 31) })],
    ['a digest that is not hex', (p) => ({ ...p, epoch_digest: 'z'.repeat(32) })],
    ['no digest', ({ epoch_digest: _drop, ...p }) => p],
  ]
  for (const [what, change] of tampered) {
    it(`refuses ${what}`, () => {
      const signed = signParams({ member_id: '1000000001', amount: '9.99', currency: 'USD' }, 'merchant-key')
      assert.equal(digestMatches(signed, 'merchant-key'), true)
      assert.equal(digestMatches(change(signed), 'merchant-key'), false)
    })
  }

  it('refuses a digest made with another key', () => {
    assert.equal(digestMatches(signParams({ member_id: '1' }, 'other-key'), 'merchant-key'), false)
  })
})
