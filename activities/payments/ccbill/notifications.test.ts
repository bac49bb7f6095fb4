import assert from 'node:assert/strict'
import { NOTIFICATION_ERRORS, NotificationRejected, type ProcessorEvent } from '../driver.ts'
import { CCBILL_WEBHOOK_CIDRS } from './codes.ts'
import { createNotificationParser, type CcbillInboundNotification } from './notifications.ts'
import { rejectionCode } from '../../../test/support/rejection.ts'

const parse = createNotificationParser({ clientAccnum: '900100', allowedSourceCidrs: CCBILL_WEBHOOK_CIDRS, maxNotificationAgeMs: 86_400_000 })
const RECEIVED = '2026-03-01T12:00:00.000Z'
const base = {
  subscriptionId: '1772366400000000001', transactionId: '1772366400000000002', clientAccnum: '900100', clientSubacc: '0000',
  timestamp: '2026-03-01 11:59:58', 'X-workflowId': 'ppv:fan-1:post-1', 'X-fanId': 'fan-1',
}

function webhook(eventType: string | null, fields: Record<string, string>, overrides: Partial<CcbillInboundNotification> = {}) {
  return {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    rawBody: new URLSearchParams(fields).toString(),
    sourceIp: '64.38.212.17',
    receivedAt: RECEIVED,
    url: eventType === null ? '/webhooks/ccbill' : `/webhooks/ccbill?eventType=${eventType}`,
    ...overrides,
  }
}

const rejection = (fn: () => unknown) => rejectionCode(fn, NotificationRejected)

