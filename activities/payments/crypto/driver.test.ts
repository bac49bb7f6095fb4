import assert from 'node:assert/strict'
import { ApplicationFailure } from '@temporalio/common'
import { paymentRouterAbi } from '../../chain/abis.ts'
import { DECLINES, NOTIFICATION_ERRORS, NotificationRejected, type ProcessorDriver } from '../driver.ts'
import { paymentIdFor } from './amounts.ts'
import { CRYPTO_FAILURES } from './codes.ts'
import { startCryptoFixture, type CryptoFixture } from './fixture.ts'

const PRICE_UNITS = 9_990_000n // 999 cents in a 6-decimal token
const failsWith = (code: string) => (err: unknown) => err instanceof ApplicationFailure && err.nonRetryable && err.type === code

describe('crypto driver: charges on anvil', function () {
  this.timeout(60_000)
  let f: CryptoFixture
  let driver: ProcessorDriver
  before(async () => {
    f = await startCryptoFixture()
    driver = f.driver()
  })
  after(() => f.stop())

  it('approves once the payment is 2 blocks deep: the fan paid the treasury, the platform paid the gas', async () => {
    const fanId = await f.newFan(PRICE_UNITS * 2n)
    const request = f.chargeRequest(fanId)
    const treasuryBefore = await f.balanceOf(f.treasury)
    const result = await driver.charge(request)
    const headAtApproval = await f.clients.public.getBlockNumber()
    assert.ok(result.status === 'approved', JSON.stringify(result))
    assert.equal(result.transactionId, paymentIdFor(request.idempotencyKey))
    assert.equal(result.processorFee, 0)
    const [record] = await f.clients.public.getContractEvents({ address: f.router, abi: paymentRouterAbi,
      eventName: 'Payment', args: { paymentId: result.transactionId }, fromBlock: 0n })
    assert.ok(record, 'the router emitted Payment')
    assert.ok(headAtApproval - record.blockNumber + 1n >= 2n, 'two confirmations when approved')
    const block = await f.clients.public.getBlock({ blockNumber: record.blockNumber })
    assert.equal(result.approvedAt, new Date(Number(block.timestamp) * 1000).toISOString())
    assert.deepEqual([await f.fanBalance(fanId), (await f.balanceOf(f.treasury)) - treasuryBefore], [PRICE_UNITS, PRICE_UNITS])
    assert.equal(await f.clients.public.getBalance({ address: await f.walletOf(fanId) }), 0n, 'the fan holds no ETH and needs none')
    assert.deepEqual(await driver.status(result.transactionId), { transactionId: result.transactionId, state: 'approved' })
  })

  it('charges several fans at once from one treasury (its sends queue up for consecutive nonces)', async () => {
    const fans: string[] = []
    for (let i = 0; i < 4; i++) fans.push(await f.newFan(PRICE_UNITS))
    const nonce = await f.treasuryNonce()
    const results = await Promise.all(fans.map((fanId) => driver.charge(f.chargeRequest(fanId))))
    assert.deepEqual(results.map((r) => r.status), ['approved', 'approved', 'approved', 'approved'])
    assert.deepEqual(await Promise.all(fans.map((fanId) => f.fanBalance(fanId))), [0n, 0n, 0n, 0n])
    assert.equal(await f.treasuryNonce(), nonce + 4)
  })

  it('declines a wallet that holds too little, without sending anything', async () => {
    const fanId = await f.newFan(PRICE_UNITS - 1n)
    const nonce = await f.treasuryNonce()
    const result = await driver.charge(f.chargeRequest(fanId))
    assert.deepEqual([result.status, result.status === 'declined' && result.decline, result.transactionId], ['declined', DECLINES.insufficientFunds, null])
    assert.equal(await f.treasuryNonce(), nonce, 'no transaction sent')
    assert.equal(await f.fanBalance(fanId), PRICE_UNITS - 1n)
  })

  it('pays once for a repeated key: the second charge answers from the chain', async () => {
    const fanId = await f.newFan(PRICE_UNITS * 3n)
    const request = f.chargeRequest(fanId)
    const first = await driver.charge(request)
    const nonce = await f.treasuryNonce()
    assert.deepEqual(await driver.charge(request), first)
    assert.equal(await f.treasuryNonce(), nonce, 'the repeat sent nothing')
    assert.equal(await f.fanBalance(fanId), PRICE_UNITS * 2n)
  })

  it('pays once when an attempt crashed right after sending (its transaction still pending)', async () => {
    const fanId = await f.newFan(PRICE_UNITS * 3n)
    const request = f.chargeRequest(fanId)
    await f.sendAndCrash(request)
    const retry = await f.driver().charge(request)
    assert.equal(retry.status, 'approved')
    assert.equal(await f.fanBalance(fanId), PRICE_UNITS * 2n, 'one transfer, whatever the retry sent')
  })

  it('pays once when an attempt crashed after sending and its transaction was mined meanwhile', async () => {
    const fanId = await f.newFan(PRICE_UNITS * 3n)
    const request = f.chargeRequest(fanId)
    await f.clients.public.waitForTransactionReceipt({ hash: await f.sendAndCrash(request), pollingInterval: 25 })
    const nonce = await f.treasuryNonce()
    assert.equal((await f.driver().charge(request)).status, 'approved')
    assert.equal(await f.treasuryNonce(), nonce, 'the retry sent no second transaction')
    assert.equal(await f.fanBalance(fanId), PRICE_UNITS * 2n)
  })

  it('pays once when a timed-out attempt overlaps its retry, and the timeout is retryable', async () => {
    const fanId = await f.newFan(PRICE_UNITS * 3n)
    const request = f.chargeRequest(fanId)
    const impatient = f.driver({ confirmations: 4, confirmationTimeoutMs: 1 })
    await assert.rejects(impatient.charge(request), (err: Error) => !(err instanceof ApplicationFailure) && /confirmations/.test(err.message))
    const [a, b] = await Promise.all([driver.charge(request), f.driver().charge(request)])
    assert.deepEqual([a.status, a.transactionId], ['approved', b.transactionId])
    assert.equal(await f.fanBalance(fanId), PRICE_UNITS * 2n)
  })

  it('refuses a reused key with other terms for good', async () => {
    const fanId = await f.newFan(PRICE_UNITS * 3n)
    await driver.charge(f.chargeRequest(fanId))
    await assert.rejects(driver.charge(f.chargeRequest(fanId, { amount: 1999 })), failsWith(CRYPTO_FAILURES.idempotencyConflict))
    assert.equal(await f.fanBalance(fanId), PRICE_UNITS * 2n)
  })

  it('refuses other currencies than USD before touching the chain', async () => {
    const fanId = await f.newFan(PRICE_UNITS)
    const nonce = await f.treasuryNonce()
    await assert.rejects(driver.charge(f.chargeRequest(fanId, { currency: 'EUR' })), failsWith(CRYPTO_FAILURES.unsupportedCurrency))
    assert.deepEqual([await f.treasuryNonce(), await f.fanBalance(fanId)], [nonce, PRICE_UNITS])
    // permanent even while the node is unreachable: the refusal needs no chain at all
    const offline = f.driver({ rpcUrl: 'http://127.0.0.1:9' })
    await assert.rejects(offline.charge(f.chargeRequest(fanId, { currency: 'GBP' })), failsWith(CRYPTO_FAILURES.unsupportedCurrency))
    await assert.rejects(offline.charge(f.chargeRequest(fanId, { amount: 0 })), failsWith(CRYPTO_FAILURES.invalidAmount))
  })

  it("declines a payment token naming another fan's wallet, or none, without sending anything", async () => {
    const [fanId, victim] = [await f.newFan(PRICE_UNITS), await f.newFan(PRICE_UNITS)]
    const nonce = await f.treasuryNonce()
    for (const paymentToken of [victim, ' ', '']) {
      const result = await driver.charge(f.chargeRequest(fanId, { paymentToken }))
      assert.deepEqual([result.status, result.status === 'declined' && result.decline], ['declined', DECLINES.invalidToken], paymentToken)
    }
    assert.equal(await driver.charge(f.chargeRequest('', { paymentToken: '' })).then((r) => r.status === 'declined' && r.decline), DECLINES.invalidToken)
    assert.deepEqual([await f.treasuryNonce(), await f.fanBalance(victim)], [nonce, PRICE_UNITS])
  })

  it('takes no notifications: every one is rejected as malformed, and the ack is a plain 200', () => {
    const notification = { url: '/webhooks/crypto', headers: {}, rawBody: '{"type":"sale"}', sourceIp: '127.0.0.1', receivedAt: new Date().toISOString() }
    assert.throws(() => driver.parseNotification(notification),
      (err) => err instanceof NotificationRejected && err.code === NOTIFICATION_ERRORS.malformed && /reading the chain/.test(err.message))
    assert.deepEqual(driver.notificationAck(), { status: 200, contentType: 'text/plain', body: 'OK' })
  })
})
