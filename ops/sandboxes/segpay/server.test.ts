import assert from 'node:assert/strict'
import { listen, type Listening } from '../listen.ts'
import { RECEIVER_ROUTES, startWebhookReceiver, type WebhookReceiver } from '../webhook-receiver.ts'
import { postbackUrl } from './postbacks.ts'
import { createSegpaySandbox, type SegpaySandbox, type SegpaySandboxOptions } from './server.ts'

const MERCHANT = { packageId: '900200', pricePointId: '27000', srsUserId: 'srs-user', srsAccessKey: 'srs-key' }
const SALE = { eticketid: '900200:27000', octoken: '70000001', amount: '9.99', currencycode: 'USD', dynamicdesc: 'PPV',
  workflowid: 'wf-1', fanid: 'fan-1', 'x-billemail': 'not@passed.through' }
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1]

describe('segpay sandbox wire protocol', () => {
  let sandbox: SegpaySandbox
  let server: Listening
  let receiver: WebhookReceiver

  async function start(options: Partial<SegpaySandboxOptions> = {}, failFirst = 0) {
    receiver = await startWebhookReceiver({ ...RECEIVER_ROUTES.segpay, failFirst })
    sandbox = createSegpaySandbox({ ...MERCHANT, postbackUrl: receiver.url, postbackDelayMs: 5, ...options })
    server = await listen(sandbox.app, 0)
  }
  afterEach(async () => {
    sandbox.stop()
    await Promise.all([server.close(), receiver.close()])
  })

  const oneClick = async (params: Record<string, string>, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}/OneClickSales.asmx/SalesServiceDynamic?${new URLSearchParams(params)}`, { headers })
    return { status: res.status, body: await res.text() }
  }
  const srs = async (path: string, params: Record<string, string>, headers: Record<string, string> = {}) => {
    const query = new URLSearchParams({ UserID: 'srs-user', UserAccessKey: 'srs-key', ...params })
    return (await fetch(`${server.url}/${path}?${query}`, { headers })).text()
  }

  it('runs One-Click sales for the merchant package only and answers refusals as TransID 0', async () => {
    await start()
    const cases: [Record<string, string>, string | RegExp, string][] = [
      [SALE, /^\d{13}$/, '00:Approved'],
      [{ ...SALE, eticketid: '900200:11111' }, '0', 'Invalid eticketid'],
      [{ ...SALE, amount: '9.999' }, '0', 'Invalid amount'],
      [{ ...SALE, amount: '0' }, '0', 'Invalid amount'],
      [{ ...SALE, currencycode: 'XXX' }, '0', 'Invalid currency'],
      [{ ...SALE, octoken: '123' }, '0', 'Invalid OCToken'],
      [{ ...SALE, octoken: '70000009' }, '0', 'Invalid OCToken'],
      [{ ...SALE, octoken: '70000002' }, '0', '51:Insufficient Funds'],
    ]
    for (const [params, transId, authCode] of cases) {
      const { status, body } = await oneClick(params)
      assert.equal(status, 200)
      assert.match(body, /^<\?xml version="1.0" encoding="utf-8"\?>\n<TransReturn /)
      assert.match(tag(body, 'TransID') ?? '', typeof transId === 'string' ? new RegExp(`^${transId}$`) : transId, JSON.stringify(params))
      assert.equal(tag(body, 'AuthCode'), authCode)
    }
    const [approved, declined, ...rest] = sandbox.state.list()
    assert.deepEqual([approved?.state, approved?.passThrough, declined?.state, rest.length], ['approved', { workflowid: 'wf-1', fanid: 'fan-1' },
      'declined', 0])
  })

  it('refuses callers outside the merchant whitelist with HTTP 403', async () => {
    await start({ merchantServerIps: ['203.0.113.10'] })
    assert.equal((await oneClick(SALE)).status, 403)
    assert.equal(sandbox.state.list().length, 0)
  })

  it('replays a keyed One-Click answer byte for byte without a second sale', async () => {
    await start()
    const first = await oneClick(SALE, { 'x-idempotency-key': 'k1' })
    assert.deepEqual(await oneClick(SALE, { 'x-idempotency-key': 'k1' }), first)
    assert.notEqual(tag((await oneClick(SALE, { 'x-idempotency-key': 'k2' })).body, 'TransID'), tag(first.body, 'TransID'))
    assert.equal(sandbox.state.list().length, 2)
  })

  it('answers SRS tasks in <string> and reports as DataSets, with Segpay error texts', async () => {
    await start()
    const transId = tag((await oneClick(SALE)).body, 'TransID') ?? ''
    const string = (text: string) => `<?xml version="1.0" encoding="utf-8"?>\n<string xmlns="http://tempuri.org/">${text}</string>\n`
    assert.equal(await srs('ADM.asmx/RefundTransaction', { TransID: transId, UserAccessKey: 'wrong' }), string('Invalid Merchant'))
    assert.equal(await srs('ADM.asmx/RefundTransaction', {}), string('Missing Parameter'))
    assert.equal(await srs('ADM.asmx/RefundTransaction', { TransID: '42' }), string('TransID/MerchantID Mismatch'))
    assert.equal(await srs('adm.asmx/RefundTransaction', { TransID: transId }, { 'x-idempotency-key': 'r1' }), string('Successful'))
    assert.equal(await srs('ADM.asmx/RefundTransaction', { TransID: transId }, { 'x-idempotency-key': 'r1' }), string('Successful'))
    assert.equal(await srs('ADM.asmx/RefundTransaction', { TransID: transId }), string('Transaction not eligible for refund'))
    const report = await srs('MWS.asmx/TransactionByPurchaseID', { PurchaseID: '70000001' })
    assert.match(report, /<diffgr:diffgram [^>]*>\n {4}<NewDataSet xmlns="">/)
    const types = [...report.matchAll(/<Type>(\w+)<\/Type>/g)].map((m) => m[1])
    assert.deepEqual(types, ['Sale', 'Void'])
    assert.match(report, new RegExp(`<RelatedTransID>${transId}</RelatedTransID>`))
    assert.match(await srs('MWS.asmx/TransactionByTransID', { TransID: transId }), /<TransAmount>9\.9900<\/TransAmount>/)
    assert.doesNotMatch(await srs('MWS.asmx/TransactionByTransID', { TransID: '42' }), /<Data /)
  })

  it('posts the postback after the configured delay, its values in the query string', async () => {
    await start({ postbackDelayMs: 300 })
    const sentAt = Date.now()
    await oneClick(SALE)
    await sleep(150)
    assert.equal(receiver.received.length, 0)
    const [postback] = await receiver.waitFor(1)
    assert.ok(postback)
    assert.ok(Date.parse(postback.receivedAt) - sentAt >= 300, 'arrived before the delay')
    const q = Object.fromEntries(new URL(postback.url, 'http://x').searchParams)
    assert.deepEqual([postback.method, postback.sourceIp.replace('::ffff:', ''), q.action, q.stage, q.trantype, q.approved, q.price, q.workflowid,
      q['x-billemail']], ['POST', '127.0.0.1', 'Auth', 'Rebill', 'Sale', 'Yes', '9.99', 'wf-1', undefined])
    assert.match(q.transtime ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/)
  })

  it('delivers every postback twice when duplicating', async () => {
    await start({ duplicatePostbacks: true })
    await oneClick(SALE)
    const [a, b] = await receiver.waitFor(2)
    assert.equal(a?.url, b?.url)
    assert.equal(sandbox.postbacks.deliveries.length, 2)
  })

  it('retries while the merchant answers 503, and stops once delivered', async () => {
    await start({}, 2)
    await oneClick(SALE)
    await receiver.waitFor(1)
    for (let i = 0; i < 50 && !sandbox.postbacks.deliveries[0]?.delivered; i++) await sleep(10)
    assert.deepEqual(sandbox.postbacks.deliveries.map((d) => [d.attempts, d.delivered, d.lastStatus]), [[3, true, 200]])
    assert.equal(receiver.refused.length, 2)
  })

  it('gives up after the configured number of attempts', async () => {
    await start({ postbackAttempts: 2 }, 10)
    await oneClick(SALE)
    // a third attempt would come 250 + 500 ms after the first
    await sleep(1000)
    assert.deepEqual(sandbox.postbacks.deliveries.map((d) => [d.attempts, d.delivered, d.lastStatus]), [[2, false, 503]])
    assert.equal(receiver.received.length, 0)
  })
})

describe('segpay sandbox postback URL', () => {
  const template = 'http://localhost:9/pb?a=<action>&t=<TRANID>&w=<extra workflowid>&missing=<extra nothing>'
  const postback = { fields: { action: 'Void', tranid: '11' }, extras: { workflowid: 'ppv:fan-1:post 1' } }
  const urls: [string, string, string][] = [
    ['fills <name> and <extra NAME> tokens, encoded', template, 'http://127.0.0.1:9/pb?a=Void&t=11&w=ppv%3Afan-1%3Apost%201&missing='],
    ['appends every parameter to a URL without tokens', 'https://merchant.test/pb?k=1',
      'https://merchant.test/pb?k=1&workflowid=ppv%3Afan-1%3Apost+1&action=Void&tranid=11'],
  ]
  for (const [what, url, expected] of urls) {
    it(what, () => assert.equal(postbackUrl(url, postback), expected))
  }

  it('never lets a custom parameter override one of Segpay\'s', () => {
    const url = postbackUrl('https://m.test/pb', { fields: { action: 'Void' }, extras: { action: 'Auth' } })
    assert.equal(new URL(url).searchParams.get('action'), 'Void')
  })
})
