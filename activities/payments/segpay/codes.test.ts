import assert from 'node:assert/strict'
import { DECLINES, type ProcessorEvent } from '../driver.ts'
import { estimatedFee, fromMajorDecimal, toMajorDecimal } from './amounts.ts'
import { declineFor, eventTypeFor, reversalOf, splitAuthCode } from './codes.ts'
import { decodeXmlText, elementText, rows } from './xml.ts'

describe('segpay codes and amounts', () => {
  const decimals: [number, string, string][] = [
    [999, 'USD', '9.99'], [1, 'EUR', '0.01'], [10, 'GBP', '0.10'], [123456789, 'AUD', '1234567.89'], [1200, 'JPY', '1200'],
  ]
  for (const [minor, currency, text] of decimals) {
    it(`${minor} ${currency} <-> '${text}'`, () => {
      assert.equal(toMajorDecimal(minor, currency), text)
      assert.equal(fromMajorDecimal(text, currency), minor)
    })
  }

  const reported: [string, string, number][] = [['9.9900', 'USD', 999], ['-9.99', 'USD', 999], ['1200.0000', 'JPY', 1200], ['5', 'EUR', 500]]
  for (const [text, currency, minor] of reported) {
    it(`reads SRS/postback amount '${text}' ${currency} as ${minor}`, () => assert.equal(fromMajorDecimal(text, currency), minor))
  }

  it('refuses amounts Segpay cannot bill or that lose precision', () => {
    for (const [amount, currency] of [[0, 'USD'], [-5, 'USD'], [9.5, 'USD'], [100, 'XXX']] as const) {
      assert.throws(() => toMajorDecimal(amount, currency), `${amount} ${currency}`)
    }
    for (const [text, currency] of [['9.995', 'USD'], ['12.5', 'JPY'], ['9,99', 'USD'], ['', 'USD']]) {
      assert.throws(() => fromMajorDecimal(text ?? '', currency ?? ''), `${text} ${currency}`)
    }
  })

  it('estimates the fee half-even', () => {
    assert.deepEqual([estimatedFee(999, { bps: 1150, fixed: 0 }), estimatedFee(1000, { bps: 1000, fixed: 30 }),
      estimatedFee(5, { bps: 1000, fixed: 0 }), estimatedFee(15, { bps: 1000, fixed: 0 })], [115, 130, 0, 2])
  })

  const declines: [string, string][] = [
    ['51:Insufficient Funds', DECLINES.insufficientFunds], ['61-Exceeds Withdrawal Limit', DECLINES.insufficientFunds],
    ['54:Expired Card', DECLINES.expiredCard], ['59:Suspected Fraud', DECLINES.fraudSuspected], ['04:Pick Up Card', DECLINES.fraudSuspected],
    ['05:Do Not Honor', DECLINES.cardDeclined], ['05:Do Not Honor: COF Expiration Date is Expired', DECLINES.expiredCard],
    ['12:Invalid transaction - insufficient balance', DECLINES.insufficientFunds], ['Invalid OCToken', DECLINES.invalidToken],
    ['PurchaseID not found', DECLINES.invalidToken], ['', DECLINES.cardDeclined],
  ]
  for (const [authCode, expected] of declines) {
    it(`AuthCode '${authCode}' -> ${expected}`, () => assert.equal(declineFor(authCode), expected))
  }

  it('splits an AuthCode into issuer code and reason only when it has one', () => {
    assert.deepEqual(splitAuthCode('05:Do Not Honor: COF Expiration Date is Expired'),
      { code: '05', text: 'Do Not Honor: COF Expiration Date is Expired' })
    assert.deepEqual(splitAuthCode('00-Approved CVV:M'), { code: '00', text: 'Approved CVV:M' })
    assert.equal(splitAuthCode('Invalid eticketid'), null)
  })

  type Row = [string, string, string, boolean, boolean, ProcessorEvent['type'] | null]
  const kinds: Row[] = [
    ['auth', 'sale', 'initial', true, false, 'sale'],
    ['auth', 'sale', 'rebill', true, true, 'sale'], // a One-Click we initiated, shown by Segpay as a rebill
    ['auth', 'sale', 'rebill', true, false, 'rebill'],
    ['auth', 'sale', 'conversion', true, false, 'rebill'],
    ['auth', 'sale', 'rebill', false, false, 'rebill_failed'],
    ['auth', 'sale', 'initial', false, true, 'sale_failed'],
    ['auth', 'sale', 'rebill', false, true, 'sale_failed'], // a declined One-Click we initiated
    ['void', 'sale', 'initial', true, true, 'void'],
    ['auth', 'credit', 'rebill', true, true, 'refund'],
    ['auth', 'charge', 'initial', true, false, 'chargeback'],
    ['auth', 'chargeback', 'initial', true, false, 'chargeback'],
    ['auth', 'credit', 'initial', false, false, 'other'],
    ['auth', 'charge', 'initial', false, false, 'other'],
    ['probe', 'sale', 'initial', true, false, null],
    ['auth', 'cancel', 'initial', true, false, null],
  ]
  it('reads a Conversion or Rebill on our recurring price point as a renewal, our reference notwithstanding', () => {
    const kind = { action: 'auth', trantype: 'sale', hasReference: true, recurringPricePoint: true }
    assert.deepEqual([eventTypeFor({ ...kind, stage: 'conversion', approved: true }), eventTypeFor({ ...kind, stage: 'rebill', approved: false }),
      eventTypeFor({ ...kind, stage: 'initial', approved: true })], ['rebill', 'rebill_failed', 'sale'])
  })

  for (const [action, trantype, stage, approved, hasReference, expected] of kinds) {
    it(`${action}/${trantype}/${stage}/${approved ? 'yes' : 'no'}${hasReference ? ' with our reference' : ''} -> ${String(expected)}`, () =>
      assert.equal(eventTypeFor({ action, trantype, stage, approved, hasReference }), expected))
  }

  it('reads reversal rows of SRS reports', () => {
    assert.deepEqual(['Void', 'Refund', 'credit', 'Chargeback', 'Sale', 'OneClick'].map(reversalOf),
      ['void', 'refund', 'refund', 'chargeback', null, null])
  })
})