describe('ccbill parseNotification', () => {
  const mapped: [string, Record<string, string>, Partial<ProcessorEvent>][] = [
    ['NewSaleSuccess', { billedInitialPrice: '9.99', billedCurrencyCode: '840' }, { type: 'sale', amount: 999, currency: 'USD' }],
    ['RenewalSuccess', { billedAmount: '19.99', billedCurrencyCode: '978' }, { type: 'rebill', amount: 1999, currency: 'EUR' }],
    ['RenewalFailure', {}, { type: 'rebill_failed', amount: null, currency: null }],
    ['Refund', { amount: '5.00', currencyCode: '826' }, { type: 'refund', amount: 500, currency: 'GBP' }],
    ['Void', { amount: '1200', currencyCode: '392' }, { type: 'void', amount: 1200, currency: 'JPY' }],
    ['Chargeback', { amount: '9.99', currencyCode: '840' }, { type: 'chargeback', amount: 999, currency: 'USD' }],
    ['Cancellation', { reason: 'Customer cancelled' }, { type: 'cancellation', amount: null, currency: null }],
  ]
  for (const [eventType, extra, expected] of mapped) {
    it(`maps ${eventType} to ${expected.type}`, () => {
      const event = parse(webhook(eventType, { ...base, ...extra }))
      assert.deepEqual({ type: event.type, amount: event.amount, currency: event.currency }, expected)
      assert.equal(event.processor, 'ccbill')
      assert.equal(event.transactionId, base.subscriptionId)
      assert.equal(event.occurredAt, '2026-03-01T11:59:58.000Z')
      assert.deepEqual(event.reference, { workflowId: 'ppv:fan-1:post-1', fanId: 'fan-1' })
      assert.equal(event.raw.clientSubacc, '0000')
      assert.deepEqual([event.processorType, event.nextPaymentToken], [eventType, null])
    })
  }

  const subscriptionEvents: [string, Record<string, string>, ProcessorEvent['type']][] = [
    ['RenewalSuccess', { billedAmount: '12.99', billedCurrencyCode: '840', nextRenewalDate: '2026-03-31' }, 'rebill'],
    ['RenewalFailure', { failureCode: 'BE-140', failureReason: 'Insufficient Funds', nextRetryDate: '2026-03-02' }, 'rebill_failed'],
    ['Cancellation', { reason: 'Cancelled by merchant', transactionId: '' }, 'cancellation'],
  ]
  for (const [eventType, extra, type] of subscriptionEvents) {
    const fields = Object.fromEntries(Object.entries({ ...base, 'X-workflowId': 'sub:s-1', ...extra }).filter(([, v]) => v !== ''))
    it(`names the subscription on ${eventType}, routes it by its X- fields, reports no fee`, () => {
      const event = parse(webhook(eventType, fields))
      assert.deepEqual([event.type, event.subscriptionRef, event.processorFee, event.reference.workflowId],
        [type, base.subscriptionId, null, 'sub:s-1'])
    })
    it(`refuses a forged ${eventType}: from outside CCBill's ranges, or for another account`, () => {
      assert.equal(rejection(() => parse(webhook(eventType, fields, { sourceIp: '198.51.100.7' }))), NOTIFICATION_ERRORS.untrustedSource)
      assert.equal(rejection(() => parse(webhook(eventType, { ...fields, clientAccnum: '900999' }))), NOTIFICATION_ERRORS.untrustedSource)
    })
  }

  it('names the subscription on a sale that opened one (recurringPeriod), not on a one-time sale or a reversal', () => {
    const sale = { ...base, billedInitialPrice: '9.99', billedCurrencyCode: '840' }
    assert.equal(parse(webhook('NewSaleSuccess', { ...sale, recurringPeriod: '30', rebills: '99' })).subscriptionRef, base.subscriptionId)
    assert.equal(parse(webhook('NewSaleSuccess', { ...sale, recurringPeriod: '0' })).subscriptionRef, null)
    assert.equal(parse(webhook('Refund', { ...base, amount: '5.00', currencyCode: '840' })).subscriptionRef, null)
  })

  it('gives each rebill attempt its own eventId and every redelivery of one the same', () => {
    const renewal = { ...base, billedAmount: '12.99', billedCurrencyCode: '840' }
    const first = parse(webhook('RenewalSuccess', renewal))
    const again = parse(webhook('RenewalSuccess', renewal, { receivedAt: '2026-03-01T12:30:00.000Z' }))
    const next = parse(webhook('RenewalSuccess', { ...renewal, transactionId: '1772366400000000003' }))
    assert.equal(first.eventId, again.eventId)
    assert.notEqual(first.eventId, next.eventId)
  })

  it('reads the JSON format too, from an IPv4-mapped source address', () => {
    const event = parse(webhook('Refund', {}, {
      headers: { 'Content-Type': 'application/json' }, sourceIp: '::ffff:64.38.241.200',
      rawBody: JSON.stringify({ ...base, amount: '2.50', currencyCode: 840 }),
    }))
    assert.deepEqual([event.type, event.amount, event.currency, event.raw.currencyCode], ['refund', 250, 'USD', '840'])
  })

  it('gives every redelivery of an event the same eventId, and different events different ones', () => {
    const first = parse(webhook('Refund', { ...base, amount: '5.00', currencyCode: '840' }))
    const again = parse(webhook('Refund', { ...base, amount: '5.00', currencyCode: '840' }, { receivedAt: '2026-03-01T13:00:00.000Z' }))
    const voided = parse(webhook('Void', { ...base, amount: '5.00', currencyCode: '840' }))
    const other = parse(webhook('Refund', { ...base, transactionId: '1772366400000000009', amount: '5.00', currencyCode: '840' }))
    assert.equal(first.eventId, again.eventId)
    assert.equal(new Set([first.eventId, voided.eventId, other.eventId]).size, 3)
  })

  const kept: [string, Record<string, string>, Partial<ProcessorEvent>][] = [
    ['NewSaleFailure, a decline that made no subscription', { subscriptionId: '', failureCode: 'BE-103', failureReason: 'Do not honor' },
      { type: 'sale_failed', transactionId: base.transactionId }],
    ['UserReactivation, which carries no timestamp', { timestamp: '', price: '5.95 for 30 days' }, { type: 'other', transactionId: base.subscriptionId }],
    ['Expiration', {}, { type: 'other', transactionId: base.subscriptionId }],
    ['UpSaleSuccess, a sale on a CCBill form (we charge through the API)', { billedInitialPrice: '9.99', billedCurrencyCode: '999' },
      { type: 'other', transactionId: base.subscriptionId }],
  ]
  for (const [what, extra, expected] of kept) {
    const eventType = what.split(',')[0] ?? ''
    it(`keeps ${what} as ${expected.type}, with CCBill's name and no amount`, () => {
      const fields = Object.fromEntries(Object.entries({ ...base, ...extra }).filter(([, v]) => v !== ''))
      const event = parse(webhook(eventType, fields))
      assert.deepEqual({ type: event.type, transactionId: event.transactionId }, expected)
      assert.deepEqual([event.processorType, event.amount, event.currency, event.nextPaymentToken], [eventType, null, null, null])
      assert.equal(event.occurredAt, fields.timestamp ? '2026-03-01T11:59:58.000Z' : RECEIVED)
      assert.deepEqual(event.reference, { workflowId: 'ppv:fan-1:post-1', fanId: 'fan-1' })
      assert.equal(event.raw.clientSubacc, '0000')
    })
  }

  it('still checks the source, the account and, where there is a timestamp, the age of an event it only keeps', () => {
    const failure = { ...base, subscriptionId: '' }
    assert.equal(rejection(() => parse(webhook('NewSaleFailure', failure, { sourceIp: '203.0.113.5' }))), NOTIFICATION_ERRORS.untrustedSource)
    assert.equal(rejection(() => parse(webhook('NewSaleFailure', { ...failure, clientAccnum: '900999' }))), NOTIFICATION_ERRORS.untrustedSource)
    assert.equal(rejection(() => parse(webhook('NewSaleFailure', { ...failure, timestamp: '2026-02-27 12:00:00' }))), NOTIFICATION_ERRORS.stale)
    assert.equal(rejection(() => parse(webhook('NewSaleFailure', { ...failure, transactionId: '' }))), NOTIFICATION_ERRORS.malformed)
  })

  const rejected: [string, CcbillInboundNotification, string][] = [
    ['a source outside CCBill ranges', webhook('Refund', base, { sourceIp: '203.0.113.5' }), NOTIFICATION_ERRORS.untrustedSource],
    ['an IPv6 source', webhook('Refund', base, { sourceIp: '::1' }), NOTIFICATION_ERRORS.untrustedSource],
    ['another merchant account', webhook('Refund', { ...base, clientAccnum: '900999' }), NOTIFICATION_ERRORS.untrustedSource],
    ['an event older than the window', webhook('Refund', { ...base, timestamp: '2026-02-28 11:59:59' }), NOTIFICATION_ERRORS.stale],
    ['an event from the far future', webhook('Refund', { ...base, timestamp: '2026-03-03 12:00:00' }), NOTIFICATION_ERRORS.stale],
    ['no eventType', webhook(null, base), NOTIFICATION_ERRORS.malformed],
    ['an eventType CCBill does not document', webhook('Bogus', base), NOTIFICATION_ERRORS.malformed],
    ['an eventType that names an object property', webhook('toString', base), NOTIFICATION_ERRORS.malformed],
    ['no subscriptionId on an event we act on', webhook('Refund', { ...base, subscriptionId: '' }), NOTIFICATION_ERRORS.malformed],
    ['no timestamp on an event we act on', webhook('Refund', { ...base, timestamp: '' }), NOTIFICATION_ERRORS.malformed],
    ['an hour that does not exist', webhook('Refund', { ...base, timestamp: '2026-03-01 11:60:00' }), NOTIFICATION_ERRORS.malformed],
    ['a timestamp in another format', webhook('Refund', { ...base, timestamp: '03/01/2026 11:59' }), NOTIFICATION_ERRORS.malformed],
    ['an impossible date', webhook('Refund', { ...base, timestamp: '2026-02-30 10:00:00' }), NOTIFICATION_ERRORS.malformed],
    ['a currency we never bill in', webhook('Refund', { ...base, amount: '5.00', currencyCode: '999' }), NOTIFICATION_ERRORS.malformed],
    ['an amount that is not decimal', webhook('Refund', { ...base, amount: '5,00', currencyCode: '840' }), NOTIFICATION_ERRORS.malformed],
    ['broken JSON', webhook('Refund', {}, { headers: { 'content-type': 'application/json' }, rawBody: '{"a":' }), NOTIFICATION_ERRORS.malformed],
    ['a JSON array', webhook('Refund', {}, { headers: { 'content-type': 'application/json' }, rawBody: '[]' }), NOTIFICATION_ERRORS.malformed],
  ]
  for (const [what, notification, code] of rejected) {
    it(`rejects ${what} with ${code}`, () => assert.equal(rejection(() => parse(notification)), code))
  }
})
