import assert from 'node:assert/strict'
import { ApplicationFailure } from '@temporalio/common'
import { listen, type Listening } from '../../../ops/sandboxes/listen.ts'
import { createSegpaySandbox, type SegpaySandbox } from '../../../ops/sandboxes/segpay/server.ts'
import { RECEIVER_ROUTES, startWebhookReceiver, type WebhookReceiver } from '../../../ops/sandboxes/webhook-receiver.ts'
import type { ChargeRequest } from '../driver.ts'
import { POSTBACK_QUERY_TEMPLATE } from './codes.ts'
import { createSegpayDriver, type SegpayDriverConfig } from './driver.ts'

const MERCHANT = { packageId: '900200', pricePointId: '27000', srsUserId: 'fanz-test-srs', srsAccessKey: 'fanz-test-key' }

describe('segpay processor-owned rebilling against the sandbox', () => {
  let sandbox: SegpaySandbox
  let server: Listening
  let receiver: WebhookReceiver
  let calls: URL[]

  beforeEach(async () => {
    receiver = await startWebhookReceiver(RECEIVER_ROUTES.segpay)
    sandbox = createSegpaySandbox({ ...MERCHANT, recurringPricePointId: '27001', postbackUrl: `${receiver.url}?${POSTBACK_QUERY_TEMPLATE}`,
      postbackDelayMs: 5 })
    server = await listen(sandbox.app, 0)
  })
  afterEach(async () => {
    sandbox.stop()
    await Promise.all([server.close(), receiver.close()])
  })

  const driver = (overrides: Partial<SegpayDriverConfig> = {}) => {
    calls = []
    const recording: typeof fetch = (input, init) => {
      calls.push(new URL(String(input)))
      return fetch(input, init)
    }
    return createSegpayDriver({ oneClickBaseUrl: server.url, srsBaseUrl: server.url, ...MERCHANT, recurringPricePointId: '27001',
      allowedSourceCidrs: ['127.0.0.1/32'], maxNotificationAgeMs: 60_000, fetch: recording, ...overrides })
  }
  const charge = (over: Partial<ChargeRequest> = {}): ChargeRequest => ({
    idempotencyKey: `sub:s-1:c0:initial:${Math.random()}`, paymentToken: '70000001', amount: 999, currency: 'USD', description: 'Gold tier',
    reference: { workflowId: 'sub:s-1', fanId: 'fan-1' }, recurring: { periodDays: 30, rebillAmount: 1299 }, ...over,
  })
  const rebill = (ref: string, outcome: string) => fetch(`${server.url}/sandbox/subscriptions/${ref}/rebill`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outcome }) })
  const cancel = (d: ReturnType<typeof driver>, subscriptionRef: string, idempotencyKey = 'sub:s-1:stop') => {
    assert.ok(d.cancelRecurring, 'the driver cancels rebilling')
    return d.cancelRecurring({ idempotencyKey, subscriptionRef, reason: 'fan cancelled' })
  }
  const isNonRetryable = (type: string) => (err: Error) => err instanceof ApplicationFailure && err.nonRetryable && err.type === type

  async function subscribe(d: ReturnType<typeof driver>) {
    const result = await d.charge(charge())
    assert.ok(result.status === 'approved')
    assert.ok(result.subscriptionRef)
    return result.subscriptionRef
  }

  it('prices the terms through SRS DynamicRecurring, sells on the recurring price point, and names the new purchase', async () => {
    const d = driver()
    const result = await d.charge(charge())
    assert.ok(result.status === 'approved')
    const [pricing, sale, report] = calls
    assert.deepEqual([pricing?.pathname, pricing?.searchParams.get('InitialAmount'), pricing?.searchParams.get('InitialLength'),
      pricing?.searchParams.get('RecurringAmount'), pricing?.searchParams.get('RecurringLength')],
    ['/MerchantServices/DynamicRecurring', '9.99', '30', '12.99', '30'])
    assert.deepEqual([sale?.searchParams.get('eticketid'), sale?.searchParams.get('amount'), sale?.searchParams.get('octoken')],
      ['900200:27001', '9.99', '70000001'])
    assert.ok(sale?.searchParams.get('dynamictrans'))
    assert.equal(report?.pathname, '/MWS.asmx/TransactionByTransID')
    assert.ok(result.subscriptionRef && result.subscriptionRef !== '70000001', 'a recurring One-Click opens a new purchase')
    const initial = d.parseNotification((await receiver.waitFor(1))[0] ?? assert.fail('no postback'))
    assert.deepEqual([initial.type, initial.processorType, initial.transactionId, initial.subscriptionRef, initial.reference.workflowId],
      ['sale', 'sale/auth/initial/yes', result.transactionId, result.subscriptionRef, 'sub:s-1'])
  })

  it('charges a one-time sale on the one-time price point as before, naming no subscription', async () => {
    const result = await driver().charge(charge({ recurring: undefined, reference: { workflowId: 'ppv:fan-1:post-1', fanId: 'fan-1' } }))
    assert.ok(result.status === 'approved')
    assert.equal(result.subscriptionRef, undefined)
    assert.deepEqual(calls.map((c) => [c.pathname, c.searchParams.get('eticketid')]), [['/OneClickSales.asmx/SalesServiceDynamic', '900200:27000']])
  })

  it('refuses recurring charges it cannot make, non-retryably; a declined card is a decline', async () => {
    await assert.rejects(driver({ recurringPricePointId: undefined }).charge(charge()), isNonRetryable('SEGPAY_RECURRING_UNAVAILABLE'))
    await assert.rejects(driver().charge(charge({ recurring: { periodDays: 0, rebillAmount: 1299 } })), isNonRetryable('SEGPAY_BAD_REQUEST'))
    await assert.rejects(driver({ recurringPricePointId: '99999' }).charge(charge()), isNonRetryable('SEGPAY_BAD_REQUEST'))
    const declined = await driver().charge(charge({ paymentToken: '70000002' }))
    assert.deepEqual([declined.status, 'subscriptionRef' in declined], ['declined', false])
    assert.equal(sandbox.state.subscriptions.size, 0)
  })

  it('turns the sandbox\'s rebills into rebill (Conversion, then Rebill) and rebill_failed events routed to the workflow', async () => {
    const d = driver()
    const ref = await subscribe(d)
    for (const outcome of ['approve', 'approve', 'decline']) assert.equal((await rebill(ref, outcome)).status, 200)
    const events = (await receiver.waitFor(4)).map((n) => d.parseNotification(n)).filter((e) => e.type !== 'sale')
    assert.deepEqual(events.map((e) => e.processorType).sort(), ['sale/auth/conversion/yes', 'sale/auth/rebill/no', 'sale/auth/rebill/yes'])
    for (const e of events) {
      assert.deepEqual([e.subscriptionRef, e.processorFee, e.reference.workflowId, e.raw.purchaseid], [ref, null, 'sub:s-1', ref])
      assert.equal(e.type, e.processorType.endsWith('/yes') ? 'rebill' : 'rebill_failed')
    }
    const renewal = events.find((e) => e.type === 'rebill')
    assert.deepEqual([renewal?.amount, renewal?.currency], [1299, 'USD'])
    assert.equal(new Set(events.map((e) => e.eventId)).size, 3)
  })

  it('cancels the rebilling once, however often asked, and the Cancellation postback reaches the workflow', async () => {
    const d = driver()
    const ref = await subscribe(d)
    assert.deepEqual(await cancel(d, ref), { cancelled: true })
    assert.deepEqual(await cancel(d, ref), { cancelled: true })
    assert.deepEqual(await cancel(d, ref, 'sub:s-1:stop:again'), { cancelled: true })
    assert.equal((await rebill(ref, 'approve')).status, 409)
    await receiver.waitFor(2)
    await new Promise((r) => setTimeout(r, 50))
    const events = receiver.received.map((n) => d.parseNotification(n))
    assert.deepEqual(events.map((e) => e.type).sort(), ['cancellation', 'sale'])
    const cancellation = events.find((e) => e.type === 'cancellation')
    assert.deepEqual([cancellation?.subscriptionRef, cancellation?.transactionId, cancellation?.reference.workflowId], [ref, ref, 'sub:s-1'])
    await assert.rejects(cancel(d, '5550001110', 'sub:s-2:stop'), isNonRetryable('SEGPAY_UNKNOWN_SUBSCRIPTION'))
  })
})
