import assert from 'node:assert/strict'
import { ConfigError } from '../../../domain/env.ts'
import { loadSandboxConfig } from '../config.ts'
import { listen, type Listening } from '../listen.ts'
import { startWebhookReceiver } from '../webhook-receiver.ts'
import { createCcbillSandbox, type CcbillSandbox } from './server.ts'

const OPTIONS = { appId: 'app', secret: 'sec', clientAccnum: '900100', datalinkUsername: 'dl', datalinkPassword: 'dlpass' }
const ACCEPT = 'application/vnd.mcn.transaction-service.api.v.2+json'
const BODY = { clientAccnum: 900100, clientSubacc: 0, initialPrice: 9.99, initialPeriod: 30, currencyCode: 840,
  passThroughInfo: { 'X-workflowId': 'wf-1', 'X-fanId': 'fan-1', ignored: 'not passed through' } }

describe('ccbill sandbox wire protocol', () => {
  let sandbox: CcbillSandbox
  let server: Listening
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>

  beforeEach(async () => {
    receiver = await startWebhookReceiver({ failFirst: 2 })
    sandbox = createCcbillSandbox({ ...OPTIONS, webhookUrl: receiver.url, webhookDelayMs: 5 })
    server = await listen(sandbox.app, 0)
  })
  afterEach(async () => {
    sandbox.stop()
    await Promise.all([server.close(), receiver.close()])
  })

  const oauth = (basic: string, grant = 'grant_type=client_credentials') => fetch(`${server.url}/ccbill-auth/oauth/token`, {
    method: 'POST', body: grant,
    headers: { authorization: `Basic ${Buffer.from(basic).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
  })
  async function bearer() {
    return ((await (await oauth('app:sec')).json()) as { access_token: string }).access_token
  }
  const chargeToken = (token: string, headers: Record<string, string>, body: unknown = BODY) =>
    fetch(`${server.url}/transactions/payment-tokens/${token}`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
    })
  const datalink = async (params: Record<string, string>, headers: Record<string, string> = {}) => {
    const query = new URLSearchParams({ clientAccnum: '900100', clientSubacc: '0000', usingSubacc: '0000', username: 'dl',
      password: 'dlpass', ...params })
    return (await fetch(`${server.url}/utils/subscriptionManagement.cgi?${query}`, { headers })).text()
  }

  it('issues bearer tokens for the right client credentials only', async () => {
    const ok = await oauth('app:sec')
    const body = (await ok.json()) as Record<string, unknown>
    assert.deepEqual([ok.status, body.token_type, body.expires_in, typeof body.access_token], [200, 'bearer', 3600, 'string'])
    assert.equal((await oauth('app:wrong')).status, 401)
    assert.equal((await oauth('app:sec', 'grant_type=password')).status, 400)
  })

  it('guards the charge endpoint: bearer, Accept, body, account, token', async () => {
    const auth = { authorization: `Bearer ${await bearer()}`, accept: ACCEPT }
    const cases: [string, Record<string, string>, unknown, number, number | string][] = [
      ['tok_approve', { accept: ACCEPT }, BODY, 401, 'invalid_token'],
      ['tok_approve', { ...auth, authorization: 'Bearer forged' }, BODY, 401, 'invalid_token'],
      ['tok_approve', { ...auth, accept: 'application/json' }, BODY, 406, 100020],
      ['tok_approve', auth, { ...BODY, initialPrice: 9.999 }, 400, 200000],
      ['tok_approve', auth, { ...BODY, currencyCode: 999 }, 400, 200000],
      ['tok_approve', auth, { ...BODY, clientAccnum: 900999 }, 400, 100100],
      ['not-a-token', auth, BODY, 404, 100101],
    ]
    for (const [token, headers, body, status, code] of cases) {
      const res = await chargeToken(token, headers, body)
      const json = (await res.json()) as { errorCode?: number; error?: string }
      assert.deepEqual([res.status, json.errorCode ?? json.error], [status, code], `${token} ${JSON.stringify(headers)}`)
    }
    assert.equal(sandbox.state.list().length, 0)
  })

  it('replays a charge for a repeated X-Idempotency-Key without a second transaction', async () => {
    const headers = { authorization: `Bearer ${await bearer()}`, accept: ACCEPT, 'x-idempotency-key': 'k1' }
    const first = await (await chargeToken('tok_approve', headers)).text()
    const second = await (await chargeToken('tok_approve', headers)).text()
    assert.equal(second, first)
    assert.equal(JSON.parse(first).approved, true)
    assert.equal(sandbox.state.list().length, 1)
  })

  it('answers DataLink in CSV with its result codes, and replays a keyed refund', async () => {
    await chargeToken('tok_approve', { authorization: `Bearer ${await bearer()}`, accept: ACCEPT })
    const [sale] = sandbox.state.list()
    const subscriptionId = sale?.subscriptionId ?? ''
    assert.equal(await datalink({ action: 'voidTransaction', subscriptionId, password: 'x' }), '"results"\n"-1"\n')
    assert.equal(await datalink({ action: 'cancelEverything', subscriptionId }), '"results"\n"-6"\n')
    assert.equal(await datalink({ action: 'voidTransaction', subscriptionId: 'abc' }), '"results"\n"-2"\n')
    assert.equal(await datalink({ action: 'voidTransaction', subscriptionId: '42' }), '"results"\n"-3"\n')
    assert.equal(await datalink({ action: 'refundTransaction', subscriptionId, amount: '10.00' }), '"results"\n"-5"\n')
    await fetch(`${server.url}/sandbox/settle`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ transactionId: subscriptionId }) })
    assert.equal(await datalink({ action: 'voidTransaction', subscriptionId }), '"results"\n"0"\n')
    const refund = { action: 'refundTransaction', subscriptionId, amount: '9.99' }
    assert.equal(await datalink(refund, { 'x-idempotency-key': 'r1' }), '"results"\n"1"\n')
    assert.equal(await datalink(refund, { 'x-idempotency-key': 'r1' }), '"results"\n"1"\n')
    assert.equal(await datalink(refund), '"results"\n"0"\n')
    assert.match(await datalink({ action: 'viewSubscriptionStatus', subscriptionId }), /"refundsIssued".*\n.*"1","0"\n$/)
  })

  it('posts form-encoded webhooks with the X- fields and keeps retrying while the receiver is down', async () => {
    await chargeToken('tok_approve', { authorization: `Bearer ${await bearer()}`, accept: ACCEPT })
    const [webhook] = await receiver.waitFor(1, 5000)
    assert.ok(webhook)
    assert.equal(webhook.url, '/webhooks/ccbill?eventType=NewSaleSuccess')
    assert.equal(webhook.headers['content-type'], 'application/x-www-form-urlencoded')
    const fields = Object.fromEntries(new URLSearchParams(webhook.rawBody))
    assert.deepEqual([fields['X-workflowId'], fields['X-fanId'], fields.ignored, fields.billedInitialPrice, fields.billedCurrencyCode],
      ['wf-1', 'fan-1', undefined, '9.99', '840'])
    assert.match(fields.timestamp ?? '', /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)
    // the receiver records the post before the sandbox has read its answer
    for (let i = 0; i < 50 && !sandbox.webhooks.deliveries[0]?.delivered; i++) await new Promise((r) => setTimeout(r, 10))
    assert.deepEqual(sandbox.webhooks.deliveries.map((d) => [d.attempts, d.delivered]), [[3, true]])
  })
})

describe('sandbox config', () => {
  it('has local defaults and refuses bad values, naming the variable', () => {
    const config = loadSandboxConfig({})
    assert.deepEqual([config.CCBILL_SANDBOX_PORT, config.CCBILL_CLIENT_ACCNUM, config.CCBILL_DUPLICATE_WEBHOOKS], [8601, '900100', false])
    const bad: Record<string, string>[] = [{ CCBILL_SANDBOX_PORT: '0' }, { CCBILL_DUPLICATE_WEBHOOKS: 'yes' },
      { CCBILL_WEBHOOK_URL: 'localhost:3000/webhooks' }, { CCBILL_CLIENT_ACCNUM: '9001' }]
    for (const env of bad) {
      assert.throws(() => loadSandboxConfig(env), (err: Error) => err instanceof ConfigError && err.variables.includes(Object.keys(env)[0] ?? ''))
    }
  })
})
