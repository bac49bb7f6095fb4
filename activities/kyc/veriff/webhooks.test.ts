import assert from 'node:assert/strict'
import { KYC_REASONS, NOTIFICATION_ERRORS, NotificationRejected, type InboundNotification } from '../provider.ts'
import { signPayload } from './hmac.ts'
import { createWebhookParser } from './webhooks.ts'
import { rejectionCode } from '../../../test/support/rejection.ts'

const API_KEY = '3f8c2a51-6d0e-4b7a-9c1f-2e5d8a4b7c60'
const SECRET = 'unit-test-shared-secret'
const HOUR = 3_600_000
const parse = createWebhookParser({ apiKey: API_KEY, sharedSecret: SECRET, maxDecisionAgeMs: 24 * HOUR, maxClockSkewMs: 300_000 })
const RECEIVED = '2026-03-01T12:00:00.000Z'

const approved = {
  id: '0b9c3c5e-8f1a-4d2b-9e7c-5a6b4c3d2e1f', attemptId: 'a7e0c7f2-1111-4c2b-9d3e-6f5a4b3c2d1e', vendorData: 'kyc:case-1',
  endUserId: null, status: 'approved', code: 9001, reason: null, reasonCode: null, decisionTime: '2026-03-01T11:59:30.120Z',
  acceptanceTime: '2026-03-01T11:55:00.000Z',
  person: { firstName: 'SARAH', lastName: 'MORGAN', dateOfBirth: '1990-03-30', gender: null, nationality: null },
  document: { type: 'DRIVERS_LICENSE', number: 'MORGA753116SM9IJ', country: 'GB', validFrom: null, validUntil: '2031-04-20' },
  insights: [{ label: 'faceLiveness', result: 'green', category: 'face' }],
  riskLabels: [{ label: 'document_integration_level_crosslinked_with_fraud', category: 'document', sessionIds: [] }],
  additionalVerifiedData: {}, comments: [], highRisk: false,
}

function webhook(verification: Record<string, unknown> | null, over: { rawBody?: string; secret?: string; receivedAt?: string } = {}) {
  const rawBody = over.rawBody ?? JSON.stringify({ status: 'success', verification, technicalData: { ip: '203.0.113.7' } })
  const headers: Record<string, string> = {
    'content-type': 'application/json', 'x-auth-client': API_KEY, 'x-hmac-signature': signPayload(over.secret ?? SECRET, rawBody),
  }
  return { url: '/webhooks/kyc/veriff', sourceIp: '35.157.0.1', receivedAt: over.receivedAt ?? RECEIVED, rawBody, headers }
}

const rejection = (fn: () => unknown) => rejectionCode(fn, NotificationRejected)

