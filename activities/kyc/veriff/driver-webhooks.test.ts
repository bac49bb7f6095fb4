import assert from 'node:assert/strict'
import type { ReceivedWebhook } from '../../../ops/sandboxes/webhook-receiver.ts'
import { signedHeaders } from '../../../ops/sandboxes/kyc/webhooks.ts'
import { KYC_REASONS, NOTIFICATION_ERRORS, NotificationRejected } from '../provider.ts'
import { API_KEY, SECRET, useKycSandbox } from './sandbox-harness.ts'

function rejection(fn: () => unknown): string {
  try {
    fn()
  } catch (err) {
    assert.ok(err instanceof NotificationRejected, String(err))
    return err.code
  }
  assert.fail('expected a rejection')
}

describe('veriff driver against the kyc sandbox: decision webhooks', () => {
  const h = useKycSandbox()
  const firstWebhook = async () => (await h.receiver.waitFor(1))[0] ?? assert.fail('no webhook')

  it('parses the signed webhook of a decision into the same decision getDecision returns', async () => {
    const d = h.driver()
    const { sessionId } = await d.createSession(h.request())
    await h.decide(sessionId, { status: 'approved', liveness: 'yellow' })
    const event = d.parseWebhook(await firstWebhook())
    assert.deepEqual([event.provider, event.sessionId, event.vendorData, event.status, event.liveness, event.person?.lastName],
      ['veriff', sessionId, 'kyc:case-1', 'approved', 'inconclusive', 'Lovelace'])
    assert.ok(event.eventId.startsWith(`${sessionId}:`))
    assert.deepEqual({ ...(await d.getDecision(sessionId)), provider: event.provider, eventId: event.eventId }, event)
    assert.deepEqual(d.webhookAck(), { status: 200, contentType: 'text/plain', body: 'OK' })
  })

  it('turns a hosted-flow form post into a declined event with its reason code', async () => {
    const d = h.driver()
    const { hostedUrl } = await d.createSession(h.request())
    assert.match(await (await fetch(hostedUrl)).text(), /<form method="post"/)
    const form = { firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1990-12-10', documentType: 'ID_CARD', documentNumber: 'ID998877',
      documentCountry: 'gb', documentValidUntil: '2030-01-31', outcome: 'declined', reasonCode: '103' }
    const posted = await fetch(hostedUrl, { method: 'POST', redirect: 'manual', body: new URLSearchParams(form) })
    assert.deepEqual([posted.status, posted.headers.get('location')], [303, 'https://fanz.example/kyc/done'])
    const event = d.parseWebhook(await firstWebhook())
    assert.deepEqual([event.status, event.providerReasonCode, event.reasonCode, event.reason, event.person?.document],
      ['declined', '103', KYC_REASONS.faceMismatch, 'Person showing the document does not appear to match document photo',
        { type: 'ID_CARD', number: 'ID998877', issuingCountry: 'GB', validUntil: '2030-01-31' }])
  })

  it('reports an under-18 date of birth as the provider read it: age policy is the platform\'s', async () => {
    const d = h.driver()
    const { sessionId } = await d.createSession(h.request())
    await h.decide(sessionId, { status: 'approved', person: { dateOfBirth: '2011-06-30' } })
    const event = d.parseWebhook(await firstWebhook())
    assert.deepEqual([event.status, event.person?.dateOfBirth], ['approved', '2011-06-30'])
  })

  it('rejects a tampered body or another secret (BAD_SIGNATURE), an old decision (STALE), a signed malformed body (MALFORMED)', async () => {
    const d = h.driver()
    await h.decide((await d.createSession(h.request())).sessionId, { status: 'approved' })
    const webhook = await firstWebhook()
    assert.equal(d.parseWebhook(webhook).status, 'approved')
    const malformed = '{"status":"success","verification":{"id":"s","status":"approved"}}'
    const cases: [string, ReceivedWebhook, ReturnType<typeof h.driver>, string][] = [
      ['tampered', { ...webhook, rawBody: webhook.rawBody.replace('"approved"', '"approved" ') }, d, NOTIFICATION_ERRORS.badSignature],
      ['other secret', webhook, h.driver({ sharedSecret: 'a-rotated-shared-secret' }), NOTIFICATION_ERRORS.badSignature],
      ['nine days late', { ...webhook, receivedAt: new Date(Date.now() + 9 * 86_400_000).toISOString() }, d, NOTIFICATION_ERRORS.stale],
      ['malformed', { ...webhook, rawBody: malformed, headers: { ...webhook.headers, 'x-hmac-signature':
        signedHeaders(API_KEY, SECRET, malformed)['X-HMAC-SIGNATURE'] } }, d, NOTIFICATION_ERRORS.malformed],
    ]
    for (const [what, notification, parser, code] of cases) assert.equal(rejection(() => parser.parseWebhook(notification)), code, what)
  })

  it('gives duplicate deliveries the same eventId', async () => {
    await h.stop()
    await h.start({ duplicateWebhooks: true })
    const d = h.driver()
    await h.decide((await d.createSession(h.request())).sessionId, { status: 'review' })
    const events = (await h.receiver.waitFor(2)).map((n) => d.parseWebhook(n))
    assert.deepEqual(events.map((e) => e.status), ['review', 'review'])
    assert.equal(events[0]?.eventId, events[1]?.eventId)
  })
})
