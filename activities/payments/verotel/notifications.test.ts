import assert from 'node:assert/strict'
import { NOTIFICATION_ERRORS, NotificationRejected, type InboundNotification, type ProcessorEvent } from '../driver.ts'
import { createNotificationParser } from './notifications.ts'
import { flexpaySignature } from './signature.ts'
import { rejectionCode } from '../../../test/support/rejection.ts'

const KEY = 'test-signature-key'
const parse = createNotificationParser({ shopId: '100200', signatureKey: KEY })
const RECEIVED = '2026-03-01T12:00:00.000Z'
const base = { type: 'purchase', shopID: '100200', saleID: '5001', transactionID: '7001', referenceID: 'ppv:fan-1:post-1:charge',
  custom1: 'ppv:fan-1:post-1', custom2: 'fan-1' }

/** A GET postback as Verotel sends it: every field in the query, signed unless a signature is given. */
function postback(fields: Record<string, string>, options: { key?: string; signature?: string; extra?: string } = {}): InboundNotification {
  const query = new URLSearchParams({ ...fields, signature: options.signature ?? flexpaySignature(options.key ?? KEY, fields) })
  return { url: `/webhooks/verotel?${query}${options.extra ?? ''}`, headers: {}, rawBody: '', sourceIp: '203.0.113.7', receivedAt: RECEIVED }
}

const rejection = (fn: () => unknown) => rejectionCode(fn, NotificationRejected)

