import assert from 'node:assert/strict'
import { NOTIFICATION_ERRORS, NotificationRejected, type InboundNotification, type ProcessorEvent } from '../driver.ts'
import { signParams } from './digest.ts'
import { createNotificationParser } from './notifications.ts'
import { rejectionCode } from '../../../test/support/rejection.ts'

const KEY = 'merchant-hmac-key'
const parse = createNotificationParser({ coCode: 'fz1', hmacKey: KEY, maxNotificationAgeMs: 86_400_000, settlementCurrency: 'USD' })
const RECEIVED = '2026-03-01T12:00:00.000Z'
const SALE = '1772366400'
const base = {
  ets_transaction_id: '1772366401', ets_member_idx: '1000000001', ets_transaction_date: '2026-03-01 11:59:58', ets_co_code: 'fz1',
  ets_pi_code: 'camcharge', ets_reseller_code: 'a', ets_payment_type: 'A', x_workflow_id: 'ppv:fan-1:post-1', x_fan_id: 'fan-1',
}

function postback(fields: Record<string, string>, overrides: Partial<InboundNotification> = {}, key = KEY): InboundNotification {
  return { headers: { 'content-type': 'application/x-www-form-urlencoded' }, rawBody: new URLSearchParams(signParams(fields, key)).toString(),
    sourceIp: '65.17.248.10', receivedAt: RECEIVED, url: '/webhooks/epoch', ...overrides }
}

const rejection = (fn: () => unknown) => rejectionCode(fn, NotificationRejected)

