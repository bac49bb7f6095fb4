import assert from 'node:assert/strict'
import { verify } from 'node:crypto'
import { listen, type Listening } from '../listen.ts'
import { startWebhookReceiver, type WebhookReceiver } from '../webhook-receiver.ts'
import { WISE_SANDBOX_PUBLIC_KEY_PEM } from './local-keys.ts'
import { ibanValid } from './recipients.ts'
import { createWiseSandbox, type WiseSandbox } from './server.ts'

const TOKEN = 'wise-sandbox-test-token'
const PROFILE = 777

describe('wise sandbox wire protocol', () => {
  let sandbox: WiseSandbox
  let server: Listening
  let receiver: WebhookReceiver

  beforeEach(async () => {
    receiver = await startWebhookReceiver({ path: '/webhooks/wise', failFirst: 2 })
    sandbox = createWiseSandbox({ apiToken: TOKEN, profileId: PROFILE, webhookUrl: receiver.url, webhookDelayMs: 5, webhookRetryBaseMs: 10, settleDelayMs: 20 })
    server = await listen(sandbox.app, 0)
  })
  afterEach(async () => {
    sandbox.stop()
    await Promise.all([server.close(), receiver.close()])
  })

  const call = async (method: string, path: string, body?: unknown, token = TOKEN) => {
    const res = await fetch(`${server.url}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } })
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { errors?: { code: string; path?: string }[] } }
  }
  const recipient = (accountHolderName = 'Ada Lovelace') => call('POST', '/v1/accounts',
    { profile: PROFILE, accountHolderName, currency: 'EUR', type: 'iban', details: { legalType: 'PRIVATE', IBAN: 'DE89370400440532013000' } })
  const quote = () => call('POST', `/v3/profiles/${PROFILE}/quotes`, { sourceCurrency: 'EUR', targetCurrency: 'EUR', targetAmount: 10.5 })
  const transfer = async (ctid: string) => {
    const [r, q] = [await recipient(), await quote()]
    return call('POST', '/v1/transfers', { targetAccount: r.body.id, quoteUuid: q.body.id, customerTransactionId: ctid, details: { reference: 'May' } })
  }
  const CTID = '3f2b1c4d-5e6f-5a7b-8c9d-0e1f2a3b4c5d'

  it('checks IBANs with mod-97', () => {
    assert.deepEqual(['DE89370400440532013000', 'GB82 WEST 1234 5698 7654 32', 'DE89370400440532013001', 'XX'].map(ibanValid), [true, true, false, false])
  })

  it('refuses a missing token (401), another profile (403), and bad details with 422 errors[]', async () => {
    assert.equal((await call('GET', '/v1/transfers/1', undefined, 'nope')).status, 401)
    assert.equal((await call('POST', '/v3/profiles/1/quotes', {})).status, 403)
    const bad = await recipient('Invalid Holder')
    assert.deepEqual([bad.status, bad.body.errors?.[0]?.code, bad.body.errors?.[0]?.path], [422, 'NOT_VALID', 'accountHolderName'])
    assert.equal(sandbox.state.recipients.size, 0)
  })

  it('answers a repeated customerTransactionId with the first transfer and refuses a second transfer on one quote', async () => {
    const first = await transfer(CTID)
    const again = await transfer(CTID)
    assert.deepEqual([first.status, again.body.id, first.body.status, first.body.sourceValue], [200, first.body.id, 'incoming_payment_waiting', 10.5])
    const used = await call('POST', '/v1/transfers', { targetAccount: first.body.targetAccount, quoteUuid: first.body.quoteUuid,
      customerTransactionId: '3f2b1c4d-5e6f-5a7b-8c9d-0e1f2a3b4c5e' })
    assert.deepEqual([used.status, used.body.errors?.[0]?.path], [422, 'quoteUuid'])
    assert.equal(sandbox.state.list().length, 1)
  })

  it('funds once, then refuses with transfer.invalid-state; moves through processing to outgoing_payment_sent', async () => {
    const t = await transfer(CTID)
    const path = `/v3/profiles/${PROFILE}/transfers/${String(t.body.id)}/payments`
    assert.deepEqual((await call('POST', path, { type: 'BALANCE' })).body, { type: 'BALANCE', status: 'COMPLETED', errorCode: null })
    const twice = await call('POST', path, { type: 'BALANCE' })
    assert.deepEqual([twice.status, twice.body.errors?.[0]?.code], [422, 'transfer.invalid-state'])
    assert.equal(sandbox.state.balanceOf('EUR')?.amount, 1_000_000_000 - 1050)
    await new Promise((r) => setTimeout(r, 40))
    assert.equal((await call('GET', `/v1/transfers/${String(t.body.id)}`)).body.status, 'outgoing_payment_sent')
  })

  it('signs webhooks with its RSA key and retries while the receiver answers 503', async () => {
    await transfer(CTID)
    const [hook] = await receiver.waitFor(1)
    assert.ok(hook && verify('RSA-SHA256', Buffer.from(hook.rawBody), WISE_SANDBOX_PUBLIC_KEY_PEM, Buffer.from(hook.headers['x-signature-sha256'] ?? '', 'base64')))
    const body = JSON.parse(hook.rawBody) as { event_type: string; data: { current_state: string; previous_state: unknown } }
    assert.deepEqual([body.event_type, body.data.current_state, body.data.previous_state], ['transfers#state-change', 'incoming_payment_waiting', null])
    assert.deepEqual([sandbox.webhooks.deliveries[0]?.attempts, receiver.refused.length], [3, 2])
  })

  it('answers 503 to the next N calls when told to', async () => {
    await fetch(`${server.url}/sandbox/fail-next`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ count: 2 }) })
    assert.deepEqual([(await quote()).status, (await quote()).status, (await quote()).status], [503, 503, 200])
  })
})
