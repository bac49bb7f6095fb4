import assert from 'node:assert/strict'
import { ApplicationFailure } from '@temporalio/common'
import { RECEIVER_ROUTES, startWebhookReceiver, type WebhookReceiver } from '../../../ops/sandboxes/webhook-receiver.ts'
import { createEpochSandbox, type EpochSandbox } from '../../../ops/sandboxes/epoch/server.ts'
import { listen, type Listening } from '../../../ops/sandboxes/listen.ts'
import { DECLINES, type ChargeRequest, type RefundRequest } from '../driver.ts'
import { createEpochDriver, type EpochDriverConfig } from './driver.ts'

const CREDENTIALS = { coCode: 'fz1', hmacKey: 'fanz-test-hmac', csaUsername: 'fanzcsa', csaPassword: 'fanzcsa-pass' }

describe('epoch driver against the sandbox', () => {
  let sandbox: EpochSandbox
  let server: Listening
  let receiver: WebhookReceiver

  async function start(options: { duplicatePostbacks?: boolean } = {}) {
    receiver = await startWebhookReceiver(RECEIVER_ROUTES.epoch)
    sandbox = createEpochSandbox({ ...CREDENTIALS, postbackUrl: receiver.url, postbackDelayMs: 10, ...options })
    server = await listen(sandbox.app, 0)
  }
  beforeEach(() => start())
  afterEach(async () => {
    sandbox.stop()
    await Promise.all([server.close(), receiver.close()])
  })

  const driver = (overrides: Partial<EpochDriverConfig> = {}) => createEpochDriver({
    apiBaseUrl: server.url, csaBaseUrl: server.url, ...CREDENTIALS, maxNotificationAgeMs: 60_000, ...overrides,
  })
  const charge = (over: Partial<ChargeRequest> = {}): ChargeRequest => ({
    idempotencyKey: `ppv:fan-1:post-1:charge:${Math.random()}`, paymentToken: '1000000001', amount: 999, currency: 'USD',
    description: 'PPV post', reference: { workflowId: 'ppv:fan-1:post-1', fanId: 'fan-1' }, ...over,
  })
  const refund = (transactionId: string, amount = 999): RefundRequest =>
    ({ idempotencyKey: `ppv:fan-1:post-1:refund:${transactionId}`, transactionId, amount, currency: 'USD', reason: 'fan asked' })
  const control = (path: string, transactionId: string) => fetch(`${server.url}/sandbox/${path}`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ transactionId }) })
  async function approvedSale(d = driver()) {
    const result = await d.charge(charge())
    assert.ok(result.status === 'approved', `expected an approval, got ${JSON.stringify(result)}`)
    return result.transactionId
  }
  const events = async (count: number, d = driver()) => (await receiver.waitFor(count)).map((n) => d.parseNotification(n))

  it('approves, books the estimated fee, and the signed sale postback routes back to the workflow', async () => {
    const d = driver()
    const result = await d.charge(charge())
    assert.ok(result.status === 'approved')
    assert.match(result.transactionId, /^\d{10}$/)
    assert.equal(result.processorFee, 150)
    const [sale] = await events(1, d)
    assert.deepEqual([sale?.type, sale?.transactionId, sale?.amount, sale?.currency], ['sale', result.transactionId, 999, 'USD'])
    assert.deepEqual(sale?.reference, { workflowId: 'ppv:fan-1:post-1', fanId: 'fan-1' })
    assert.equal(sale?.raw.x_idempotency_key?.startsWith('ppv:fan-1:post-1:charge:'), true)
    assert.deepEqual(d.notificationAck(), { status: 200, contentType: 'text/plain', body: 'OK' })
  })

  const declines: [string, string][] = [
    ['2051000001', DECLINES.insufficientFunds], ['2054000001', DECLINES.expiredCard], ['2059000001', DECLINES.fraudSuspected],
    ['2005000001', DECLINES.cardDeclined], ['3999999999', DECLINES.invalidToken], ['not-a-member', DECLINES.invalidToken],
  ]
  for (const [paymentToken, decline] of declines) {
    it(`declines member ${paymentToken} as ${decline}, with no transaction and no postback`, async () => {
      const result = await driver().charge(charge({ paymentToken }))
      assert.ok(result.status === 'declined')
      assert.deepEqual([result.decline, result.transactionId], [decline, null])
      assert.ok(result.message.length > 0)
      assert.equal(sandbox.postbacks.deliveries.length, 0)
    })
  }

  it('answers a retried charge with the first result and charges once; a new key charges again', async () => {
    const d = driver()
    const request = charge({ paymentToken: '1000000042' })
    const [first, second] = [await d.charge(request), await d.charge(request)]
    assert.deepEqual([first.status, second.status, second.transactionId], ['approved', 'approved', first.transactionId])
    const third = await d.charge({ ...request, idempotencyKey: `${request.idempotencyKey}:other` })
    assert.notEqual(third.transactionId, first.transactionId)
    assert.equal(sandbox.state.sales().filter((s) => s.memberId === '1000000042').length, 2)
  })

  it('fails retryably on wrong merchant credentials, non-retryably on a currency Epoch does not bill', async () => {
    await assert.rejects(driver({ hmacKey: 'wrong' }).charge(charge()), (err: Error) =>
      !(err instanceof ApplicationFailure) && /HTTP 401/.test(err.message))
    await assert.rejects(driver({ coCode: 'zz9' }).charge(charge()), /HTTP 401/)
    await assert.rejects(driver({ csaPassword: 'wrong' }).status('1'), (err: Error) =>
      !(err instanceof ApplicationFailure) && /NINVALIDAUTH/.test(err.message))
    await assert.rejects(driver().charge(charge({ currency: 'USDC', amount: 1_000_000 })), (err: Error) =>
      err instanceof ApplicationFailure && err.nonRetryable && err.type === 'EPOCH_UNSUPPORTED_CURRENCY')
    assert.equal(sandbox.state.sales().length, 0)
  })

  it('does not trust a camcharge answer whose epoch_digest does not match', async () => {
    const forging: typeof fetch = async (input, init) => {
      const res = await fetch(input, init)
      if (!String(input).includes('/secure/services/')) return res
      return new Response((await res.text()).replace(/ans=Y[^&]*/, 'ans=NDECLINED'), { status: res.status })
    }
    await assert.rejects(driver({ fetch: forging }).charge(charge()), /no valid epoch_digest/)
  })

  it('voids an unsettled sale whole, answers a retry from history, and the credit postback parses', async () => {
    const d = driver()
    const id = await approvedSale(d)
    const voided = await d.refund(refund(id, 500))
    assert.deepEqual([voided.status, voided.feeRefunded], ['voided', true])
    assert.deepEqual(await d.refund(refund(id, 500)), voided)
    assert.deepEqual(await d.status(id), { transactionId: id, state: 'voided' })
    const credit = (await events(2, d)).find((e) => e.type === 'refund')
    assert.deepEqual([credit?.transactionId, credit?.amount, credit?.reference.workflowId], [id, 999, 'ppv:fan-1:post-1'])
  })

  it('refunds a settled sale partially, keeps the fee, and the credit postback carries the partial amount', async () => {
    const d = driver()
    const id = await approvedSale(d)
    assert.equal((await control('settle', id)).status, 200)
    const refunded = await d.refund(refund(id, 500))
    assert.deepEqual([refunded.status, refunded.feeRefunded], ['refunded', false])
    assert.equal((await d.status(id)).state, 'refunded')
    const credit = (await events(2, d)).find((e) => e.type === 'refund')
    assert.deepEqual([credit?.transactionId, credit?.amount, credit?.currency, credit?.reference.fanId], [id, 500, 'USD', 'fan-1'])
  })

  it('reports approved, chargeback and unknown states and refuses to credit a chargeback', async () => {
    const d = driver()
    const id = await approvedSale(d)
    assert.deepEqual(await d.status(id), { transactionId: id, state: 'approved' })
    assert.deepEqual(await d.status('1234'), { transactionId: '1234', state: 'unknown' })
    assert.equal((await control('chargeback', id)).status, 200)
    assert.equal((await d.status(id)).state, 'chargeback')
    await assert.rejects(d.refund(refund(id)), (err: Error) =>
      err instanceof ApplicationFailure && err.nonRetryable && err.type === 'EPOCH_ALREADY_CHARGED_BACK')
    await assert.rejects(d.refund(refund('1234')), (err: Error) => err instanceof ApplicationFailure && err.type === 'EPOCH_UNKNOWN_TRANSACTION')
    const chargeback = (await events(2, d)).find((e) => e.type === 'chargeback')
    assert.deepEqual([chargeback?.transactionId, chargeback?.amount], [id, 999])
  })

  it('gives duplicate deliveries the same eventId', async () => {
    sandbox.stop()
    await Promise.all([server.close(), receiver.close()])
    await start({ duplicatePostbacks: true })
    const d = driver()
    await approvedSale(d)
    const [first, second] = await events(2, d)
    assert.equal(first?.eventId, second?.eventId)
    assert.equal(first?.type, 'sale')
  })
})
