import assert from 'node:assert/strict'
import { listen, type Listening } from '../listen.ts'
import { RECEIVER_ROUTES, startWebhookReceiver, type WebhookReceiver } from '../webhook-receiver.ts'
import { createSegpaySandbox, type SegpaySandbox } from './server.ts'

const MERCHANT = { packageId: '900200', pricePointId: '27000', recurringPricePointId: '27001', srsUserId: 'srs-user', srsAccessKey: 'srs-key' }
const TERMS = { InitialAmount: '9.99', InitialLength: '30', RecurringAmount: '12.99', RecurringLength: '30' }
const SALE = { eticketid: '900200:27001', octoken: '70000001', amount: '9.99', currencycode: 'EUR', dynamicdesc: 'Gold tier',
  workflowid: 'sub:s-1', fanid: 'fan-1' }
const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1]
const string = (text: string) => `<?xml version="1.0" encoding="utf-8"?>\n<string xmlns="http://tempuri.org/">${text}</string>\n`

describe('segpay sandbox subscriptions', () => {
  let sandbox: SegpaySandbox
  let server: Listening
  let receiver: WebhookReceiver

  beforeEach(async () => {
    receiver = await startWebhookReceiver(RECEIVER_ROUTES.segpay)
    // a bare URL: Segpay then sends every parameter
    sandbox = createSegpaySandbox({ ...MERCHANT, postbackUrl: receiver.url, postbackDelayMs: 5 })
    server = await listen(sandbox.app, 0)
  })
  afterEach(async () => {
    sandbox.stop()
    await Promise.all([server.close(), receiver.close()])
  })

  const srs = async (path: string, params: Record<string, string>, credentials = { UserID: 'srs-user', UserAccessKey: 'srs-key' }) =>
    (await fetch(`${server.url}/${path}?${new URLSearchParams({ ...credentials, ...params })}`)).text()
  const oneClick = async (params: Record<string, string>) =>
    (await fetch(`${server.url}/OneClickSales.asmx/SalesServiceDynamic?${new URLSearchParams(params)}`)).text()
  const price = async (terms: Record<string, string> = TERMS) => JSON.parse(await srs('MerchantServices/DynamicRecurring', terms)) as string
  async function subscribe(): Promise<{ transId: string; purchaseId: string }> {
    const transId = tag(await oneClick({ ...SALE, dynamictrans: await price() }), 'TransID') ?? ''
    return { transId, purchaseId: tag(await srs('MWS.asmx/TransactionByTransID', { TransID: transId }), 'PurchaseID') ?? '' }
  }
  const rebill = (ref: string, body: unknown) => fetch(`${server.url}/sandbox/subscriptions/${ref}/rebill`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const status = async (ref: string) => {
    const res = await fetch(`${server.url}/sandbox/subscriptions/${ref}`)
    return { status: res.status, subscription: ((await res.json()) as { subscription?: Record<string, unknown> }).subscription }
  }
  const paramsOf = (n: { url: string }) => Object.fromEntries(new URL(n.url, 'http://x').searchParams)

  it('prices Dynamic Recurring terms for the merchant only, and sells on the recurring price point only with them', async () => {
    assert.match(await srs('MerchantServices/DynamicRecurring', TERMS), /^"[\w-]+"$/)
    assert.equal(await srs('MerchantServices/DynamicRecurring', TERMS, { UserID: 'srs-user', UserAccessKey: 'wrong' }), string('Invalid Merchant'))
    assert.equal(await srs('MerchantServices/DynamicRecurring', { ...TERMS, RecurringLength: '0' }), string('Invalid pricing'))
    assert.equal(await srs('MerchantServices/DynamicRecurring', { ...TERMS, InitialAmount: '9.999' }), string('Invalid pricing'))
    const value = await price()
    for (const params of [SALE, { ...SALE, dynamictrans: 'forged' }, { ...SALE, dynamictrans: value, amount: '1.00' }]) {
      assert.equal(tag(await oneClick(params), 'AuthCode'), 'Invalid dynamictrans')
    }
    assert.equal(sandbox.state.subscriptions.size, 0)
  })

  it('opens a new purchase per approved recurring sale, reported as Recurring, with an Initial postback echoing our parameters', async () => {
    const { transId, purchaseId } = await subscribe()
    assert.match(purchaseId, /^\d{10}$/)
    assert.notEqual(purchaseId, SALE.octoken)
    assert.match(await srs('MWS.asmx/TransactionByTransID', { TransID: transId }), /<PurchType>Recurring<\/PurchType>/)
    const { status: code, subscription } = await status(purchaseId)
    assert.equal(code, 200)
    assert.deepEqual(subscription && [subscription.status, subscription.recurringAmount, subscription.currency, subscription.periodDays,
      subscription.passThrough], ['active', '12.99', 'EUR', 30, { workflowid: 'sub:s-1', fanid: 'fan-1' }])
    const initial = paramsOf((await receiver.waitFor(1))[0] ?? assert.fail('no postback'))
    assert.deepEqual([initial.stage, initial.purchaseid, initial.tranid, initial.eticketid, initial.workflowid], ['Initial', purchaseId, transId,
      '900200:27001', 'sub:s-1'])
    assert.equal(tag(await oneClick({ ...SALE, octoken: '70000002', dynamictrans: await price() }), 'AuthCode'), '51:Insufficient Funds')
    assert.equal(sandbox.state.subscriptions.size, 1)
    assert.equal((await status(SALE.octoken)).status, 404)
  })

  it('rebills on demand: Conversion first, Rebill after, declines with approved No, duplicates on request', async () => {
    const { purchaseId } = await subscribe()
    for (const body of [{ outcome: 'approve' }, { outcome: 'approve', duplicate: true }, { outcome: 'decline' }]) {
      assert.equal((await rebill(purchaseId, body)).status, 200)
    }
    const rebills = (await receiver.waitFor(5)).map(paramsOf).filter((p) => p.stage !== 'Initial')
    assert.deepEqual(rebills.map((p) => `${p.stage}/${p.approved}`).sort(), ['Conversion/Yes', 'Rebill/No', 'Rebill/Yes', 'Rebill/Yes'])
    for (const p of rebills) assert.deepEqual([p.purchaseid, p.price, p.currencycode, p.workflowid, p.trantype], [purchaseId, '12.99', 'EUR', 'sub:s-1', 'Sale'])
    const duplicated = rebills.filter((p) => p.stage === 'Rebill' && p.approved === 'Yes')
    assert.equal(duplicated[0]?.tranid, duplicated[1]?.tranid)
    assert.equal((await status(purchaseId)).subscription?.timesRebilled, 2)
    assert.deepEqual([...(await srs('MWS.asmx/TransactionByPurchaseID', { PurchaseID: purchaseId })).matchAll(/<Auth>(\w+)<\/Auth>/g)]
      .map((m) => m[1]), ['Yes', 'Yes', 'Yes', 'No'])
  })

  it('refuses a rebill of an unknown purchase (404) or with a body that is not one (400)', async () => {
    const { purchaseId } = await subscribe()
    assert.equal((await rebill('5550001110', { outcome: 'approve' })).status, 404)
    for (const body of [{}, { outcome: 'later' }, { outcome: 'decline', duplicate: 1 }]) assert.equal((await rebill(purchaseId, body)).status, 400)
  })

  it('cancels through SRS CancelMembership once, with Segpay\'s answers, a Cancel postback, and no further rebills', async () => {
    const { purchaseId } = await subscribe()
    assert.equal(await srs('ADM.asmx/CancelMembership', { PurchaseID: purchaseId, CancelReason: 'fan' }, { UserID: 'srs-user', UserAccessKey: 'x' }),
      string('Invalid Merchant'))
    assert.equal(await srs('ADM.asmx/CancelMembership', { CancelReason: 'fan' }), string('Missing Parameter'))
    assert.equal(await srs('ADM.asmx/CancelMembership', { PurchaseID: '70000001' }), string('PurchaseID/MerchantID Mismatch'))
    assert.equal(await srs('ADM.asmx/CancelMembership', { PurchaseID: purchaseId, CancelReason: 'fan' }), string('Successful'))
    assert.equal(await srs('adm.asmx/CancelMembership', { PurchaseID: purchaseId }), string('Subscription not active, cancel failed'))
    assert.equal((await rebill(purchaseId, { outcome: 'approve' })).status, 409)
    assert.equal((await status(purchaseId)).subscription?.status, 'cancelled')
    await receiver.waitFor(2)
    await new Promise((r) => setTimeout(r, 50))
    const cancels = receiver.received.map(paramsOf).filter((p) => p.action === 'Cancel')
    assert.equal(cancels.length, 1)
    assert.deepEqual([cancels[0]?.purchaseid, cancels[0]?.eticketid, cancels[0]?.workflowid], [purchaseId, '900200:27001', 'sub:s-1'])
    assert.match(cancels[0]?.transtime ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/)
  })
})
