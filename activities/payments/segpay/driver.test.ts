import assert from 'node:assert/strict'
import { ApplicationFailure } from '@temporalio/common'
import { listen, type Listening } from '../../../ops/sandboxes/listen.ts'
import { RECEIVER_ROUTES, startWebhookReceiver, type WebhookReceiver } from '../../../ops/sandboxes/webhook-receiver.ts'
import { createSegpaySandbox, type SegpaySandbox, type SegpaySandboxOptions } from '../../../ops/sandboxes/segpay/server.ts'
import { DECLINES, type ChargeRequest, type RefundRequest } from '../driver.ts'
import { POSTBACK_QUERY_TEMPLATE } from './codes.ts'
import { createSegpayDriver, type SegpayDriverConfig } from './driver.ts'

const MERCHANT = { packageId: '900200', pricePointId: '27000', srsUserId: 'fanz-test-srs', srsAccessKey: 'fanz-test-key' }

describe('segpay driver against the sandbox', () => {
  let sandbox: SegpaySandbox
  let server: Listening
  let receiver: WebhookReceiver

  /** `template: false` registers the bare URL, as the local stack does: Segpay then sends every parameter. */
  async function start(options: Partial<SegpaySandboxOptions> = {}, template = true) {
    receiver = await startWebhookReceiver(RECEIVER_ROUTES.segpay)
    const postbackUrl = template ? `${receiver.url}?${POSTBACK_QUERY_TEMPLATE}` : receiver.url
    sandbox = createSegpaySandbox({ ...MERCHANT, postbackUrl, postbackDelayMs: 10, ...options })
    server = await listen(sandbox.app, 0)
  }
  const shutdown = async () => {
    sandbox.stop()
    await Promise.all([server.close(), receiver.close()])
  }
  beforeEach(() => start())
  afterEach(shutdown)

  let calls: string[]
  const driver = (overrides: Partial<SegpayDriverConfig> = {}) => {
    calls = []
    const recording: typeof fetch = (input, init) => {
      calls.push(new URL(String(input)).pathname)
      return fetch(input, init)
    }
    return createSegpayDriver({ oneClickBaseUrl: server.url, srsBaseUrl: server.url, ...MERCHANT, allowedSourceCidrs: ['127.0.0.1/32'],
      maxNotificationAgeMs: 60_000, fetch: recording, ...overrides })
  }
  const charge = (over: Partial<ChargeRequest> = {}): ChargeRequest => ({
    idempotencyKey: `purchase:p-1:charge:${Math.random()}`, paymentToken: '70000001', amount: 999, currency: 'USD', description: 'PPV post',
    reference: { workflowId: 'ppv:fan-1:post-1', fanId: 'fan-1' }, ...over,
  })
  const refundOf = (transactionId: string, over: Partial<RefundRequest> = {}): RefundRequest =>
    ({ idempotencyKey: 'refund:p-1:refund', transactionId, amount: 999, currency: 'USD', reason: 'fan asked', ...over })
  const control = (path: string, transactionId: string) => fetch(`${server.url}/sandbox/${path}`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ transactionId }) })
  const approvedId = async (d: ReturnType<typeof driver>, over: Partial<ChargeRequest> = {}) => {
    const result = await d.charge(charge(over))
    assert.equal(result.status, 'approved')
    return result.transactionId ?? ''
  }
  const isNonRetryable = (type: string) => (err: Error) => err instanceof ApplicationFailure && err.nonRetryable && err.type === type

  it('approves on the stored purchase, books the estimated fee, and the postback routes back to the workflow', async () => {
    const d = driver()
    const result = await d.charge(charge())
    assert.ok(result.status === 'approved')
    assert.match(result.transactionId, /^\d{13}$/)
    assert.equal(result.processorFee, 115)
    const [sale] = await receiver.waitFor(1)
    assert.ok(sale)
    const event = d.parseNotification(sale)
    assert.deepEqual([event.type, event.transactionId, event.amount, event.currency], ['sale', result.transactionId, 999, 'USD'])
    assert.deepEqual(event.reference, { workflowId: 'ppv:fan-1:post-1', fanId: 'fan-1' })
    assert.equal(event.raw.purchaseid, '70000001')
    assert.deepEqual(d.notificationAck(), { status: 200, contentType: 'text/plain', body: 'OK' })
  })

  const declines: [string, string][] = [
    ['70000002', DECLINES.insufficientFunds], ['70000003', DECLINES.fraudSuspected], ['70000004', DECLINES.expiredCard],
    ['70000005', DECLINES.cardDeclined], ['70000006', DECLINES.expiredCard], ['70000009', DECLINES.invalidToken],
    ['tok_not_a_purchase', DECLINES.invalidToken],
  ]
  for (const [paymentToken, decline] of declines) {
    it(`declines OCToken ${paymentToken} as ${decline}, with no postback`, async () => {
      const result = await driver().charge(charge({ paymentToken }))
      assert.ok(result.status === 'declined')
      assert.deepEqual([result.decline, result.transactionId], [decline, null])
      assert.ok(result.message.length > 0)
      assert.equal(sandbox.postbacks.deliveries.length, 0)
    })
  }

  it('answers a retried charge with the first result and charges once', async () => {
    const d = driver()
    const request = charge({ paymentToken: '81000001' })
    const [first, second] = [await d.charge(request), await d.charge(request)]
    assert.equal(second.transactionId, first.transactionId)
    const third = await d.charge({ ...request, idempotencyKey: `${request.idempotencyKey}:other` })
    assert.notEqual(third.transactionId, first.transactionId)
    assert.equal(sandbox.state.byPurchase('81000001').length, 2)
  })

  it('voids an unsettled sale, keeps a retry from reversing twice, and the void postback parses', async () => {
    const d = driver()
    const id = await approvedId(d)
    const first = await d.refund(refundOf(id))
    assert.equal(first.status, 'voided')
    assert.equal(first.feeRefunded, true)
    // a retry after a lost answer finds the void on record and does not ask Segpay again (Segpay ignores our key)
    assert.deepEqual(await d.refund(refundOf(id, { idempotencyKey: 'refund:p-1:refund:retry' })), first)
    assert.equal(calls.filter((path) => path === '/ADM.asmx/RefundTransaction').length, 1)
    assert.deepEqual(await d.status(id), { transactionId: id, state: 'voided' })
    assert.equal(sandbox.state.list().filter((t) => t.relatedTransId === id).length, 1)
    const voided = (await receiver.waitFor(2)).map((n) => d.parseNotification(n)).find((e) => e.type === 'void')
    assert.deepEqual([voided?.transactionId, voided?.amount, voided?.reference.workflowId], [id, 999, 'ppv:fan-1:post-1'])
  })

  it('refunds a settled sale instead, and the credit postback parses', async () => {
    const d = driver()
    const id = await approvedId(d)
    assert.equal((await control('settle', id)).status, 200)
    const result = await d.refund(refundOf(id))
    assert.deepEqual([result.status, result.feeRefunded], ['refunded', false])
    assert.equal(sandbox.state.find(result.refundId)?.type, 'Refund')
    assert.equal((await d.status(id)).state, 'refunded')
    const refund = (await receiver.waitFor(2)).map((n) => d.parseNotification(n)).find((e) => e.type === 'refund')
    assert.deepEqual([refund?.transactionId, refund?.amount, refund?.currency, refund?.reference.fanId], [id, 999, 'USD', 'fan-1'])
  })

  it('refuses partial refunds and unknown transactions without calling Segpay to reverse', async () => {
    const d = driver()
    const id = await approvedId(d)
    await assert.rejects(d.refund(refundOf(id, { amount: 500 })), isNonRetryable('SEGPAY_PARTIAL_REFUND_UNSUPPORTED'))
    await assert.rejects(d.refund(refundOf('1234')), isNonRetryable('SEGPAY_UNKNOWN_TRANSACTION'))
    assert.equal((await d.status(id)).state, 'approved')
  })

  it('reports approved, chargeback and unknown states and refuses to refund a chargeback', async () => {
    const d = driver()
    const id = await approvedId(d)
    assert.deepEqual(await d.status(id), { transactionId: id, state: 'approved' })
    assert.deepEqual(await d.status('1234'), { transactionId: '1234', state: 'unknown' })
    assert.equal((await control('chargeback', id)).status, 200)
    assert.equal((await d.status(id)).state, 'chargeback')
    await assert.rejects(d.refund(refundOf(id)), isNonRetryable('SEGPAY_ALREADY_CHARGED_BACK'))
    const chargeback = (await receiver.waitFor(2)).map((n) => d.parseNotification(n)).find((e) => e.type === 'chargeback')
    assert.deepEqual([chargeback?.transactionId, chargeback?.amount], [id, 999])
  })

  it('fails retryably on wrong SRS credentials or a server Segpay has not whitelisted', async () => {
    const id = await approvedId(driver())
    const wrongKey = driver({ srsAccessKey: 'wrong' })
    for (const call of [() => wrongKey.status(id), () => wrongKey.refund(refundOf(id))]) {
      await assert.rejects(call(), (err: Error) => !(err instanceof ApplicationFailure) && /Invalid Merchant.*access key/.test(err.message))
    }
    await shutdown()
    await start({ merchantServerIps: ['203.0.113.10'] })
    await assert.rejects(driver().charge(charge()), (err: Error) => !(err instanceof ApplicationFailure) && /HTTP 403/.test(err.message))
    assert.equal(sandbox.state.list().length, 0)
  })

  it('fails non-retryably on a price point that is not ours or a currency Segpay does not bill', async () => {
    await assert.rejects(driver({ pricePointId: '99999' }).charge(charge()), isNonRetryable('SEGPAY_BAD_REQUEST'))
    await assert.rejects(driver().charge(charge({ currency: 'USDC', amount: 1_000_000 })), isNonRetryable('SEGPAY_UNSUPPORTED_CURRENCY'))
  })

  it('gives duplicate deliveries the same eventId, from a postback URL without tokens too', async () => {
    await shutdown()
    await start({ duplicatePostbacks: true }, false)
    const d = driver()
    await d.charge(charge())
    const events = (await receiver.waitFor(2)).map((n) => d.parseNotification(n))
    assert.equal(events.length, 2)
    assert.equal(events[0]?.eventId, events[1]?.eventId)
    assert.deepEqual([events[0]?.type, events[0]?.reference.workflowId], ['sale', 'ppv:fan-1:post-1'])
  })
})