describe('segpay xml answers', () => {
  it('reads the One-Click TransReturn and an SRS string, decoding entities', () => {
    const answer = '<?xml version="1.0"?>\n<TransReturn xmlns="http://tempuri.org/"><TransID>0</TransID>'
      + '<AuthCode>05:Do Not Honor &amp; &lt;more&gt; &#233;</AuthCode></TransReturn>'
    assert.deepEqual([elementText(answer, 'TransID'), elementText(answer, 'AuthCode'), elementText(answer, 'PurchaseID')],
      ['0', '05:Do Not Honor & <more> é', null])
    assert.equal(elementText('<string xmlns="http://tempuri.org/">Invalid Merchant</string>', 'string'), 'Invalid Merchant')
    assert.equal(decodeXmlText('&quot;a&apos; &#x41; &unknown;'), '"a\' A &unknown;')
  })

  it('reads DataSet rows with empty and prefixed elements', () => {
    const answer = '<DataSet><diffgr:diffgram><NewDataSet xmlns="">'
      + '<Data diffgr:id="Data1" msdata:rowOrder="0"><TransID>11</TransID><CustAddress/><Type>Sale</Type></Data>'
      + '<Data diffgr:id="Data2" msdata:rowOrder="1"><TransID>12</TransID><RelatedTransID>11</RelatedTransID><Type>Void</Type></Data>'
      + '</NewDataSet></diffgr:diffgram></DataSet>'
    assert.deepEqual(rows(answer, 'Data'), [{ TransID: '11', CustAddress: '', Type: 'Sale' }, { TransID: '12', RelatedTransID: '11', Type: 'Void' }])
    assert.deepEqual(rows('<DataSet><NewDataSet xmlns=""/></DataSet>', 'Data'), [])
  })
})
