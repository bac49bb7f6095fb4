import assert from 'node:assert/strict'
import { ApplicationFailure } from '@temporalio/common'
import type { ProcessorDriver, RefundRequest } from '../driver.ts'
import { paymentIdFor, refundIdFor } from './amounts.ts'
import { CRYPTO_FAILURES } from './codes.ts'
import { startCryptoFixture, type CryptoFixture } from './fixture.ts'

const PRICE_UNITS = 9_990_000n // 999 cents in a 6-decimal token
const failsWith = (code: string) => (err: unknown) => err instanceof ApplicationFailure && err.nonRetryable && err.type === code

describe('crypto driver: refunds and status on anvil', function () {
  this.timeout(60_000)
  let f: CryptoFixture
  let driver: ProcessorDriver
  before(async () => {
    f = await startCryptoFixture()
    driver = f.driver()
  })
  after(() => f.stop())

  /** A fan who paid 9.99 and now holds nothing. */
  async function paidFan(): Promise<{ fanId: string; transactionId: string }> {
    const fanId = await f.newFan(PRICE_UNITS)
    const result = await driver.charge(f.chargeRequest(fanId))
    assert.equal(result.status, 'approved')
    return { fanId, transactionId: result.transactionId ?? '' }
  }
  const refundRequest = (transactionId: string, over: Partial<RefundRequest> = {}): RefundRequest =>
    ({ idempotencyKey: `refund:${transactionId}:1`, transactionId, amount: 999, currency: 'USD', reason: 'requested by fan', ...over })

  it('refunds once per key: a repeat answers from the chain and moves nothing', async () => {
    const { fanId, transactionId } = await paidFan()
    const request = refundRequest(transactionId, { amount: 500 })
    const first = await driver.refund(request)
    assert.deepEqual(first, { status: 'refunded', refundId: refundIdFor(request.idempotencyKey), feeRefunded: false })
    const nonce = await f.treasuryNonce()
    assert.deepEqual(await driver.refund(request), first)
    assert.equal(await f.treasuryNonce(), nonce, 'the repeat sent nothing')
    assert.equal(await f.fanBalance(fanId), 5_000_000n)
    assert.deepEqual(await driver.status(transactionId), { transactionId, state: 'refunded' })
  })

  it('refunds in parts up to the payment, and refuses a part beyond it for good', async () => {
    const { fanId, transactionId } = await paidFan()
    await driver.refund(refundRequest(transactionId, { idempotencyKey: 'part-1', amount: 600 }))
    await assert.rejects(driver.refund(refundRequest(transactionId, { idempotencyKey: 'part-2', amount: 400 })),
      failsWith(CRYPTO_FAILURES.refundExceedsPayment))
    await driver.refund(refundRequest(transactionId, { idempotencyKey: 'part-3', amount: 399 }))
    assert.equal(await f.fanBalance(fanId), PRICE_UNITS, 'all of it back, not a cent more')
  })

  it('refuses a refund larger than the payment without sending anything', async () => {
    const { fanId, transactionId } = await paidFan()
    const nonce = await f.treasuryNonce()
    await assert.rejects(driver.refund(refundRequest(transactionId, { amount: 1000 })), failsWith(CRYPTO_FAILURES.refundExceedsPayment))
    assert.deepEqual([await f.treasuryNonce(), await f.fanBalance(fanId)], [nonce, 0n])
  })

  it('refuses a reused refund key with other terms, unknown payments and other currencies for good', async () => {
    const { transactionId } = await paidFan()
    await driver.refund(refundRequest(transactionId, { amount: 100 }))
    await assert.rejects(driver.refund(refundRequest(transactionId, { amount: 200 })), failsWith(CRYPTO_FAILURES.idempotencyConflict))
    await assert.rejects(driver.refund(refundRequest(paymentIdFor('never charged'))), failsWith(CRYPTO_FAILURES.unknownTransaction))
    await assert.rejects(driver.refund(refundRequest('4711')), failsWith(CRYPTO_FAILURES.unknownTransaction))
    await assert.rejects(driver.refund(refundRequest(transactionId, { idempotencyKey: 'eur', currency: 'EUR' })),
      failsWith(CRYPTO_FAILURES.unsupportedCurrency))
  })

  it('reports only what is confirmed: unknown ids and payments still settling are unknown', async () => {
    assert.deepEqual(await driver.status('not-a-payment'), { transactionId: 'not-a-payment', state: 'unknown' })
    const never = paymentIdFor('never charged')
    assert.deepEqual(await driver.status(never), { transactionId: never, state: 'unknown' })
    const fanId = await f.newFan(PRICE_UNITS)
    const request = f.chargeRequest(fanId)
    const hash = await f.sendAndCrash(request)
    const receipt = await f.clients.public.waitForTransactionReceipt({ hash, pollingInterval: 10 })
    const slow = f.driver({ confirmations: 20 })
    const id = paymentIdFor(request.idempotencyKey)
    assert.equal(receipt.status, 'success')
    assert.deepEqual(await slow.status(id), { transactionId: id, state: 'unknown' }, 'mined, but not 20 blocks deep')
  })
})