describe('epoch parseNotification', () => {
  const mapped: [string, Record<string, string>, Partial<ProcessorEvent>][] = [
    ['O', { ets_transaction_id: SALE, ets_transaction_amount: '9.99' }, { type: 'sale', transactionId: SALE, amount: 999, currency: 'USD' }],
    ['I', { ets_transaction_amount: '19.99', ets_currency: 'EUR' }, { type: 'sale', transactionId: '1772366401', amount: 1999, currency: 'EUR' }],
    ['N', { ets_transaction_amount: '19.99', ets_ref_trans_ids: SALE }, { type: 'rebill', transactionId: '1772366401', amount: 1999, currency: 'USD' }],
    ['J', { ets_transaction_amount: '0.00' }, { type: 'rebill_failed', transactionId: '1772366401', amount: null, currency: null }],
    ['C', { ets_transaction_amount: '-5.00', ets_ref_trans_ids: SALE }, { type: 'refund', transactionId: SALE, amount: 500, currency: 'USD' }],
    ['D', { ets_transaction_amount: '-1200', ets_ref_trans_ids: SALE, ets_currency: 'JPY' },
      { type: 'chargeback', transactionId: SALE, amount: 1200, currency: 'JPY' }],
    ['K', { ets_transaction_amount: '0.00', ets_ref_trans_ids: SALE }, { type: 'cancellation', transactionId: '1772366401', amount: null, currency: null }],
  ]
  for (const [letter, extra, expected] of mapped) {
    it(`maps a signed '${letter}' row to ${expected.type} of ${expected.transactionId}`, () => {
      const event = parse(postback({ ...base, ets_transaction_type: letter, ...extra }))
      assert.deepEqual({ type: event.type, transactionId: event.transactionId, amount: event.amount, currency: event.currency }, expected)
      assert.equal(event.processor, 'epoch')
      assert.equal(event.occurredAt, '2026-03-01T11:59:58.000Z')
      assert.deepEqual(event.reference, { workflowId: 'ppv:fan-1:post-1', fanId: 'fan-1' })
      assert.equal(event.raw.ets_member_idx, '1000000001')
      assert.deepEqual([event.processorType, event.nextPaymentToken], [letter, null])
    })
  }

  it("keeps a signed row of a letter we do not act on (F, a free trial) as 'other', with Epoch's letter and no amount", () => {
    const event = parse(postback({ ...base, ets_transaction_type: 'F', ets_transaction_amount: '0.00', ets_currency: 'XXX' }))
    assert.deepEqual([event.type, event.processorType, event.transactionId, event.amount, event.currency], ['other', 'F', '1772366401', null, null])
    assert.equal(event.eventId, 'F:1772366401')
    assert.deepEqual(event.reference, { workflowId: 'ppv:fan-1:post-1', fanId: 'fan-1' })
  })

  it('still checks the digest, the company and the age of a row it only keeps', () => {
    const free = { ...base, ets_transaction_type: 'F', ets_transaction_amount: '0.00' }
    const signed = postback(free)
    assert.equal(rejection(() => parse({ ...signed, rawBody: signed.rawBody.replace('fan-1', 'fan-2') })), NOTIFICATION_ERRORS.badSignature)
    assert.equal(rejection(() => parse(postback({ ...free, ets_co_code: 'zz9' }))), NOTIFICATION_ERRORS.untrustedSource)
    assert.equal(rejection(() => parse(postback({ ...free, ets_transaction_date: '2026-02-27 11:59:59' }))), NOTIFICATION_ERRORS.stale)
  })

  it('reads a postback delivered as a GET query just the same', () => {
    const signed = postback({ ...base, ets_transaction_type: 'O', ets_transaction_amount: '9.99' })
    const event = parse({ ...signed, rawBody: '', url: `/webhooks/epoch?${signed.rawBody}` })
    assert.deepEqual([event.type, event.amount, event.reference.fanId], ['sale', 999, 'fan-1'])
  })

  it('gives every redelivery of a row the same eventId, and different rows different ones', () => {
    const row = { ...base, ets_transaction_type: 'C', ets_transaction_amount: '-5.00', ets_ref_trans_ids: SALE }
    const first = parse(postback(row))
    const again = parse(postback(row, { receivedAt: '2026-03-01T13:00:00.000Z' }))
    const other = parse(postback({ ...row, ets_transaction_id: '1772366409' }))
    const sale = parse(postback({ ...base, ets_transaction_type: 'O', ets_transaction_amount: '9.99' }))
    assert.equal(first.eventId, again.eventId)
    assert.equal(new Set([first.eventId, other.eventId, sale.eventId]).size, 3)
  })

  const good = { ...base, ets_transaction_type: 'C', ets_transaction_amount: '-5.00', ets_ref_trans_ids: SALE }
  const signedGood = postback(good)
  const rejected: [string, InboundNotification, string][] = [
    ['a tampered amount', { ...signedGood, rawBody: signedGood.rawBody.replace('-5.00', '-500.00') }, NOTIFICATION_ERRORS.badSignature],
    ['a tampered reference', { ...signedGood, rawBody: signedGood.rawBody.replace('fan-1', 'fan-2') }, NOTIFICATION_ERRORS.badSignature],
    ['a digest made with another key', postback(good, {}, 'someone-elses-key'), NOTIFICATION_ERRORS.badSignature],
    ['an unsigned postback', { ...signedGood, rawBody: new URLSearchParams(good).toString() }, NOTIFICATION_ERRORS.badSignature],
    ['another company', postback({ ...good, ets_co_code: 'zz9' }), NOTIFICATION_ERRORS.untrustedSource],
    ['a row older than the window', postback({ ...good, ets_transaction_date: '2026-02-28 11:59:59' }), NOTIFICATION_ERRORS.stale],
    ['a row from the far future', postback({ ...good, ets_transaction_date: '2026-03-03 12:00:00' }), NOTIFICATION_ERRORS.stale],
    ['no transaction type', postback({ ...good, ets_transaction_type: '' }), NOTIFICATION_ERRORS.malformed],
    ['a transaction type that is not a letter', postback({ ...good, ets_transaction_type: 'CC' }), NOTIFICATION_ERRORS.malformed],
    ['a time that does not exist', postback({ ...good, ets_transaction_date: '2026-03-01 24:00:00' }), NOTIFICATION_ERRORS.malformed],
    ['a credit without the sale it reverses', postback({ ...good, ets_ref_trans_ids: '' }), NOTIFICATION_ERRORS.malformed],
    ['a transaction id that is not numeric', postback({ ...good, ets_transaction_id: 'abc' }), NOTIFICATION_ERRORS.malformed],
    ['a date in another format', postback({ ...good, ets_transaction_date: '03/01/2026 11:59' }), NOTIFICATION_ERRORS.malformed],
    ['an impossible date', postback({ ...good, ets_transaction_date: '2026-02-30 10:00:00' }), NOTIFICATION_ERRORS.malformed],
    ['an amount that is not decimal', postback({ ...good, ets_transaction_amount: '5,00' }), NOTIFICATION_ERRORS.malformed],
    ['a currency we never bill in', postback({ ...good, ets_currency: 'XXX' }), NOTIFICATION_ERRORS.malformed],
    ['a JSON body', { ...signedGood, headers: { 'Content-Type': 'application/json' }, rawBody: '{}' }, NOTIFICATION_ERRORS.malformed],
  ]
  for (const [what, notification, code] of rejected) {
    it(`rejects ${what} with ${code}`, () => assert.equal(rejection(() => parse(notification)), code))
  }
})
