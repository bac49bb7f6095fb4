import assert from 'node:assert/strict'
import { ApplicationFailure } from '@temporalio/common'
import { paymentIdFor } from '../../../payments/crypto/amounts.ts'
import { PAYOUT_FAILURES, type PayoutRail } from '../../rail.ts'
import { CRYPTO_PAYOUT_CONFLICT, CRYPTO_RAIL_CODES } from './codes.ts'
import { usePayoutFixture, type PayoutFixture } from './fixture.ts'

const UNITS = 123_450_000n // 12_345 cents in a 6-decimal token

describe('crypto payout rail: one payout per key, whatever the retries', function () {
  let f: PayoutFixture
  let rail: PayoutRail
  usePayoutFixture(this, (fixture, defaultRail) => {
    [f, rail] = [fixture, defaultRail]
  })

  it('pays once for a repeated key: the repeat answers from the chain and sends nothing', async () => {
    const creator = f.newCreator()
    const request = f.request(creator)
    const first = await rail.send(request)
    const nonce = await f.nonceOf()
    const again = await rail.send(request)
    assert.ok(again.status === 'sent' || again.status === 'settled')
    assert.equal(again.providerRef, first.providerRef)
    assert.equal(await f.nonceOf(), nonce, 'the repeat sent nothing')
    assert.equal(await f.balanceOf(creator), UNITS)
  })

  it('pays once when an attempt crashed right after sending (its transaction still pending)', async () => {
    const creator = f.newCreator()
    const request = f.request(creator)
    const before = await f.balanceOf(f.treasury)
    await f.sendAndCrash(request, UNITS)
    const retry = await f.rail().send(request)
    assert.ok(retry.status === 'sent' || retry.status === 'settled', JSON.stringify(retry))
    assert.equal(retry.providerRef, paymentIdFor(request.idempotencyKey))
    assert.deepEqual([await f.balanceOf(creator), before - (await f.balanceOf(f.treasury))], [UNITS, UNITS], 'one transfer, whatever the retry sent')
  })

  it('pays once when an attempt crashed after sending and its transaction was mined meanwhile', async () => {
    const creator = f.newCreator()
    const request = f.request(creator)
    await f.mined(await f.sendAndCrash(request, UNITS))
    const nonce = await f.nonceOf()
    assert.equal((await f.rail().send(request)).providerRef, paymentIdFor(request.idempotencyKey))
    assert.equal(await f.nonceOf(), nonce, 'the retry sent no second transaction')
    assert.equal(await f.balanceOf(creator), UNITS)
  })

  it('pays once when two attempts of the same payout overlap in one worker: its sends queue up', async () => {
    const creator = f.newCreator()
    const request = f.request(creator)
    const [a, b] = await Promise.all([rail.send(request), rail.send(request)])
    assert.deepEqual([a.providerRef, b.providerRef], [paymentIdFor(request.idempotencyKey), paymentIdFor(request.idempotencyKey)])
    assert.equal(await f.balanceOf(creator), UNITS)
  })

  it('pays once when attempts overlap in two workers: a nonce collision fails retryably, and the retry answers', async () => {
    const creator = f.newCreator()
    const request = f.request(creator)
    const attempts = await Promise.allSettled([rail.send(request), f.rail().send(request)])
    for (const attempt of attempts) {
      const state = attempt.status === 'fulfilled' ? attempt.value : (assert.ok(!(attempt.reason instanceof ApplicationFailure)), await f.rail().send(request))
      assert.equal(state.providerRef, paymentIdFor(request.idempotencyKey))
    }
    assert.equal(await f.balanceOf(creator), UNITS)
  })

  it('keeps the first payment when the creator changed address between attempts (even to a bad one): the new one gets nothing', async () => {
    const [first, second] = [f.newCreator(), f.newCreator()]
    const request = f.request(first)
    await rail.send(request)
    for (const address of [second, '0xnot-an-address']) {
      const retry = await rail.send({ ...request, destination: { rail: 'crypto', address } })
      assert.equal(retry.providerRef, paymentIdFor(request.idempotencyKey), address)
    }
    assert.deepEqual([await f.balanceOf(first), await f.balanceOf(second)], [UNITS, 0n])
  })

  it('refuses for good a key reused with another amount, moving nothing more', async () => {
    const creator = f.newCreator()
    const request = f.request(creator)
    await rail.send(request)
    await assert.rejects(rail.send({ ...request, amount: 99_999 }),
      (err) => err instanceof ApplicationFailure && err.nonRetryable && err.type === CRYPTO_PAYOUT_CONFLICT)
    assert.equal(await f.balanceOf(creator), UNITS)
  })

  it("fails, and sends nothing, when the key's payment id holds a payment the treasury did not make", async () => {
    const creator = f.newCreator()
    const request = f.request(creator)
    const stranger = await f.newTreasury(UNITS)
    await f.mined(await f.sendAndCrash(request, UNITS, stranger))
    const nonce = await f.nonceOf()
    const result = await rail.send(request)
    assert.deepEqual(result.status === 'failed' && [result.failure, result.railCode], [PAYOUT_FAILURES.rejected, CRYPTO_RAIL_CODES.paymentIdTaken])
    assert.equal((await rail.status(request.idempotencyKey))?.status, 'failed')
    assert.deepEqual([await f.nonceOf(), await f.balanceOf(creator)], [nonce, UNITS], 'only the stranger paid')
  })

  it('fails INSUFFICIENT_FUNDS with nothing sent when the treasury holds too little stablecoin', async () => {
    const treasuryPrivateKey = await f.newTreasury(UNITS - 1n)
    const creator = f.newCreator()
    const result = await f.rail({ treasuryPrivateKey }).send(f.request(creator))
    assert.deepEqual(result.status === 'failed' && [result.failure, result.railCode, result.providerRef],
      [PAYOUT_FAILURES.insufficientFunds, CRYPTO_RAIL_CODES.tokenBalance, null])
    assert.deepEqual([await f.nonceOf(treasuryPrivateKey), await f.balanceOf(creator)], [0, 0n], 'no transaction, no money')
  })
})
