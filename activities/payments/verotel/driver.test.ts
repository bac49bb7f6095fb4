import assert from 'node:assert/strict'
import { ApplicationFailure } from '@temporalio/common'
import { chargeRequest, startVerotelHarness, type VerotelHarness } from '../../../ops/sandboxes/verotel/harness.ts'
import { DECLINES, type ProcessorDriver } from '../driver.ts'
import { createVerotelDriver, type VerotelDriverConfig } from './driver.ts'

describe('verotel driver against the sandbox: charges and postbacks', () => {
  let h: VerotelHarness
  beforeEach(async () => { h = await startVerotelHarness() })
  afterEach(() => h.stop())

  const driver = (overrides: Partial<VerotelDriverConfig> = {}): ProcessorDriver => createVerotelDriver({ ...h.driverConfig, ...overrides })
  const events = async (d: ProcessorDriver, count: number) => (await h.receiver.waitFor(count)).map((n) => d.parseNotification(n))

  it('approves, books the estimated fee, and the sale postback routes back with the next oneClickToken', async () => {
    const d = driver()
    const result = await d.charge(chargeRequest({ description: 'PPV: Dščř & ?=+ post' }))
    assert.ok(result.status === 'approved' && /^\d+$/.test(result.transactionId))
    assert.equal(result.processorFee, 155)
    const [sale] = await events(d, 1)
    assert.deepEqual([sale?.type, sale?.transactionId, sale?.amount, sale?.currency], ['sale', result.transactionId, 999, 'USD'])
    assert.deepEqual(sale?.reference, { workflowId: 'ppv:fan-1:post-1', fanId: 'fan-1' })
    assert.match(sale?.nextPaymentToken ?? '', /^tok_approve_\d+$/)
    assert.deepEqual(d.notificationAck(), { status: 200, contentType: 'text/plain', body: 'OK' })
  })

  const declines: [string, string, boolean][] = [
    ['tok_decline_funds_1', DECLINES.insufficientFunds, true],
    ['tok_decline_fraud_1', DECLINES.fraudSuspected, true],
    ['tok_expired_1', DECLINES.expiredCard, true],
    ['tok_decline_bank_1', DECLINES.cardDeclined, true],
    ['4f0c1e7a9b2d4c6e', DECLINES.invalidToken, false],
  ]
  for (const [paymentToken, decline, hasTransactionId] of declines) {
    it(`declines ${paymentToken} as ${decline}`, async () => {
      const result = await driver().charge(chargeRequest({ paymentToken }))
      assert.ok(result.status === 'declined', JSON.stringify(result))
      assert.equal(result.decline, decline)
      assert.equal(result.transactionId !== null, hasTransactionId)
      assert.ok(result.message.length > 0)
    })
  }

  it('answers a retried charge with the first result and charges once (the key travels as referenceID)', async () => {
    const d = driver()
    const request = chargeRequest({ paymentToken: 'tok_approve_retry' })
    const [first, second] = [await d.charge(request), await d.charge(request)]
    assert.equal(second.transactionId, first.transactionId)
    const third = await d.charge({ ...request, idempotencyKey: `${request.idempotencyKey}:other` })
    assert.notEqual(third.transactionId, first.transactionId)
    const sales = h.sandbox.state.list().filter((s) => s.oneClickToken === 'tok_approve_retry')
    assert.deepEqual(sales.map((s) => s.referenceID), [request.idempotencyKey, `${request.idempotencyKey}:other`])
  })

  it('fails retryably on wrong credentials and non-retryably on a currency Verotel does not bill', async () => {
    const retryable = (pattern: RegExp) => (err: Error) => !(err instanceof ApplicationFailure) && pattern.test(err.message)
    await assert.rejects(driver({ signatureKey: 'wrong' }).charge(chargeRequest()), retryable(/HTTP 403/))
    await assert.rejects(driver({ shopId: '999' }).charge(chargeRequest()), retryable(/HTTP 403/))
    await assert.rejects(driver({ apiPassword: 'wrong' }).status('1'), retryable(/HTTP 401/))
    await assert.rejects(driver().charge(chargeRequest({ currency: 'JPY', amount: 1200 })), (err: Error) =>
      err instanceof ApplicationFailure && err.nonRetryable && err.type === 'VEROTEL_UNSUPPORTED_CURRENCY')
    assert.equal(h.sandbox.state.list().length, 0)
  })

  it('gives duplicate postbacks the same eventId', async () => {
    await h.stop()
    h = await startVerotelHarness({ duplicatePostbacks: true })
    const d = driver()
    assert.equal((await d.charge(chargeRequest())).status, 'approved')
    const [first, second] = await events(d, 2)
    assert.equal(first?.type, 'sale')
    assert.equal(first?.eventId, second?.eventId)
  })
})
