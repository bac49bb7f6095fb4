import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { listen, type Listening } from '../listen.ts'
import { startWebhookReceiver, type WebhookReceiver } from '../webhook-receiver.ts'
import { isAbaRoutingNumber } from '../../../domain/payouts/bank-numbers.ts'
import { createDwollaSandbox, type DwollaSandbox } from './server.ts'

const HAL = 'application/vnd.dwolla.v1.hal+json'
const OPTIONS = { key: 'k', secret: 's', webhookSecret: 'whsec' }

describe('dwolla sandbox wire protocol', () => {
  let sandbox: DwollaSandbox
  let server: Listening
  let receiver: WebhookReceiver
  let token: string

  beforeEach(async () => {
    receiver = await startWebhookReceiver({ path: '/webhooks/dwolla', failFirst: 1 })
    sandbox = createDwollaSandbox({ ...OPTIONS, webhookUrl: receiver.url, webhookDelayMs: 5, webhookRetryBaseMs: 10, settleDelayMs: 20, duplicateWebhooks: true })
    server = await listen(sandbox.app, 0)
    const res = await fetch(`${server.url}/token`, { method: 'POST', body: 'grant_type=client_credentials',
      headers: { authorization: `Basic ${Buffer.from('k:s').toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' } })
    token = ((await res.json()) as { access_token: string }).access_token
  })
  afterEach(async () => {
    sandbox.stop()
    await Promise.all([server.close(), receiver.close()])
  })

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(path.startsWith('http') ? path : `${server.url}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body),
      headers: { authorization: `Bearer ${token}`, accept: HAL, 'content-type': HAL, ...headers } })
    const text = await res.text()
    return { status: res.status, location: res.headers.get('location') ?? '', body: (text ? JSON.parse(text) : null) as Record<string, unknown> | null }
  }
  const fundingSource = async (accountNumber = '12345678') => {
    const c = await call('POST', '/customers', { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@payees.test', type: 'receive-only' })
    return (await call('POST', `${c.location}/funding-sources`, { routingNumber: '021000021', accountNumber, bankAccountType: 'checking', name: 'x' })).location
  }
  const transfer = (destination: string, key?: string) => call('POST', '/transfers', {
    _links: { source: { href: `${server.url}/funding-sources/${sandbox.masterFundingSourceId}` }, destination: { href: destination } },
    amount: { currency: 'USD', value: '12.34' } }, key ? { 'Idempotency-Key': key } : {})

  it('checks ABA routing numbers', () => {
    assert.deepEqual(['021000021', '011000015', '021000022', '12345678'].map(isAbaRoutingNumber), [true, true, false, false])
  })

  it('needs a token and the Dwolla media type', async () => {
    assert.equal((await call('GET', '/transfers/x', undefined, { authorization: 'Bearer nope' })).body?.code, 'InvalidAccessToken')
    assert.equal((await call('GET', '/transfers/x', undefined, { accept: 'application/json' })).status, 406)
    assert.equal((await fetch(`${server.url}/token`, { method: 'POST', headers: { authorization: 'Basic eDp5' } })).status, 401)
  })

  it('answers a used e-mail with Duplicate + about, and a bad routing number with a ValidationError', async () => {
    const first = await call('POST', '/customers', { firstName: 'A', lastName: 'B', email: 'x@payees.test' })
    const again = await call('POST', '/customers', { firstName: 'A', lastName: 'B', email: 'x@payees.test' })
    const dup = (again.body?._embedded as { errors: { code: string; _links: { about: { href: string } } }[] }).errors[0]
    assert.deepEqual([first.status, again.status, dup?.code, dup?._links.about.href], [201, 400, 'Duplicate', first.location])
    const bad = await call('POST', `${first.location}/funding-sources`, { routingNumber: '021000022', accountNumber: '1234', bankAccountType: 'checking', name: 'x' })
    assert.deepEqual([bad.status, bad.body?.code, (bad.body?._embedded as { errors: { path: string }[] }).errors[0]?.path], [400, 'ValidationError', '/routingNumber'])
  })

  it('answers a repeated Idempotency-Key with the first transfer and moves money once', async () => {
    const destination = await fundingSource()
    const [a, b] = [await transfer(destination, 'key-1'), await transfer(destination, 'key-1')]
    assert.deepEqual([a.status, b.location], [201, a.location])
    assert.deepEqual([sandbox.state.list().length, sandbox.state.balance()], [1, 1_000_000_000 - 1234])
  })

  it('settles, returns R02 for an account ending 0002, and signs duplicated webhooks with the same event id', async () => {
    const t = await transfer(await fundingSource('99990002'))
    for (let i = 0; i < 100 && sandbox.state.list()[0]?.status !== 'failed'; i++) await new Promise((r) => setTimeout(r, 10))
    const failure = await call('GET', `${t.location}/failure`)
    assert.deepEqual([failure.body?.code, failure.body?.description], ['R02', 'Account closed'])
    const hooks = await receiver.waitFor(6)
    for (const h of hooks) assert.equal(h.headers['x-request-signature-sha-256'], createHmac('sha256', 'whsec').update(h.rawBody).digest('hex'))
    const topics = hooks.map((h) => JSON.parse(h.rawBody) as { id: string; topic: string })
    assert.deepEqual([...new Set(topics.map((e) => e.topic))].sort(), ['transfer_completed', 'transfer_created', 'transfer_failed'])
    assert.equal(new Set(topics.map((e) => e.id)).size, 3)
  })
})
