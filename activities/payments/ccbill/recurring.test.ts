import assert from 'node:assert/strict'
import { ApplicationFailure } from '@temporalio/common'
import { createCcbillSandbox, type CcbillSandbox } from '../../../ops/sandboxes/ccbill/server.ts'
import { listen, type Listening } from '../../../ops/sandboxes/listen.ts'
import { startWebhookReceiver, type WebhookReceiver } from '../../../ops/sandboxes/webhook-receiver.ts'
import type { ChargeRequest } from '../driver.ts'
import { createCcbillDriver } from './driver.ts'

const CREDENTIALS = { appId: 'fanz-test-app', secret: 'fanz-test-secret', clientAccnum: '900100', datalinkUsername: 'fanzdl',
  datalinkPassword: 'fanzdl-pass' }

describe('ccbill processor-owned rebilling against the sandbox', () => {
  let sandbox: CcbillSandbox
  let server: Listening
  let receiver: WebhookReceiver
  let bodies: Record<string, unknown>[]

  beforeEach(async () => {
    receiver = await startWebhookReceiver()
    sandbox = createCcbillSandbox({ ...CREDENTIALS, webhookUrl: receiver.url, webhookDelayMs: 5 })
    server = await listen(sandbox.app, 0)
  })
  afterEach(async () => {
    sandbox.stop()
    await Promise.all([server.close(), receiver.close()])
  })

  function driver() {
    bodies = []
    const recording: typeof fetch = (input, init) => {
      if (String(input).includes('/payment-tokens/')) bodies.push(JSON.parse(String(init?.body)) as Record<string, unknown>)
      return fetch(input, init)
    }
    return createCcbillDriver({ apiBaseUrl: server.url, datalinkBaseUrl: server.url, clientSubacc: '0000', ...CREDENTIALS,
      allowedSourceCidrs: ['127.0.0.1/32'], maxNotificationAgeMs: 60_000, fetch: recording })
  }
  const charge = (over: Partial<ChargeRequest> = {}): ChargeRequest => ({
    idempotencyKey: `sub:s-1:c0:initial:${Math.random()}`, paymentToken: 'tok_approve_visa', amount: 999, currency: 'USD',
    description: 'Gold tier', reference: { workflowId: 'sub:s-1', fanId: 'fan-1' }, recurring: { periodDays: 30, rebillAmount: 1299 }, ...over,
  })
  const rebill = (ref: string, body: unknown) => fetch(`${server.url}/sandbox/subscriptions/${ref}/rebill`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
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

  it('sends the recurring terms in CCBill\'s fields and answers the subscription id', async () => {
    const d = driver()
    const result = await d.charge(charge())
    assert.ok(result.status === 'approved')
    assert.equal(result.subscriptionRef, result.transactionId)
    assert.deepEqual([bodies[0]?.initialPrice, bodies[0]?.initialPeriod, bodies[0]?.recurringPrice, bodies[0]?.recurringPeriod, bodies[0]?.rebills],
      [9.99, 30, 12.99, 30, 99])
    const sale = d.parseNotification((await receiver.waitFor(1))[0] ?? assert.fail('no sale webhook'))
    assert.deepEqual([sale.type, sale.subscriptionRef, sale.reference.workflowId], ['sale', result.subscriptionRef, 'sub:s-1'])
  })

  it('sends no recurring fields for a one-time charge and answers no subscription id', async () => {
    const d = driver()
    const result = await d.charge(charge({ recurring: undefined, reference: { workflowId: 'ppv:fan-1:post-1', fanId: 'fan-1' } }))
    assert.ok(result.status === 'approved')
    assert.equal(result.subscriptionRef, undefined)
    assert.deepEqual([bodies[0]?.initialPeriod, 'recurringPrice' in (bodies[0] ?? {}), 'rebills' in (bodies[0] ?? {})], [30, false, false])
    assert.equal(d.parseNotification((await receiver.waitFor(1))[0] ?? assert.fail('no sale webhook')).subscriptionRef, null)
  })

  it('refuses recurring terms CCBill cannot bill, non-retryably', async () => {
    for (const recurring of [{ periodDays: 0, rebillAmount: 999 }, { periodDays: 30, rebillAmount: 0 }, { periodDays: 7.5, rebillAmount: 999 }]) {
      await assert.rejects(driver().charge(charge({ recurring })), isNonRetryable('CCBILL_BAD_REQUEST'))
    }
  })

  it('turns the sandbox\'s rebills into rebill and rebill_failed events routed to the subscription workflow', async () => {
    const d = driver()
    const ref = await subscribe(d)
    assert.equal((await rebill(ref, { outcome: 'approve' })).status, 200)
    assert.equal((await rebill(ref, { outcome: 'decline' })).status, 200)
    const events = (await receiver.waitFor(3)).map((n) => d.parseNotification(n))
    const [renewed, failed] = [events.find((e) => e.type === 'rebill'), events.find((e) => e.type === 'rebill_failed')]
    assert.deepEqual([renewed?.type, renewed?.amount, renewed?.currency, renewed?.processorFee, renewed?.subscriptionRef, renewed?.transactionId],
      ['rebill', 1299, 'USD', null, ref, ref])
    assert.deepEqual([failed?.type, failed?.amount, failed?.subscriptionRef], ['rebill_failed', null, ref])
    assert.deepEqual([renewed?.reference, failed?.reference], [{ workflowId: 'sub:s-1', fanId: 'fan-1' }, { workflowId: 'sub:s-1', fanId: 'fan-1' }])
    assert.notEqual(renewed?.eventId, failed?.eventId)
  })

  it('cancels the rebilling once, however often asked, and the Cancellation webhook reaches the workflow', async () => {
    const d = driver()
    const ref = await subscribe(d)
    assert.deepEqual(await cancel(d, ref), { cancelled: true })
    assert.deepEqual(await cancel(d, ref), { cancelled: true })
    assert.deepEqual(await cancel(d, ref, 'sub:s-1:stop:again'), { cancelled: true })
    assert.equal((await rebill(ref, { outcome: 'approve' })).status, 409)
    await receiver.waitFor(2)
    // a second Cancellation would arrive within a few ms
    await new Promise((r) => setTimeout(r, 50))
    const events = receiver.received.map((n) => d.parseNotification(n))
    assert.deepEqual(events.map((e) => e.processorType).sort(), ['Cancellation', 'NewSaleSuccess'])
    const cancellation = events.find((e) => e.type === 'cancellation')
    assert.deepEqual([cancellation?.subscriptionRef, cancellation?.transactionId, cancellation?.reference.workflowId], [ref, ref, 'sub:s-1'])
  })

  it('has nothing to cancel on a one-time sale, and no subscription by an unknown id', async () => {
    const d = driver()
    const sale = await d.charge(charge({ recurring: undefined }))
    assert.deepEqual(await cancel(d, sale.transactionId ?? ''), { cancelled: false })
    await assert.rejects(cancel(d, '1234'), isNonRetryable('CCBILL_UNKNOWN_SUBSCRIPTION'))
  })
})