describe('verotel parseNotification', () => {
  const money = { priceAmount: '9.99', priceCurrency: 'USD' }
  const mapped: [string, Record<string, string>, Partial<ProcessorEvent>][] = [
    ['a purchase sale (no event)', { ...base, ...money, paymentMethod: 'CC', oneClickToken: 'tok_next' }, { type: 'sale', amount: 999, currency: 'USD' }],
    ['initial', { ...base, type: 'subscription', event: 'initial', ...money }, { type: 'sale', amount: 999, currency: 'USD' }],
    ['rebill', { ...base, type: 'subscription', event: 'rebill', amount: '19.99', currency: 'EUR' }, { type: 'rebill', amount: 1999, currency: 'EUR' }],
    ['credit', { ...base, event: 'credit', parentID: '7000', priceAmount: '5.00', priceCurrency: 'GBP' }, { type: 'refund', amount: 500, currency: 'GBP' }],
    ['chargeback', { ...base, event: 'chargeback', parentID: '7000', ...money }, { type: 'chargeback', amount: 999, currency: 'USD' }],
    ['cancel', { ...base, type: 'subscription', event: 'cancel', cancelledBy: 'buyer' }, { type: 'cancellation', amount: null, currency: null }],
  ]
  for (const [what, fields, expected] of mapped) {
    it(`maps ${what} to ${expected.type}`, () => {
      const event = parse(postback(fields))
      assert.deepEqual({ type: event.type, amount: event.amount, currency: event.currency }, expected)
      assert.deepEqual([event.processor, event.transactionId, event.occurredAt], ['verotel', '5001', RECEIVED])
      assert.deepEqual(event.reference, { workflowId: 'ppv:fan-1:post-1', fanId: 'fan-1' })
      assert.equal(event.raw.referenceID, base.referenceID)
    })
  }

  it('hands on the next oneClickToken of a sale, and reads a re-posted form body', () => {
    const fields = { ...base, ...money, oneClickToken: 'tok_approve_next' }
    const sale = parse(postback(fields))
    assert.deepEqual([sale.nextPaymentToken, sale.raw.oneClickToken], ['tok_approve_next', 'tok_approve_next'])
    const body = new URLSearchParams({ ...fields, signature: flexpaySignature(KEY, fields) }).toString()
    const posted = parse({ url: '/webhooks/verotel', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, rawBody: body,
      sourceIp: '203.0.113.7', receivedAt: RECEIVED })
    assert.deepEqual([posted.type, posted.amount, posted.raw.oneClickToken], ['sale', 999, 'tok_approve_next'])
  })

  it('hands on no token from a sale without one, nor from any other event', () => {
    assert.equal(parse(postback({ ...base, ...money })).nextPaymentToken, null)
    assert.equal(parse(postback({ ...base, event: 'credit', ...money, oneClickToken: 'tok_x' })).nextPaymentToken, null)
  })

  const kept: [string, Record<string, string>][] = [
    ['expiry', { type: 'subscription', event: 'expiry' }],
    ['uncancel', { type: 'subscription', event: 'uncancel' }],
    ['extend', { type: 'subscription', event: 'extend', expirationDate: '2026-04-01' }],
    ['downgrade, in a currency we never bill in', { type: 'subscription', event: 'downgrade', priceAmount: '5.00', priceCurrency: 'CHF' }],
    ['upgrade', { type: 'upgradesubscription', event: 'upgrade', priceAmount: '19.99', priceCurrency: 'USD' }],
  ]
  for (const [what, fields] of kept) {
    it(`keeps a signed ${what} postback as 'other', with Verotel's event name and no amount`, () => {
      const event = parse(postback({ ...base, ...fields }))
      assert.deepEqual([event.type, event.processorType, event.transactionId, event.amount, event.currency, event.nextPaymentToken],
        ['other', fields.event, '5001', null, null, null])
      assert.equal(event.eventId, `${fields.event}:5001:7001`)
      assert.deepEqual(event.reference, { workflowId: 'ppv:fan-1:post-1', fanId: 'fan-1' })
    })
  }

  it('still checks the signature and the shop of a postback it only keeps', () => {
    const expiry = { ...base, type: 'subscription', event: 'expiry' }
    assert.equal(rejection(() => parse(postback(expiry, { key: 'not-our-key' }))), NOTIFICATION_ERRORS.badSignature)
    assert.equal(rejection(() => parse(postback({ ...expiry, shopID: '999999' }))), NOTIFICATION_ERRORS.untrustedSource)
  })

  it('gives every redelivery the same eventId and different money movements different ones', () => {
    const credit = { ...base, event: 'credit', ...money }
    const first = parse(postback(credit))
    const again = parse({ ...postback(credit), receivedAt: '2026-03-04T09:00:00.000Z' })
    const ids = [first, parse(postback({ ...credit, transactionID: '7002' })), parse(postback({ ...credit, event: 'chargeback' })),
      parse(postback({ ...base, ...money }))].map((e) => e.eventId)
    assert.equal(again.eventId, first.eventId)
    assert.equal(new Set(ids).size, 4)
  })

  it('accepts a late redelivery: postbacks carry no timestamp to judge freshness by', () => {
    const late = { ...postback({ ...base, ...money }), receivedAt: '2027-03-01T12:00:00.000Z' }
    assert.equal(parse(late).eventId, parse(postback({ ...base, ...money })).eventId)
  })

  const signedBy = (fields: Record<string, string>) => flexpaySignature(KEY, fields)
  const rejected: [string, InboundNotification, string][] = [
    ['a tampered amount', postback({ ...base, ...money }, { signature: signedBy({ ...base, priceAmount: '0.01', priceCurrency: 'USD' }) }),
      NOTIFICATION_ERRORS.badSignature],
    ['another signature key', postback({ ...base, ...money }, { key: 'not-our-key' }), NOTIFICATION_ERRORS.badSignature],
    ['an unsigned extra parameter', postback({ ...base, ...money }, { extra: '&custom3=injected' }), NOTIFICATION_ERRORS.badSignature],
    ['no signature', { ...postback(base), url: `/webhooks/verotel?${new URLSearchParams(base)}` }, NOTIFICATION_ERRORS.badSignature],
    ['another shop', postback({ ...base, shopID: '999999' }), NOTIFICATION_ERRORS.untrustedSource],
    ['no event and no purchase type', postback({ ...base, type: 'subscription' }), NOTIFICATION_ERRORS.malformed],
    ['no saleID', postback({ ...base, saleID: '' }), NOTIFICATION_ERRORS.malformed],
    ['a currency we never bill in', postback({ ...base, priceAmount: '5.00', priceCurrency: 'CHF' }), NOTIFICATION_ERRORS.malformed],
    ['an amount that is not decimal', postback({ ...base, priceAmount: '5,00', priceCurrency: 'USD' }), NOTIFICATION_ERRORS.malformed],
    ['a repeated parameter', postback(base, { extra: '&saleID=5002' }), NOTIFICATION_ERRORS.malformed],
  ]
  for (const [what, notification, code] of rejected) {
    it(`rejects ${what} with ${code}`, () => assert.equal(rejection(() => parse(notification)), code))
  }
})
