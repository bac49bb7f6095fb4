import assert from 'node:assert/strict'
import { NOTIFICATION_ERRORS, NotificationRejected, type InboundNotification, type ProcessorEvent } from '../driver.ts'
import { createNotificationParser } from './notifications.ts'
import { rejectionCode } from '../../../test/support/rejection.ts'

const SEGPAY_ADDRESSES = ['208.93.102.0/24'] // an example range: the real list comes from SRS GetPostbackIPList
const parse = createNotificationParser({ packageId: '900200', allowedSourceCidrs: SEGPAY_ADDRESSES, maxNotificationAgeMs: 86_400_000 })
const RECEIVED = '2026-03-01T12:00:00.000Z'
const base = {
  action: 'Auth', stage: 'Rebill', approved: 'Yes', trantype: 'Sale', purchaseid: '70000001', tranid: '1772366400001',
  relatedtranid: '0', price: '9.99', currencycode: 'USD', eticketid: '900200:27000', transtime: '2026-03-01T11:59:58+00:00',
  workflowid: 'ppv:fan-1:post-1', fanid: 'fan-1',
}

/** A postback as Segpay sends it: a POST to our URL with the values in the query string. */
function postback(fields: Record<string, string>, overrides: Partial<InboundNotification> = {}): InboundNotification {
  return { url: `/webhooks/segpay?${new URLSearchParams(fields)}`, headers: {}, rawBody: '', sourceIp: '208.93.102.17', receivedAt: RECEIVED,
    ...overrides }
}

const without = (fields: Record<string, string>, ...names: string[]) => Object.fromEntries(Object.entries(fields).filter(([k]) => !names.includes(k)))

const rejection = (fn: () => unknown) => rejectionCode(fn, NotificationRejected)

