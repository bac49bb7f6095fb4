import assert from 'node:assert/strict'
import { generateKeyPairSync } from 'node:crypto'
import { listen } from '../../../../ops/sandboxes/listen.ts'
import { startWebhookReceiver } from '../../../../ops/sandboxes/webhook-receiver.ts'
import { WISE_SANDBOX_PUBLIC_KEY_PEM } from '../../../../ops/sandboxes/wise/local-keys.ts'
import { createWiseSandbox } from '../../../../ops/sandboxes/wise/server.ts'
import { signBody } from '../../../../ops/sandboxes/wise/webhooks.ts'
import { RailNotificationRejected, type RailNotification } from '../../rail.ts'
import { customerTransactionIdFor } from './codes.ts'
import { createWiseNotificationParser } from './notifications.ts'
import { createWiseRail } from './driver.ts'

const parse = createWiseNotificationParser(WISE_SANDBOX_PUBLIC_KEY_PEM)
const NOW = '2024-06-01T12:00:00.000Z'
const event = (over: Record<string, unknown> = {}, data: Record<string, unknown> = {}) => JSON.stringify({
  data: { resource: { type: 'transfer', id: 777, profile_id: 4242, account_id: 99 }, current_state: 'outgoing_payment_sent',
    previous_state: 'processing', occurred_at: '2024-06-01T11:59:00.000Z', ...data },
  subscription_id: 'f5b51f77-e14a-433b-9f7c-fc2834ffcff5', event_type: 'transfers#state-change', schema_version: '2.0.0', sent_at: '2024-06-01T11:59:30.000Z', ...over,
})
const notification = (rawBody: string, signature = signBody(rawBody), receivedAt = NOW): RailNotification =>
  ({ url: '/webhooks/wise', headers: { 'content-type': 'application/json', 'x-signature-sha256': signature }, rawBody, sourceIp: '127.0.0.1', receivedAt })
const rejected = (code: string) => (err: unknown) => err instanceof RailNotificationRejected && err.code === code

describe('wise notifications', () => {
  it('maps a signed state change to a RailEvent keyed by transfer, state and time', () => {
    const e = parse(notification(event()))
    assert.deepEqual([e.rail, e.eventId, e.providerRef, e.workflowId, e.occurredAt], ['wise', '777:outgoing_payment_sent:2024-06-01T11:59:00.000Z', '777', null, '2024-06-01T11:59:00.000Z'])
    assert.deepEqual(e.state, { status: 'settled', providerRef: '777', settledAt: '2024-06-01T11:59:00.000Z' })
  })

  let other = ''
  before(function () {
    this.timeout(20_000)
    other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  })

  it('refuses a body signed with another key, a tampered body and a missing or garbled signature', () => {
    const body = event()
    assert.throws(() => parse(notification(body, signBody(body, other))), rejected('BAD_SIGNATURE'))
    assert.throws(() => parse(notification(body.replace('777', '778'), signBody(body))), rejected('BAD_SIGNATURE'))
    assert.throws(() => parse({ ...notification(body), headers: {} }), rejected('BAD_SIGNATURE'))
    assert.throws(() => parse(notification(body, 'not base64!')), rejected('BAD_SIGNATURE'))
  })

  it('refuses events sent more than 5 minutes before (or after) their arrival as stale', () => {
    assert.throws(() => parse(notification(event({ sent_at: '2024-06-01T11:54:59.000Z' }))), rejected('STALE_NOTIFICATION'))
    assert.throws(() => parse(notification(event({ sent_at: '2024-06-01T12:05:01.000Z' }))), rejected('STALE_NOTIFICATION'))
    assert.throws(() => parse(notification(event({ sent_at: undefined }, { occurred_at: '2024-06-01T11:50:00.000Z' }))), rejected('STALE_NOTIFICATION'))
  })

  it('refuses signed bodies that are not JSON or not a transfer state change as malformed', () => {
    for (const body of ['not json', event({ event_type: 'balances#credit' }), event({}, { current_state: undefined }), event({}, { resource: { id: 'x' } })]) {
      assert.throws(() => parse(notification(body)), rejected('MALFORMED_NOTIFICATION'), body)
    }
  })

  it('gives a duplicated delivery from the sandbox the same event id (sent_at and signature differ)', async () => {
    const receiver = await startWebhookReceiver({ path: '/webhooks/wise' })
    const sandbox = createWiseSandbox({ apiToken: 't', profileId: 1, webhookUrl: receiver.url, webhookDelayMs: 1, duplicateWebhooks: true, settleDelayMs: 5 })
    const server = await listen(sandbox.app, 0)
    try {
      const rail = createWiseRail({ baseUrl: server.url, apiToken: 't', profileId: 1, webhookPublicKeyPem: WISE_SANDBOX_PUBLIC_KEY_PEM })
      const key = 'payout:dup'
      await rail.send({ idempotencyKey: key, amount: 100, currency: 'GBP', destination: { rail: 'wise', holderName: 'Ada', currency: 'GBP', country: 'GB', iban: 'GB82WEST12345698765432' },
        reference: { workflowId: 'w', creatorId: 'c', runId: 'r' }, description: 'x' })
      const events = (await receiver.waitFor(6)).map((w) => rail.parseNotification(w))
      const ids = events.map((e) => e.eventId)
      assert.equal(new Set(ids).size, 3, ids.join(' '))
      assert.equal(sandbox.state.list()[0]?.customerTransactionId, customerTransactionIdFor(key))
    } finally {
      sandbox.stop()
      await Promise.all([server.close(), receiver.close()])
    }
  })
})
