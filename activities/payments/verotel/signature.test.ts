import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { flexpaySignature, signatureBase, verifyFlexpaySignature } from './signature.ts'

// the vector of Verotel's own flexpay-php-client tests (tests/VerotelFlexPayClientTest.php): shop 68849, its key,
// the signed parameters and the SHA-256 signature the client must produce
const KEY = 'zpXwe2D77g4P7ysGJcr3rY87TBYs6J'
const PARAMS = {
  saleID: '433456', priceAmount: '0.00', referenceID: 'reference1234', priceCurrency: 'USD', custom1: 'My',
  description: 'My Dščřčřřěřě&?=blah123', subscriptionType: 'RECURRING', period: 'P1M', name: 'My name', trialAmount: '0.01',
  trialPeriod: 'P3D', successURL: 'http://backURL.test', declineURL: 'http://declineURL.test', cancelDiscountPercentage: '30',
  shopID: '68849',
}
const EXPECTED = 'ff5cf9bcc0497c8cb40087065e5016dcfbe2efd23327f6c67614fa23537c24b2'

describe('verotel FlexPay signature', () => {
  it("reproduces Verotel's published client vector (UTF-8, names sorted, ':' joined)", () => {
    assert.equal(flexpaySignature(KEY, PARAMS), EXPECTED)
    assert.match(signatureBase(KEY, PARAMS), /^zpXwe2D77g4P7ysGJcr3rY87TBYs6J:cancelDiscountPercentage=30:custom1=My:declineURL=/)
  })

  it('orders names by code unit, upper case first, as ksort does', () => {
    assert.equal(signatureBase('k', { custom1: 'a', CCBrand: 'VISA', saleID: '1' }), 'k:CCBrand=VISA:custom1=a:saleID=1')
  })

  const verdicts: [string, Record<string, string>, string, string, boolean][] = [
    ['the signature', PARAMS, KEY, EXPECTED, true],
    ['the signature in upper case', PARAMS, KEY, EXPECTED.toUpperCase(), true],
    ['a tampered amount', { ...PARAMS, priceAmount: '100.00' }, KEY, EXPECTED, false],
    ['an added parameter', { ...PARAMS, custom2: 'x' }, KEY, EXPECTED, false],
    ['a missing parameter', Object.fromEntries(Object.entries(PARAMS).filter(([k]) => k !== 'custom1')), KEY, EXPECTED, false],
    ['another key', PARAMS, `${KEY}x`, EXPECTED, false],
    ['a truncated signature', PARAMS, KEY, EXPECTED.slice(0, 40), false],
    ['an empty signature', PARAMS, KEY, '', false],
    ['the legacy SHA-1 signature', PARAMS, KEY, createHash('sha1').update(signatureBase(KEY, PARAMS)).digest('hex'), false],
  ]
  for (const [what, params, key, signature, valid] of verdicts) {
    it(`${valid ? 'accepts' : 'rejects'} ${what}`, () => assert.equal(verifyFlexpaySignature(key, params, signature), valid))
  }
})
