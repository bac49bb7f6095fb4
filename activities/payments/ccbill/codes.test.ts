import assert from 'node:assert/strict'
import { DECLINES } from '../driver.ts'
import { estimatedFee, fromMajorDecimal, toMajorDecimal } from './amounts.ts'
import { createCidrMatcher, parseCidr } from './cidr.ts'
import { CCBILL_WEBHOOK_CIDRS, currencyForNumeric, declineFor } from './codes.ts'

describe('ccbill codes and amounts', () => {
  const decimals: [number, string, string][] = [
    [999, 'USD', '9.99'], [1, 'EUR', '0.01'], [10, 'GBP', '0.10'], [100, 'CAD', '1.00'], [123456789, 'AUD', '1234567.89'],
    [1200, 'JPY', '1200'],
  ]
  for (const [minor, currency, text] of decimals) {
    it(`${minor} ${currency} <-> '${text}'`, () => {
      assert.equal(toMajorDecimal(minor, currency), text)
      assert.equal(fromMajorDecimal(text, currency), minor)
      assert.equal(fromMajorDecimal(Number(text), currency), minor)
    })
  }

  it('refuses amounts CCBill cannot bill', () => {
    for (const [amount, currency] of [[0, 'USD'], [-5, 'USD'], [9.5, 'USD'], [100, 'XXX']] as const) {
      assert.throws(() => toMajorDecimal(amount, currency), `${amount} ${currency}`)
    }
  })

  const fees: [number, { bps: number; fixed: number }, number][] = [
    [999, { bps: 1050, fixed: 0 }, 105], // 104.895 -> 105
    [1000, { bps: 1050, fixed: 0 }, 105],
    [1000, { bps: 1050, fixed: 30 }, 135],
    [5, { bps: 1000, fixed: 0 }, 0], // 0.5 -> 0 (half-even)
    [15, { bps: 1000, fixed: 0 }, 2], // 1.5 -> 2 (half-even)
  ]
  for (const [amount, rule, fee] of fees) {
    it(`fee of ${amount} at ${rule.bps} bps + ${rule.fixed} is ${fee}`, () => assert.equal(estimatedFee(amount, rule), fee))
  }

  const declines: [string | number | null, string | null, string][] = [
    [51, 'Insufficient Funds', DECLINES.insufficientFunds],
    ['54', 'Expired Card', DECLINES.expiredCard],
    [59, 'Suspected Fraud', DECLINES.fraudSuspected],
    [4, 'Pickup card', DECLINES.fraudSuspected],
    [5, 'Do Not Honor', DECLINES.cardDeclined],
    [null, 'Card has expired', DECLINES.expiredCard],
    [999, 'Not sufficient funds: insufficient balance', DECLINES.insufficientFunds],
    [null, 'High risk transaction', DECLINES.fraudSuspected],
    [null, null, DECLINES.cardDeclined],
  ]
  for (const [code, text, expected] of declines) {
    it(`decline ${String(code)} '${String(text)}' -> ${expected}`, () => assert.equal(declineFor(code, text), expected))
  }

  it('maps numeric currency codes back, with or without leading zeros', () => {
    assert.equal(currencyForNumeric('840'), 'USD')
    assert.equal(currencyForNumeric('036'), 'AUD')
    assert.equal(currencyForNumeric('999'), null)
  })
})

describe('ccbill source address allow-list', () => {
  const matches = createCidrMatcher([...CCBILL_WEBHOOK_CIDRS, '127.0.0.1/32'])
  const cases: [string, boolean][] = [
    ['64.38.212.1', true], ['64.38.212.254', true], ['64.38.215.9', true], ['64.38.240.77', true], ['64.38.241.0', true],
    ['64.38.213.1', false], ['64.38.216.1', false], ['64.39.212.1', false], ['127.0.0.1', true], ['127.0.0.2', false],
    ['::ffff:127.0.0.1', true], ['::FFFF:64.38.241.3', true], ['::ffff:10.0.0.1', false], ['::1', false],
    ['2001:db8::1', false], ['', false], ['64.38.212', false], ['64.38.212.256', false], ['64.38.212.1.5', false],
  ]
  for (const [address, allowed] of cases) {
    it(`${address || '(empty)'} is ${allowed ? 'allowed' : 'refused'}`, () => assert.equal(matches(address), allowed))
  }

  it('handles /0 and /32 and refuses malformed ranges at construction', () => {
    assert.equal(createCidrMatcher(['0.0.0.0/0'])('203.0.113.9'), true)
    assert.equal(createCidrMatcher(['203.0.113.9/32'])('203.0.113.9'), true)
    assert.deepEqual(parseCidr('10.1.2.3/8'), { base: 10 * 2 ** 24, mask: 0xff000000 })
    for (const bad of ['10.0.0.0/33', '10.0.0/8', 'fe80::/10', '10.0.0.0/x']) assert.throws(() => parseCidr(bad), bad)
  })
})
