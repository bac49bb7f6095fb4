import assert from 'node:assert/strict'
import { ApplicationFailure } from '@temporalio/common'
import { createCcbillSandbox, type CcbillSandbox } from '../../../ops/sandboxes/ccbill/server.ts'
import { listen, type Listening } from '../../../ops/sandboxes/listen.ts'
import { startWebhookReceiver } from '../../../ops/sandboxes/webhook-receiver.ts'
import { DECLINES, type ChargeRequest } from '../driver.ts'
import { CCBILL_WEBHOOK_CIDRS } from './codes.ts'
import { createCcbillDriver, type CcbillDriverConfig } from './driver.ts'

const CREDENTIALS = { appId: 'fanz-test-app', secret: 'fanz-test-secret', clientAccnum: '900100', datalinkUsername: 'fanzdl',
  datalinkPassword: 'fanzdl-pass' }

describe('ccbill driver against the sandbox', () => {
  let sandbox: CcbillSandbox
  let server: Listening
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>
  let oauthCalls: number

  async function start(options: { duplicateWebhooks?: boolean } = {}) {
    receiver = await startWebhookReceiver()
    sandbox = createCcbillSandbox({ ...CREDENTIALS, webhookUrl: receiver.url, webhookDelayMs: 10, ...options })
    server = await listen(sandbox.app, 0)
  }
  beforeEach(() => start())
  afterEach(async () => {
    sandbox.stop()
    await Promise.all([server.close(), receiver.close()])
  })

  function driver(overrides: Partial<CcbillDriverConfig> = {}) {
    oauthCalls = 0
    const counting: typeof fetch = (input, init) => {
      if (String(input).includes('/oauth/token')) oauthCalls += 1
      return fetch(input, init)
    }
    return createCcbillDriver({
      apiBaseUrl: server.url, datalinkBaseUrl: server.url, clientSubacc: '0000', ...CREDENTIALS,
      allowedSourceCidrs: [...CCBILL_WEBHOOK_CIDRS, '127.0.0.1/32'], maxNotificationAgeMs: 60_000, fetch: counting, ...overrides,
    })
  }
  const charge = (over: Partial<ChargeRequest> = {}): ChargeRequest => ({
    idempotencyKey: `ppv:fan-1:post-1:charge:${Math.random()}`, paymentToken: 'tok_approve_visa', amount: 999, currency: 'USD',
    description: 'PPV post', reference: { workflowId: 'ppv:fan-1:post-1', fanId: 'fan-1' }, ...over,
  })
  const sandboxTransactions = async () =>
    ((await (await fetch(`${server.url}/sandbox/transactions`)).json()) as { transactions: { paymentTokenId: string }[] }).transactions
  const control = (path: string, transactionId: string) => fetch(`${server.url}/sandbox/${path}`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ transactionId }) })

  it('approves, books the estimated fee, and the NewSaleSuccess webhook routes back to the workflow', async () => {
    const d = driver()
    const result = await d.charge(charge())
    assert.equal(result.status, 'approved')
    assert.ok(result.status === 'approved' && /^\d{19}$/.test(result.transactionId))
    assert.equal(result.status === 'approved' && result.processorFee, 105)
    const [sale] = await receiver.waitFor(1)
    assert.ok(sale)
    const event = d.parseNotification(sale)
    assert.deepEqual([event.type, event.transactionId, event.amount, event.currency], ['sale', result.transactionId, 999, 'USD'])
    assert.deepEqual(event.reference, { workflowId: 'ppv:fan-1:post-1', fanId: 'fan-1' })
    assert.deepEqual(d.notificationAck(), { status: 200, contentType: 'text/plain', body: 'OK' })
  })

  const declines: [string, string, boolean][] = [
    ['tok_decline_funds_1', DECLINES.insufficientFunds, true],
    ['tok_decline_fraud_1', DECLINES.fraudSuspected, true],
    ['tok_expired_1', DECLINES.expiredCard, true],
    ['tok_decline_bank_1', DECLINES.cardDeclined, true],
    ['4f0c1e7a9b2d4c6e8f0a1b2c3d4e5f60', DECLINES.invalidToken, false],
  ]
  for (const [paymentToken, decline, hasDenialId] of declines) {
    it(`declines ${paymentToken} as ${decline}`, async () => {
      const result = await driver().charge(charge({ paymentToken }))
      assert.equal(result.status, 'declined')
      assert.ok(result.status === 'declined')
      assert.equal(result.decline, decline)
      assert.equal(result.transactionId !== null, hasDenialId)
      assert.ok(result.message.length > 0)
    })
  }

  it('answers a retried charge with the first result and charges once', async () => {
    const d = driver()
    const request = charge({ paymentToken: 'tok_approve_retry' })
    const [first, second] = [await d.charge(request), await d.charge(request)]
    assert.deepEqual(second.transactionId, first.transactionId)
    const third = await d.charge({ ...request, idempotencyKey: `${request.idempotencyKey}:other` })
    assert.notEqual(third.transactionId, first.transactionId)
    assert.equal((await sandboxTransactions()).filter((t) => t.paymentTokenId === 'tok_approve_retry').length, 2)
  })

  it('asks for one OAuth token for many charges, concurrent ones included, and a new one after expiry', async () => {
    let clock = Date.parse('2026-03-01T12:00:00Z')
    const d = driver({ now: () => clock })
    await Promise.all([d.charge(charge()), d.charge(charge()), d.charge(charge())])
    clock += 3_500_000
    await d.charge(charge())
    assert.equal(oauthCalls, 1)
    clock += 100_000 // past expires_in (3600 s) minus the renewal margin
    await d.charge(charge())
    assert.equal(oauthCalls, 2)
  })

  it('fails retryably on bad API or DataLink credentials, non-retryably on a currency CCBill does not bill', async () => {
    await assert.rejects(driver({ secret: 'wrong' }).charge(charge()), (err: Error) =>
      !(err instanceof ApplicationFailure) && /HTTP 401/.test(err.message))
    await assert.rejects(driver({ datalinkPassword: 'wrong' }).status('1'), (err: Error) =>
      !(err instanceof ApplicationFailure) && /answered -1/.test(err.message))
    await assert.rejects(driver().charge(charge({ currency: 'USDC', amount: 1_000_000 })), (err: Error) =>
      err instanceof ApplicationFailure && err.nonRetryable && err.type === 'CCBILL_UNSUPPORTED_CURRENCY')
  })

  it('voids an unsettled sale, keeps a retry from reversing twice, and the Void webhook parses', async () => {
    const d = driver()
    const sale = await d.charge(charge())
    const refund = { idempotencyKey: 'ppv:fan-1:post-1:refund', transactionId: sale.transactionId ?? '', amount: 999, currency: 'USD', reason: 'x' }
    assert.deepEqual(await d.refund(refund), { status: 'voided', refundId: `${sale.transactionId}:void`, feeRefunded: true })
    assert.deepEqual(await d.refund(refund), { status: 'voided', refundId: `${sale.transactionId}:void`, feeRefunded: true })
    assert.deepEqual(await d.status(sale.transactionId ?? ''), { transactionId: sale.transactionId, state: 'voided' })
    const events = (await receiver.waitFor(2)).map((n) => d.parseNotification(n))
    const voided = events.find((e) => e.type === 'void')
    assert.deepEqual([voided?.transactionId, voided?.amount, voided?.reference.workflowId], [sale.transactionId, 999, 'ppv:fan-1:post-1'])
  })

  it('refunds a settled sale (partially) and the Refund webhook reaches the receiver and parses', async () => {
    const d = driver()
    const sale = await d.charge(charge())
    assert.equal((await control('settle', sale.transactionId ?? '')).status, 200)
    const result = await d.refund({ idempotencyKey: 'k:refund', transactionId: sale.transactionId ?? '', amount: 500, currency: 'USD', reason: 'x' })
    assert.deepEqual(result, { status: 'refunded', refundId: `${sale.transactionId}:refund`, feeRefunded: false })
    assert.equal((await d.status(sale.transactionId ?? '')).state, 'refunded')
    const refund = (await receiver.waitFor(2)).map((n) => d.parseNotification(n)).find((e) => e.type === 'refund')
    assert.deepEqual([refund?.transactionId, refund?.amount, refund?.currency, refund?.reference.fanId], [sale.transactionId, 500, 'USD', 'fan-1'])
  })

  it('reports approved, chargeback and unknown states and refuses to refund a chargeback', async () => {
    const d = driver()
    const sale = await d.charge(charge())
    const id = sale.transactionId ?? ''
    assert.deepEqual(await d.status(id), { transactionId: id, state: 'approved' })
    assert.deepEqual(await d.status('1234'), { transactionId: '1234', state: 'unknown' })
    assert.equal((await control('chargeback', id)).status, 200)
    assert.equal((await d.status(id)).state, 'chargeback')
    await assert.rejects(d.refund({ idempotencyKey: 'k', transactionId: id, amount: 999, currency: 'USD', reason: 'x' }),
      (err: Error) => err instanceof ApplicationFailure && err.nonRetryable)
    const chargeback = (await receiver.waitFor(2)).map((n) => d.parseNotification(n)).find((e) => e.type === 'chargeback')
    assert.equal(chargeback?.transactionId, id)
  })

  it('gives duplicate deliveries the same eventId', async () => {
    sandbox.stop()
    await Promise.all([server.close(), receiver.close()])
    await start({ duplicateWebhooks: true })
    const d = driver()
    await d.charge(charge())
    const events = (await receiver.waitFor(2)).map((n) => d.parseNotification(n))
    assert.equal(events.length, 2)
    assert.equal(events[0]?.eventId, events[1]?.eventId)
  })
})
