import assert from 'node:assert/strict'
import { DECLINES } from '../driver.ts'
import { estimatedFee, fromMajorDecimal, toMajorDecimal } from './amounts.ts'
import { declineFor, isVerotelCurrency } from './codes.ts'
import { parseFlatYaml } from './flexpay-client.ts'

describe('verotel amounts and codes', () => {
  const decimals: [number, string, string][] = [[999, 'USD', '9.99'], [1, 'EUR', '0.01'], [10, 'GBP', '0.10'], [123456789, 'AUD', '1234567.89']]
  for (const [minor, currency, text] of decimals) {
    it(`${minor} ${currency} <-> '${text}'`, () => {
      assert.equal(toMajorDecimal(minor, currency), text)
      assert.equal(fromMajorDecimal(text, currency), minor)
    })
  }

  it('refuses amounts FlexPay cannot take, and decimals of the wrong precision', () => {
    for (const [amount, currency] of [[0, 'USD'], [-5, 'USD'], [9.5, 'USD'], [100, 'XXX']] as const) {
      assert.throws(() => toMajorDecimal(amount, currency), `${amount} ${currency}`)
    }
    for (const text of ['9.999', '9,99', '', '1e3']) assert.throws(() => fromMajorDecimal(text, 'USD'), text)
  })

  const fees: [number, number, number, number][] = [[999, 1550, 0, 155], [1000, 1550, 0, 155], [1000, 1550, 30, 185], [5, 1000, 0, 0], [15, 1000, 0, 2]]
  for (const [amount, bps, fixed, fee] of fees) {
    it(`fee of ${amount} at ${bps} bps + ${fixed} is ${fee}`, () => assert.equal(estimatedFee(amount, { bps, fixed }), fee))
  }

  const declines: [string | null, string][] = [
    ['Insufficient funds', DECLINES.insufficientFunds], ['Expired card', DECLINES.expiredCard],
    ['Suspected fraud', DECLINES.fraudSuspected], ['Lost or stolen card', DECLINES.fraudSuspected],
    ['Do not honor', DECLINES.cardDeclined], [null, DECLINES.cardDeclined],
  ]
  for (const [reason, expected] of declines) {
    it(`decline '${String(reason)}' -> ${expected}`, () => assert.equal(declineFor(reason), expected))
  }

  it('bills only in sale currencies we also take', () => {
    assert.deepEqual(['USD', 'EUR', 'GBP', 'AUD', 'CAD', 'CHF', 'JPY', 'USDC'].filter(isVerotelCurrency), ['USD', 'EUR', 'GBP', 'AUD', 'CAD'])
  })

  const yaml: [string, Record<string, string>][] = [
    ['response: APPROVED\nsaleID: 42\n', { response: 'APPROVED', saleID: '42' }],
    ['---\r\nerror: "invalid oneClickToken"\r\n', { error: 'invalid oneClickToken' }],
    ['declineReason: Do not honor: 05\nnot a field\n  \n', { declineReason: 'Do not honor: 05' }],
    ['empty:\n', { empty: '' }],
  ]
  for (const [text, fields] of yaml) {
    it(`reads flat answer ${JSON.stringify(text)}`, () => assert.deepEqual(parseFlatYaml(text), fields))
  }
})
