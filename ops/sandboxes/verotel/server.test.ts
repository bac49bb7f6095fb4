import assert from 'node:assert/strict'
import { listen, type Listening } from '../listen.ts'
import { RECEIVER_ROUTES, startWebhookReceiver, type ScriptedAnswer, type WebhookReceiver } from '../webhook-receiver.ts'
import { createVerotelSandbox, type VerotelSandbox, type VerotelSandboxOptions } from './server.ts'
import { sandboxSignature } from './state.ts'

const OPTIONS = { shopId: '100200', signatureKey: 'sandbox-key', apiUsername: 'cc', apiPassword: 'ccpass' }
const ORDER = { version: '4', type: 'purchase', shopID: '100200', paymentMethod: 'CC', priceAmount: '9.99', priceCurrency: 'USD',
  description: 'PPV post', referenceID: 'ref-1', custom1: 'wf-1', custom2: 'fan-1' }
const API = { authorization: `Basic ${Buffer.from('cc:ccpass').toString('base64')}`, accept: 'application/json; version=2.0.0' }

describe('verotel sandbox wire protocol', () => {
  let sandbox: VerotelSandbox
  let server: Listening
  let receiver: WebhookReceiver

  async function start(options: Partial<VerotelSandboxOptions> = {}, script: ScriptedAnswer[] = []) {
    receiver = await startWebhookReceiver({ ...RECEIVER_ROUTES.verotel, script })
    sandbox = createVerotelSandbox({ ...OPTIONS, postbackUrl: receiver.url, postbackDelayMs: 5, postbackRetryBaseMs: 10, ...options })
    server = await listen(sandbox.app, 0)
  }
  async function stop() {
    sandbox.stop()
    await Promise.all([server.close(), receiver.close()])
  }
  beforeEach(() => start())
  afterEach(() => stop())

  /** A one-click startorder signed with `key` (oneClickToken left out of the signature, as FlexPay does). */
  function startorder(params: Record<string, string>, token = 'tok_approve_1', key = OPTIONS.signatureKey, extra = '') {
    const query = new URLSearchParams({ ...params, signature: sandboxSignature(key, params), oneClickToken: token })
    return fetch(`${server.url}/startorder?${query}${extra}`)
  }
  const api = (path: string, init: RequestInit = {}) => fetch(`${server.url}/api/${path}`, { ...init, headers: { ...API, ...init.headers } })
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    api(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
  const approvedSaleId = async () => /saleID: (\d+)/.exec(await (await startorder(ORDER)).text())?.[1] ?? ''

  it('signs with the algorithm of Verotel’s published client vector', () => {
    assert.equal(sandboxSignature('zpXwe2D77g4P7ysGJcr3rY87TBYs6J', { saleID: '433456', priceAmount: '0.00', referenceID: 'reference1234',
      priceCurrency: 'USD', custom1: 'My', description: 'My Dščřčřřěřě&?=blah123', subscriptionType: 'RECURRING', period: 'P1M',
      name: 'My name', trialAmount: '0.01', trialPeriod: 'P3D', successURL: 'http://backURL.test', declineURL: 'http://declineURL.test',
      cancelDiscountPercentage: '30', shopID: '68849' }), 'ff5cf9bcc0497c8cb40087065e5016dcfbe2efd23327f6c67614fa23537c24b2')
  })

  it('guards startorder: shop, signature, parameters, token; records nothing for a refused request', async () => {
    const cases: [Record<string, string>, string, string, number, string][] = [
      [{ ...ORDER, shopID: '999' }, 'tok_approve_1', OPTIONS.signatureKey, 403, 'unknown shopID'],
      [ORDER, 'tok_approve_1', 'another-key', 403, 'invalid signature'],
      [{ ...ORDER, version: '3.2' }, 'tok_approve_1', OPTIONS.signatureKey, 400, 'one-click purchases need'],
      [{ ...ORDER, priceAmount: '9.9' }, 'tok_approve_1', OPTIONS.signatureKey, 400, 'priceAmount'],
      [{ ...ORDER, priceCurrency: 'JPY' }, 'tok_approve_1', OPTIONS.signatureKey, 400, 'priceCurrency'],
      [{ ...ORDER, description: 'x'.repeat(101) }, 'tok_approve_1', OPTIONS.signatureKey, 400, 'description'],
      [{ ...ORDER, paymentMethod: 'DDEU' }, 'tok_approve_1', OPTIONS.signatureKey, 400, 'paymentMethod'],
      [ORDER, '', OPTIONS.signatureKey, 400, 'the sandbox has no order page'],
      [ORDER, 'not-a-token', OPTIONS.signatureKey, 200, 'invalid oneClickToken'],
    ]
    for (const [params, token, key, status, error] of cases) {
      const res = await startorder(params, token, key)
      assert.deepEqual([res.status, (await res.text()).includes(`error: ${error}`)], [status, true], `${error}`)
    }
    assert.equal((await startorder(ORDER, 'tok_approve_1', OPTIONS.signatureKey, '&custom3=a&custom3=b')).status, 400)
    assert.equal(sandbox.state.list().length, 0)
  })

  it('answers a repeated referenceID with the first answer and keeps one sale', async () => {
    const first = await (await startorder(ORDER)).text()
    const second = await (await startorder(ORDER)).text()
    assert.equal(second, first)
    assert.match(first, /^response: APPROVED\nsaleID: \d+\ntransactionID: \d+\nreferenceID: ref-1\n/)
    assert.equal(sandbox.state.list().length, 1)
  })

  it('answers the Control Center API with Basic auth, JSON and 412 for what the sale state forbids', async () => {
    const saleID = await approvedSaleId()
    assert.equal((await api(`sale/${saleID}`, { headers: { authorization: 'Basic eDp5' } })).status, 401)
    assert.equal((await api(`sale/${saleID}`, { headers: { accept: 'text/html' } })).status, 406)
    assert.equal((await api('sale/42')).status, 404)
    assert.deepEqual([(await post(`sale/${saleID}/refund`, { amount: '10.00' })).status], [400])
    await fetch(`${server.url}/sandbox/settle`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ saleID }) })
    const voided = await post(`sale/${saleID}/void`, {})
    assert.deepEqual([voided.status, await voided.json()], [412, { error: { title: 'This sale is already settled.' } }])
    const refund = async () => (await post(`sale/${saleID}/refund`, { amount: '5.00' }, { 'x-idempotency-key': 'r1' })).json()
    const [first, again] = [await refund(), await refund()]
    assert.deepEqual(again, first)
    assert.equal((first as { is_success: boolean }).is_success, true)
    assert.equal((await post(`sale/${saleID}/refund`, { amount: '1.00' })).status, 412)
    const { sale } = (await (await api(`sale/${saleID}`)).json()) as { sale: { settled: boolean; transactions: { type: string; amount: string }[] } }
    assert.deepEqual([sale.settled, sale.transactions.map((t) => `${t.type} ${t.amount}`)], [true, ['sale 9.99', 'credit 5.00']])
  })

  it('sends signed GET postbacks after the delay, with custom1..3 and the next oneClickToken', async () => {
    await stop()
    await start({ postbackDelayMs: 150 })
    const started = Date.now()
    await startorder(ORDER)
    const [postback] = await receiver.waitFor(1)
    assert.ok(Date.now() - started >= 140, 'delivered before the delay')
    const { signature, ...fields } = Object.fromEntries(new URL(postback?.url ?? '', 'http://x').searchParams)
    assert.equal(signature, sandboxSignature(OPTIONS.signatureKey, fields))
    assert.deepEqual([fields.type, fields.event, fields.shopID, fields.priceAmount, fields.priceCurrency, fields.custom1, fields.custom2,
      fields.referenceID], ['purchase', undefined, '100200', '9.99', 'USD', 'wf-1', 'fan-1', 'ref-1'])
    assert.match(fields.oneClickToken ?? '', /^tok_approve_\d+$/)
  })

  it('delivers every postback twice when asked, with identical fields', async () => {
    await stop()
    await start({ duplicatePostbacks: true })
    await startorder(ORDER)
    const [first, second] = await receiver.waitFor(2)
    assert.equal(first?.url, second?.url)
  })

  it('retries until the merchant answers OK, and gives up after the last attempt', async () => {
    await stop()
    await start({}, [{ status: 503, body: 'down' }, { status: 200, body: 'ERROR' }])
    await startorder(ORDER)
    await receiver.waitFor(1)
    for (let i = 0; i < 50 && !sandbox.postbacks.deliveries[0]?.delivered; i++) await new Promise((r) => setTimeout(r, 10))
    assert.deepEqual(sandbox.postbacks.deliveries.map((d) => [d.attempts, d.delivered, d.answers]),
      [[3, true, ['503 down', '200 ERROR', '200 OK']]])
    await stop()
    await start({ postbackAttempts: 2 }, [{ status: 200, body: 'NOT OK' }, { status: 500, body: '' }, { status: 500, body: '' }])
    await startorder(ORDER)
    await new Promise((r) => setTimeout(r, 150))
    assert.deepEqual(sandbox.postbacks.deliveries.map((d) => [d.attempts, d.delivered]), [[2, false]])
    assert.equal(receiver.hits(), 2)
  })

  it('controls: chargeback once per sale, settle and chargeback 404 for an unknown sale', async () => {
    const saleID = await approvedSaleId()
    const control = (path: string, body: unknown) => fetch(`${server.url}/sandbox/${path}`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    assert.deepEqual([(await control('chargeback', { transactionId: saleID })).status, (await control('chargeback', { transactionId: saleID })).status],
      [200, 409])
    assert.deepEqual([(await control('settle', { transactionId: '42' })).status, (await control('chargeback', {})).status], [404, 404])
    const listed = (await (await fetch(`${server.url}/sandbox/transactions`)).json()) as { transactions: { state: string }[] }
    assert.deepEqual(listed.transactions.map((t) => t.state), ['chargeback'])
  })
})