describe('veriff parseWebhook', () => {
  it('maps an approval with the verified person, liveness and risk labels', () => {
    const event = parse(webhook(approved))
    assert.deepEqual(event, {
      provider: 'veriff', eventId: `${approved.id}:${approved.attemptId}:approved:2026-03-01T11:59:30.120Z`,
      sessionId: approved.id, vendorData: 'kyc:case-1', status: 'approved', providerReasonCode: null, reason: null, reasonCode: null,
      decidedAt: '2026-03-01T11:59:30.120Z', liveness: 'passed', riskLabels: ['document_integration_level_crosslinked_with_fraud'],
      person: { firstName: 'SARAH', lastName: 'MORGAN', dateOfBirth: '1990-03-30',
        document: { type: 'DRIVERS_LICENSE', number: 'MORGA753116SM9IJ', issuingCountry: 'GB', validUntil: '2031-04-20' } },
    })
  })

  const outcomes: [string, Record<string, unknown>, unknown[]][] = [
    ['a decline with a string reason code', { status: 'declined', code: 9102, reason: 'Suspected document tampering', reasonCode: '102' },
      ['declined', '102', KYC_REASONS.documentFraud, 'Suspected document tampering']],
    ['a resubmission request',
      { status: 'resubmission_requested', code: 9103, reason: 'Poor image quality', reasonCode: 204, person: null, document: null },
      ['resubmission_requested', '204', KYC_REASONS.poorCapture, 'Poor image quality']],
    ['a review', { status: 'review', code: 9121 }, ['review', null, null, null]],
    ['an expiry', { status: 'expired', code: 9104, person: null, document: null }, ['expired', null, null, null]],
    ['an abandoned session', { status: 'abandoned', code: 9104, person: null, document: null, insights: null }, ['abandoned', null, null, null]],
  ]
  for (const [what, fields, expected] of outcomes) {
    it(`maps ${what}`, () => {
      const event = parse(webhook({ ...approved, ...fields }))
      assert.deepEqual([event.status, event.providerReasonCode, event.reasonCode, event.reason], expected)
      assert.equal(event.person === null, fields.person === null)
    })
  }

  it('gives a redelivery the same eventId and a later decision on the session another', () => {
    const first = parse(webhook(approved))
    const again = parse(webhook(approved, { receivedAt: '2026-03-01T18:00:00.000Z' }))
    const overridden = parse(webhook({ ...approved, status: 'declined', code: 9102, reasonCode: 106, decisionTime: '2026-03-01T11:59:50Z' }))
    assert.equal(again.eventId, first.eventId)
    assert.notEqual(overridden.eventId, first.eventId)
  })

  it('accepts the vrf- header names and any header case', () => {
    const signed = webhook(approved)
    const headers = { 'VRF-AUTH-CLIENT': API_KEY, 'Vrf-Hmac-Signature': signed.headers['x-hmac-signature'] }
    assert.equal(parse({ ...signed, headers }).status, 'approved')
  })

  const signed = webhook(approved)
  const rejected: [string, InboundNotification, string][] = [
    ['a tampered body', { ...signed, rawBody: signed.rawBody.replace('1990-03-30', '1980-03-30') }, NOTIFICATION_ERRORS.badSignature],
    ['a body signed with another secret', webhook(approved, { secret: 'other-secret' }), NOTIFICATION_ERRORS.badSignature],
    ['no signature', { ...signed, headers: { 'x-auth-client': API_KEY } }, NOTIFICATION_ERRORS.badSignature],
    ['another integration', { ...signed, headers: { ...signed.headers, 'x-auth-client': '00000000-0000-4000-8000-000000000000' } },
      NOTIFICATION_ERRORS.untrustedSource],
    ['a decision older than the window', webhook(approved, { receivedAt: '2026-03-02T12:00:00.000Z' }), NOTIFICATION_ERRORS.stale],
    ['a decision from the future', webhook({ ...approved, decisionTime: '2026-03-01T12:10:00Z' }), NOTIFICATION_ERRORS.stale],
    ['broken JSON', webhook(null, { rawBody: '{"verification":' }), NOTIFICATION_ERRORS.malformed],
    ['no verification', webhook(null), NOTIFICATION_ERRORS.malformed],
    ['an event webhook', webhook(null, { rawBody: JSON.stringify({ id: approved.id, action: 'submitted', code: 7002 }) }),
      NOTIFICATION_ERRORS.malformed],
    ['an unknown status', webhook({ ...approved, status: 'pending' }), NOTIFICATION_ERRORS.malformed],
    ['a code that contradicts the status', webhook({ ...approved, code: 9102 }), NOTIFICATION_ERRORS.malformed],
    ['a date of birth in another format', webhook({ ...approved, person: { ...approved.person, dateOfBirth: '30/03/1990' } }),
      NOTIFICATION_ERRORS.malformed],
    ['no decisionTime', webhook({ ...approved, decisionTime: null }), NOTIFICATION_ERRORS.malformed],
  ]
  for (const [what, notification, code] of rejected) {
    it(`rejects ${what} with ${code}`, () => assert.equal(rejection(() => parse(notification)), code))
  }
})
