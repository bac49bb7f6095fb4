import assert from 'node:assert/strict'
import { DECLINES } from '../driver.ts'
import { estimatedFee, fromMajorDecimal, toMajorDecimal } from './amounts.ts'
import { DECLINE_ANSWERS, declineFor } from './codes.ts'

describe('epoch codes and amounts', () => {
  const answers: [string, string][] = [
    [DECLINE_ANSWERS.insufficientFunds, DECLINES.insufficientFunds],
    [DECLINE_ANSWERS.expiredCard, DECLINES.expiredCard],
    [DECLINE_ANSWERS.fraud, DECLINES.fraudSuspected],
    [DECLINE_ANSWERS.declined, DECLINES.cardDeclined],
    [DECLINE_ANSWERS.memberNotFound, DECLINES.invalidToken],
    ['NInsufficient Funds|123', DECLINES.insufficientFunds],
    ['NCARD EXPIRED', DECLINES.expiredCard],
    ['NSTOLEN CARD', DECLINES.fraudSuspected],
    ['NMEMBER CANCELLED', DECLINES.invalidToken],
    ['NDO NOT HONOR', DECLINES.cardDeclined],
    ['N', DECLINES.cardDeclined],
  ]
  for (const [ans, decline] of answers) {
    it(`maps ans '${ans}' to ${decline}`, () => assert.equal(declineFor(ans), decline))
  }

  const decimals: [number, string, string][] = [[999, 'USD', '9.99'], [1, 'EUR', '0.01'], [100, 'GBP', '1.00'], [1200, 'JPY', '1200']]
  for (const [minor, currency, text] of decimals) {
    it(`${minor} ${currency} <-> '${text}', and a Data Plus '-${text}' reads as ${minor}`, () => {
      assert.equal(toMajorDecimal(minor, currency), text)
      assert.equal(fromMajorDecimal(text, currency), minor)
      assert.equal(fromMajorDecimal(`-${text}`, currency), minor)
    })
  }

  it('refuses amounts Epoch cannot bill and decimals finer than the currency', () => {
    for (const [amount, currency] of [[0, 'USD'], [-5, 'USD'], [9.5, 'USD'], [100, 'XXX']] as const) {
      assert.throws(() => toMajorDecimal(amount, currency), `${amount} ${currency}`)
    }
    assert.throws(() => fromMajorDecimal('9.999', 'USD'))
    assert.throws(() => fromMajorDecimal('12.5', 'JPY'))
  })

  it('books the estimated fee half-even', () => {
    assert.equal(estimatedFee(999, { bps: 1500, fixed: 0 }), 150) // 149.85 -> 150
    assert.equal(estimatedFee(1000, { bps: 1500, fixed: 25 }), 175)
    assert.equal(estimatedFee(5, { bps: 1000, fixed: 0 }), 0) // 0.5 -> 0
  })
})
