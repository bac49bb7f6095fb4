import assert from 'node:assert/strict'
import { digestMatches, signParams } from '../../../activities/payments/epoch/digest.ts'
import { listen, type Listening } from '../listen.ts'
import { RECEIVER_ROUTES, startWebhookReceiver, type WebhookReceiver } from '../webhook-receiver.ts'
import { createEpochSandbox, type EpochSandbox } from './server.ts'

const OPTIONS = { coCode: 'fz1', hmacKey: 'key', csaUsername: 'csa', csaPassword: 'csapass' }
const SALE = { api: 'camcharge', action: 'authandclose', co_code: 'fz1', member_id: '1000000001', auth_amount: '9.99', currency: 'USD',
  description: 'PPV', x_workflow_id: 'wf-1', x_fan_id: 'fan-1' }

describe('epoch sandbox wire protocol', () => {
  let sandbox: EpochSandbox
  let server: Listening
  let receiver: WebhookReceiver

  async function start(options: { failFirst?: number; delayMs?: number; duplicate?: boolean } = {}) {
    receiver = await startWebhookReceiver({ ...RECEIVER_ROUTES.epoch, failFirst: options.failFirst ?? 0 })
    sandbox = createEpochSandbox({ ...OPTIONS, postbackUrl: receiver.url, postbackDelayMs: options.delayMs ?? 5,
      duplicatePostbacks: options.duplicate ?? false })
    server = await listen(sandbox.app, 0)
  }
  async function stop() {
    sandbox.stop()
    await Promise.all([server.close(), receiver.close()])
  }
  beforeEach(() => start())
  afterEach(() => stop())
  const restart = async (options: Parameters<typeof start>[0]) => { await stop(); await start(options) }

  const camcharge = async (params: Record<string, string>, headers: Record<string, string> = {}, key = 'key') => {
    const res = await fetch(`${server.url}/secure/services/`, { method: 'POST', body: new URLSearchParams(signParams(params, key)),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } })
    return { status: res.status, text: await res.text() }
  }
  const csa = async (params: Record<string, string>, headers: Record<string, string> = {}, key = 'key') => {
    const query = new URLSearchParams(signParams({ auth_user: 'csa', auth_pass: 'csapass', ...params }, key))
    return (await (await fetch(`${server.url}/services/customer_search/index.json?${query}`, { headers })).json()) as Record<string, unknown>
  }
  const settle = (transactionId: string) => fetch(`${server.url}/sandbox/settle`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ transactionId }) })
  const until = async (done: () => boolean) => { for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 10)) }

  it('guards camcharge: company, digest, api, amount, currency — and records nothing it refused', async () => {
    const cases: [Record<string, string>, string, number][] = [
      [SALE, 'wrong-key', 401], [{ ...SALE, co_code: 'zz9' }, 'key', 401], [{ ...SALE, api: 'join' }, 'key', 400],
      [{ ...SALE, auth_amount: '9.999' }, 'key', 400], [{ ...SALE, auth_amount: '0' }, 'key', 400], [{ ...SALE, currency: 'XXX' }, 'key', 400],
    ]
    for (const [params, key, status] of cases) assert.equal((await camcharge(params, {}, key)).status, status, JSON.stringify(params))
    assert.equal(sandbox.state.sales().length, 0)
  })

  it('answers a signed approval with Y…|id, and replays it for a repeated X-Idempotency-Key without a second sale', async () => {
    const first = await camcharge(SALE, { 'x-idempotency-key': 'k1' })
    const second = await camcharge(SALE, { 'x-idempotency-key': 'k1' })
    assert.equal(second.text, first.text)
    const reply = Object.fromEntries(new URLSearchParams(first.text))
    assert.equal(digestMatches(reply, 'key'), true)
    assert.match(reply.ans ?? '', /^Y\w+\|1000000001$/)
    assert.match(reply.transaction_id ?? '', /^\d{10}$/)
    assert.equal(sandbox.state.sales().length, 1)
  })

  it('answers Customer Search with N-codes for bad auth, unknown actions and ids, and credits a settled sale once', async () => {
    const reply = Object.fromEntries(new URLSearchParams((await camcharge(SALE)).text))
    const id = reply.transaction_id ?? ''
    assert.deepEqual(await csa({ api_action: 'search', trans_id: id, auth_pass: 'x' }), { status: 'Failure', error: 'NINVALIDAUTH' })
    assert.deepEqual(await csa({ api_action: 'search', trans_id: id }, {}, 'wrong-key'), { status: 'Failure', error: 'NINVALIDAUTH' })
    assert.deepEqual(await csa({ api_action: 'delete', trans_id: id }), { status: 'Failure', error: 'NINVALIDACTION' })
    assert.deepEqual(await csa({ api_action: 'search', trans_id: '42' }), { status: 'Failure', error: 'NTRANSNOTFOUND' })
    assert.equal((await settle(id)).status, 200)
    const credit = { api_action: 'credit', trans_id: id, credit_reason: 'wmapprvd' }
    assert.deepEqual(await csa({ ...credit, amount: '10.00' }), { status: 'Failure', error: 'NINVALIDAMOUNT' })
    const done = await csa({ ...credit, amount: '2.50' }, { 'x-idempotency-key': 'r1' })
    assert.deepEqual([done.status, done.credit_type], ['Success', 'credit'])
    assert.deepEqual(await csa({ ...credit, amount: '2.50' }, { 'x-idempotency-key': 'r1' }), done)
    assert.deepEqual(await csa({ ...credit, amount: '2.50' }), { status: 'Failure', error: 'NALREADYCREDITED' })
    const history = (await csa({ api_action: 'search', trans_id: id })).transactions as Record<string, string>[]
    assert.deepEqual(history.map((r) => [r.ets_transaction_type, r.ets_transaction_amount]), [['O', '9.99'], ['C', '-2.50']])
  })

  it('holds a postback for the configured delay, then posts the signed row with the x_ fields', async () => {
    await restart({ delayMs: 300 })
    const sentAt = Date.now()
    await camcharge(SALE)
    await new Promise((r) => setTimeout(r, 150))
    assert.equal(receiver.received.length, 0)
    const [postback] = await receiver.waitFor(1)
    assert.ok(Date.parse(postback?.receivedAt ?? '') - sentAt >= 295)
    assert.equal(postback?.headers['content-type'], 'application/x-www-form-urlencoded')
    const fields = Object.fromEntries(new URLSearchParams(postback?.rawBody))
    assert.equal(digestMatches(fields, 'key'), true)
    assert.deepEqual([fields.ets_transaction_type, fields.ets_transaction_amount, fields.ets_co_code, fields.x_workflow_id, fields.x_fan_id],
      ['O', '9.99', 'fz1', 'wf-1', 'fan-1'])
  })

  it('delivers every row twice when duplicating, byte for byte', async () => {
    await restart({ duplicate: true })
    await camcharge(SALE)
    const [first, second] = await receiver.waitFor(2)
    assert.equal(second?.rawBody, first?.rawBody)
  })

  it('retries while the merchant answers 503, and stops once it has a 200', async () => {
    await restart({ failFirst: 2 })
    await camcharge(SALE)
    await receiver.waitFor(1)
    await until(() => sandbox.postbacks.deliveries[0]?.delivered === true)
    assert.deepEqual(sandbox.postbacks.deliveries.map((d) => [d.attempts, d.delivered, d.lastStatus]), [[3, true, 200]])
    assert.equal(receiver.received.length, 1)
  })

  it('refuses controls for a transaction it does not hold', async () => {
    assert.equal((await settle('42')).status, 404)
    const chargeback = await fetch(`${server.url}/sandbox/chargeback`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ transactionId: '42' }) })
    assert.equal(chargeback.status, 404)
  })
})