describe('segpay parseNotification', () => {
  const reversal = { relatedtranid: base.tranid, tranid: '1772366400002' }
  const mapped: [string, Record<string, string>, Partial<ProcessorEvent>][] = [
    ['a One-Click sale we initiated (stage Rebill)', {}, { type: 'sale', transactionId: base.tranid, amount: 999, currency: 'USD' }],
    ['an initial sale', { stage: 'Initial' }, { type: 'sale', transactionId: base.tranid, amount: 999, currency: 'USD' }],
    ['a void', { ...reversal, action: 'Void' }, { type: 'void', transactionId: base.tranid, amount: 999, currency: 'USD' }],
    ['a credit with a negative price', { ...reversal, trantype: 'Credit', price: '-9.99' },
      { type: 'refund', transactionId: base.tranid, amount: 999, currency: 'USD' }],
    ['a chargeback in yen', { ...reversal, trantype: 'Charge', price: '-1200', currencycode: 'JPY' },
      { type: 'chargeback', transactionId: base.tranid, amount: 1200, currency: 'JPY' }],
    ['a subscription rebill', { workflowid: '', fanid: '' }, { type: 'rebill', transactionId: base.tranid, amount: 999, currency: 'USD' }],
    ['a failed rebill without price', { workflowid: '', approved: 'No', price: '' },
      { type: 'rebill_failed', transactionId: base.tranid, amount: null, currency: null }],
  ]
  for (const [what, extra, expected] of mapped) {
    it(`maps ${what}`, () => {
      const event = parse(postback({ ...base, ...extra }))
      assert.deepEqual({ type: event.type, transactionId: event.transactionId, amount: event.amount, currency: event.currency }, expected)
      assert.equal(event.processor, 'segpay')
      assert.equal(event.occurredAt, '2026-03-01T11:59:58.000Z')
      assert.equal(event.raw.purchaseid, '70000001')
      assert.equal(event.nextPaymentToken, null)
    })
  }

  const kept: [string, Record<string, string>, Partial<ProcessorEvent>][] = [
    ['a declined One-Click sale we initiated', { approved: 'No' }, { type: 'sale_failed', processorType: 'sale/auth/rebill/no' }],
    ['a declined initial sale', { approved: 'No', stage: 'Initial' }, { type: 'sale_failed', processorType: 'sale/auth/initial/no' }],
    ['a declined credit', { relatedtranid: base.tranid, tranid: '1772366400003', trantype: 'Credit', approved: 'No', price: '-9.99' },
      { type: 'other', processorType: 'credit/auth/rebill/no' }],
    ['a declined sale in a currency we never bill in', { approved: 'No', currencycode: 'SEK' }, { type: 'sale_failed', processorType: 'sale/auth/rebill/no' }],
  ]
  for (const [what, extra, expected] of kept) {
    it(`keeps ${what} as ${expected.type}, its own tranid, no amount`, () => {
      const event = parse(postback({ ...base, ...extra }))
      assert.deepEqual({ type: event.type, processorType: event.processorType }, expected)
      assert.deepEqual([event.transactionId, event.amount, event.currency], [extra.tranid ?? base.tranid, null, null])
      assert.deepEqual(event.reference, { workflowId: 'ppv:fan-1:post-1', fanId: 'fan-1' })
    })
  }

  it('still checks the source, the package and the age of a postback it only keeps', () => {
    const declined = { ...base, approved: 'No' }
    assert.equal(rejection(() => parse(postback(declined, { sourceIp: '203.0.113.5' }))), NOTIFICATION_ERRORS.untrustedSource)
    assert.equal(rejection(() => parse(postback({ ...declined, eticketid: '900999:27000' }))), NOTIFICATION_ERRORS.untrustedSource)
    assert.equal(rejection(() => parse(postback({ ...declined, transtime: '2026-02-27T11:59:59+00:00' }))), NOTIFICATION_ERRORS.stale)
  })

  it('carries our reference, and none when the pass-through parameters are absent', () => {
    assert.deepEqual(parse(postback(base)).reference, { workflowId: 'ppv:fan-1:post-1', fanId: 'fan-1' })
    assert.deepEqual(parse(postback({ ...without(base, 'workflowid', 'fanid'), stage: 'Initial' })).reference, { workflowId: null, fanId: null })
  })

  it('reads a form body and mixed-case names, from an IPv4-mapped address, and uses arrival time without transtime', () => {
    const body = new URLSearchParams(Object.entries(without(base, 'transtime')).map(([k, v]): [string, string] => [k.toUpperCase(), v])).toString()
    const event = parse(postback({}, { url: '/webhooks/segpay', rawBody: body, sourceIp: '::ffff:208.93.102.200',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }))
    assert.deepEqual([event.type, event.transactionId, event.occurredAt, event.reference.fanId], ['sale', base.tranid, RECEIVED, 'fan-1'])
  })

  it('gives every redelivery of a postback the same eventId, and different transactions different ones', () => {
    const first = parse(postback(base))
    const again = parse(postback(base, { receivedAt: '2026-03-01T13:00:00.000Z' }))
    const voided = parse(postback({ ...base, ...reversal, action: 'Void' }))
    const other = parse(postback({ ...base, tranid: '1772366400009' }))
    assert.equal(first.eventId, again.eventId)
    assert.equal(new Set([first.eventId, voided.eventId, other.eventId]).size, 3)
  })

  describe('of purchases Segpay rebills (our recurring price point 27001)', () => {
    const recurringParse = createNotificationParser({ packageId: '900200', recurringPricePointId: '27001', allowedSourceCidrs: SEGPAY_ADDRESSES,
      maxNotificationAgeMs: 86_400_000 })
    const sub = { ...base, eticketid: '900200:27001', purchaseid: '5550001230', workflowid: 'sub:s-1', price: '12.99' }
    const cancel = { action: 'Cancel', purchaseid: sub.purchaseid, eticketid: sub.eticketid, transtime: base.transtime, workflowid: 'sub:s-1',
      fanid: 'fan-1' }
    const cases: [string, Record<string, string>, Partial<ProcessorEvent>][] = [
      ['its opening sale', { ...sub, stage: 'Initial' }, { type: 'sale', transactionId: base.tranid, amount: 1299 }],
      ['its first rebill (Conversion), though it carries our reference', { ...sub, stage: 'Conversion' },
        { type: 'rebill', transactionId: base.tranid, amount: 1299 }],
      ['a later rebill', sub, { type: 'rebill', transactionId: base.tranid, amount: 1299 }],
      ['a declined rebill', { ...sub, approved: 'No' }, { type: 'rebill_failed', transactionId: base.tranid, amount: 1299 }],
      ['its cancellation (a Cancellation postback, action Cancel)', cancel, { type: 'cancellation', transactionId: sub.purchaseid, amount: null }],
    ]
    for (const [what, fields, expected] of cases) {
      it(`maps ${what}, naming the purchase and routing it by our reference`, () => {
        const event = recurringParse(postback(fields))
        assert.deepEqual({ type: event.type, transactionId: event.transactionId, amount: event.amount }, expected)
        assert.deepEqual([event.subscriptionRef, event.processorFee, event.reference.workflowId], [sub.purchaseid, null, 'sub:s-1'])
      })
    }

    it('keeps a One-Click on the one-time price point a sale, naming no subscription', () => {
      const event = recurringParse(postback(base))
      assert.deepEqual([event.type, event.subscriptionRef], ['sale', null])
    })

    it('gives a cancellation one eventId on every redelivery', () => {
      assert.equal(recurringParse(postback(cancel)).eventId, recurringParse(postback(cancel, { receivedAt: '2026-03-01T12:30:00.000Z' })).eventId)
    })

    const forged: [string, InboundNotification, string][] = [
      ['a rebill from outside Segpay addresses', postback(sub, { sourceIp: '203.0.113.5' }), NOTIFICATION_ERRORS.untrustedSource],
      ['a rebill for another package', postback({ ...sub, eticketid: '900999:27001' }), NOTIFICATION_ERRORS.untrustedSource],
      ['a cancellation from outside Segpay addresses', postback(cancel, { sourceIp: '203.0.113.5' }), NOTIFICATION_ERRORS.untrustedSource],
      ['a cancellation for another package', postback({ ...cancel, eticketid: '900999:27001' }), NOTIFICATION_ERRORS.untrustedSource],
      ['a cancellation without purchaseid', postback({ ...cancel, purchaseid: '' }), NOTIFICATION_ERRORS.malformed],
      ['a stale cancellation', postback({ ...cancel, transtime: '2026-02-27T11:59:59+00:00' }), NOTIFICATION_ERRORS.stale],
    ]
    for (const [what, notification, code] of forged) {
      it(`rejects ${what} with ${code}`, () => assert.equal(rejection(() => recurringParse(notification)), code))
    }
  })

  const rejected: [string, InboundNotification, string][] = [
    ['a source outside Segpay addresses', postback(base, { sourceIp: '203.0.113.5' }), NOTIFICATION_ERRORS.untrustedSource],
    ['an IPv6 source', postback(base, { sourceIp: '::1' }), NOTIFICATION_ERRORS.untrustedSource],
    ['another merchant package', postback({ ...base, eticketid: '900999:27000' }), NOTIFICATION_ERRORS.untrustedSource],
    ['no eticketid', postback({ ...base, eticketid: '' }), NOTIFICATION_ERRORS.untrustedSource],
    ['a postback older than the window', postback({ ...base, transtime: '2026-02-28T11:59:59+00:00' }), NOTIFICATION_ERRORS.stale],
    ['a postback from the far future', postback({ ...base, transtime: '2026-03-02T13:00:00Z' }), NOTIFICATION_ERRORS.stale],
    ['no tranid', postback({ ...base, tranid: '' }), NOTIFICATION_ERRORS.malformed],
    ['no action', postback({ ...base, action: '' }), NOTIFICATION_ERRORS.malformed],
    ['an unknown trantype', postback({ ...base, trantype: 'Adjustment' }), NOTIFICATION_ERRORS.malformed],
    ['a member-management action (those go to another URL)', postback({ ...base, action: 'Probe' }), NOTIFICATION_ERRORS.malformed],
    ['a void without relatedtranid', postback({ ...base, action: 'Void', relatedtranid: '0' }), NOTIFICATION_ERRORS.malformed],
    ['a transtime in another format', postback({ ...base, transtime: '3/1/2026 11:59:58 AM' }), NOTIFICATION_ERRORS.malformed],
    ['an impossible date', postback({ ...base, transtime: '2026-02-30T10:00:00' }), NOTIFICATION_ERRORS.malformed],
    ['a currency we never bill in', postback({ ...base, currencycode: 'SEK' }), NOTIFICATION_ERRORS.malformed],
    ['a price that is not decimal', postback({ ...base, price: '9,99' }), NOTIFICATION_ERRORS.malformed],
  ]
  for (const [what, notification, code] of rejected) {
    it(`rejects ${what} with ${code}`, () => assert.equal(rejection(() => parse(notification)), code))
  }
})
