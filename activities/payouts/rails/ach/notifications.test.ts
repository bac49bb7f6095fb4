import assert from 'node:assert/strict'
import { sandboxSignature } from '../../../../ops/sandboxes/dwolla/events.ts'
import { PAYOUT_FAILURES, RailNotificationRejected, type RailNotification } from '../../rail.ts'
import { failureForReturn, reportStatusOf } from './codes.ts'
import { createDwollaNotificationParser } from './notifications.ts'

const SECRET = 'dwolla-webhook-secret'
const parse = createDwollaNotificationParser(SECRET)
const NOW = '2024-06-01T12:00:00.000Z'
const TRANSFER = '15c6bcce-46f7-e811-8112-e8dd3bececa8'
const event = (over: Record<string, unknown> = {}) => JSON.stringify({
  id: '80d8ba3e-aa6c-4a4b-b1b0-0a8c7b7e5c21', resourceId: TRANSFER, topic: 'transfer_completed', timestamp: '2024-06-01T11:58:00.000Z',
  _links: { self: { href: 'https://api-sandbox.dwolla.com/events/80d8ba3e' }, resource: { href: `https://api-sandbox.dwolla.com/transfers/${TRANSFER}` } }, ...over,
})
const notification = (rawBody: string, signature = sandboxSignature(SECRET, rawBody)): RailNotification =>
  ({ url: '/webhooks/dwolla', headers: { 'X-Request-Signature-SHA-256': signature }, rawBody, sourceIp: '127.0.0.1', receivedAt: NOW })
const rejected = (code: string) => (err: unknown) => err instanceof RailNotificationRejected && err.code === code

describe('ach (Dwolla) notifications', () => {
  it('maps transfer topics to states, keyed by the event id', () => {
    const cases: [string, string, string | null][] = [
      ['transfer_created', 'sent', null], ['customer_transfer_created', 'sent', null], ['transfer_completed', 'settled', null],
      ['customer_transfer_completed', 'settled', null], ['transfer_failed', 'failed', 'UNKNOWN'], ['transfer_cancelled', 'failed', 'cancelled'],
    ]
    for (const [topic, status, railCode] of cases) {
      const e = parse(notification(event({ topic })))
      assert.deepEqual([e.rail, e.eventId, e.providerRef, e.workflowId, e.state.status, e.state.status === 'failed' ? e.state.railCode : null],
        ['ach', '80d8ba3e-aa6c-4a4b-b1b0-0a8c7b7e5c21', TRANSFER, null, status, railCode], topic)
    }
    assert.deepEqual(parse(notification(event())).state, { status: 'settled', providerRef: TRANSFER, settledAt: '2024-06-01T11:58:00.000Z' })
  })

  it('gives a duplicate the same event id, so the route dedupes it', () => {
    const body = event()
    assert.equal(parse(notification(body)).eventId, parse(notification(body)).eventId)
  })

  it('refuses a forged, tampered or unsigned body', () => {
    const body = event()
    assert.throws(() => parse(notification(body, sandboxSignature('another-secret', body))), rejected('BAD_SIGNATURE'))
    assert.throws(() => parse(notification(body.replace('transfer_completed', 'transfer_failed'), sandboxSignature(SECRET, body))), rejected('BAD_SIGNATURE'))
    assert.throws(() => parse({ ...notification(body), headers: {} }), rejected('BAD_SIGNATURE'))
  })

  it('refuses events dated more than 5 minutes from their arrival as stale', () => {
    assert.throws(() => parse(notification(event({ timestamp: '2024-06-01T11:54:59.000Z' }))), rejected('STALE_NOTIFICATION'))
    assert.throws(() => parse(notification(event({ timestamp: '2024-06-01T12:05:01.000Z' }))), rejected('STALE_NOTIFICATION'))
  })

  it('refuses signed bodies missing fields as malformed', () => {
    for (const body of ['{', event({ id: undefined }), event({ resourceId: '' }), event({ timestamp: 'yesterday' })]) {
      assert.throws(() => parse(notification(body)), rejected('MALFORMED_NOTIFICATION'), body)
    }
  })

  it('tells genuine events about something other than our transfers apart (acknowledged, not acted on)', () => {
    for (const body of [event({ topic: 'customer_created' }), event({ topic: 'customer_bank_transfer_completed' })]) {
      assert.throws(() => parse(notification(body)), rejected('NOT_ABOUT_A_PAYOUT'), body)
    }
  })

  it('maps ACH return codes and report statuses', () => {
    assert.deepEqual(['R02', 'R03', 'R04', 'R16', 'R29', 'X1'].map(failureForReturn), [PAYOUT_FAILURES.returned, PAYOUT_FAILURES.invalidAccount,
      PAYOUT_FAILURES.invalidAccount, PAYOUT_FAILURES.recipientRefused, PAYOUT_FAILURES.returned, PAYOUT_FAILURES.rejected])
    assert.deepEqual([reportStatusOf('pending', null), reportStatusOf('processed', null), reportStatusOf('failed', 'R02'), reportStatusOf('failed', 'R03'),
      reportStatusOf('cancelled', null)], ['sent', 'settled', 'returned', 'failed', 'failed'])
  })
})
