import assert from 'node:assert/strict'
import { paymentRouterAbi } from '../../../chain/abis.ts'
import { paymentIdFor } from '../../../payments/crypto/amounts.ts'
import { PAYOUT_FAILURES, type PayoutRail, type PayoutState } from '../../rail.ts'
import { CRYPTO_RAIL_CODES } from './codes.ts'
import { usePayoutFixture, type PayoutFixture } from './fixture.ts'

const UNITS = 123_450_000n // 12_345 cents in a 6-decimal token
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('crypto payout rail: payouts on anvil', function () {
  let f: PayoutFixture
  let rail: PayoutRail
  usePayoutFixture(this, (fixture, defaultRail) => {
    [f, rail] = [fixture, defaultRail]
  })

  async function untilSettled(key: string): Promise<PayoutState | null> {
    for (let i = 0; i < 200; i++) {
      const state = await rail.status(key)
      if (state?.status !== 'sent') return state
      await sleep(25)
    }
    return rail.status(key)
  }

  it('pays the creator once: sent when mined (ref: the payment id), settled when 2 blocks deep', async () => {
    const creator = f.newCreator()
    const request = f.request(creator)
    const treasuryBefore = await f.balanceOf(f.treasury)
    const sent = await rail.send(request)
    const paymentId = paymentIdFor(request.idempotencyKey)
    assert.ok(sent.status === 'sent' || sent.status === 'settled', JSON.stringify(sent))
    assert.equal(sent.providerRef, paymentId)
    assert.deepEqual([await f.balanceOf(creator), treasuryBefore - (await f.balanceOf(f.treasury))], [UNITS, UNITS])
    assert.deepEqual(await f.rail({ confirmations: 1_000 }).status(request.idempotencyKey), { status: 'sent', providerRef: paymentId },
      'not settled until deep enough')
    const [event] = await f.clients.public.getContractEvents({ address: f.router, abi: paymentRouterAbi, eventName: 'Payment',
      args: { paymentId }, fromBlock: 0n, strict: true })
    assert.ok(event, 'the router emitted Payment')
    assert.deepEqual([event.args.payer, event.args.payee, event.args.amount], [f.treasury, creator, UNITS])
    const block = await f.clients.public.getBlock({ blockNumber: event.blockNumber })
    assert.deepEqual(await untilSettled(request.idempotencyKey),
      { status: 'settled', providerRef: paymentId, settledAt: new Date(Number(block.timestamp) * 1000).toISOString() })
    assert.ok((await f.clients.public.getBlockNumber()) - event.blockNumber + 1n >= 2n)
  })

  it('pays one of two payouts racing for the last of the balance; the other fails INSUFFICIENT_FUNDS', async () => {
    const treasuryPrivateKey = await f.newTreasury(UNITS)
    const one = f.rail({ treasuryPrivateKey })
    const [a, b] = [f.newCreator(), f.newCreator()]
    // both pass the balance check before either is mined; the router takes only what is there
    const results = await Promise.all([one.send(f.request(a)), one.send(f.request(b))])
    assert.deepEqual(results.map((r) => r.status === 'failed' ? r.failure : 'paid').sort(), [PAYOUT_FAILURES.insufficientFunds, 'paid'])
    assert.equal((await f.balanceOf(a)) + (await f.balanceOf(b)), UNITS)
  })

  it('fails INSUFFICIENT_FUNDS with nothing sent when the treasury has no ETH for the gas', async () => {
    const treasuryPrivateKey = await f.newTreasury(UNITS, 0n)
    const creator = f.newCreator()
    const result = await f.rail({ treasuryPrivateKey }).send(f.request(creator))
    assert.deepEqual(result.status === 'failed' && [result.failure, result.railCode], [PAYOUT_FAILURES.insufficientFunds, CRYPTO_RAIL_CODES.gasBalance])
    assert.deepEqual([await f.nonceOf(treasuryPrivateKey), await f.balanceOf(creator)], [0, 0n])
  })

  it('refuses malformed and zero addresses with INVALID_ACCOUNT, sending nothing', async () => {
    const nonce = await f.nonceOf()
    const creator = f.newCreator()
    const mistyped = creator.replace(/[a-f]/, (c) => c.toUpperCase()) // one letter's case flipped: the checksum fails
    for (const address of ['0x1234', 'not an address', `0x${'0'.repeat(40)}`, mistyped, f.treasury]) {
      const result = await rail.send(f.request(f.newCreator(), { destination: { rail: 'crypto', address } }))
      assert.deepEqual(result.status === 'failed' && [result.failure, result.providerRef], [PAYOUT_FAILURES.invalidAccount, null], address)
    }
    assert.equal(await f.nonceOf(), nonce)
  })

  it('refuses other currencies, amounts and rails with UNSUPPORTED, even while the node is unreachable', async () => {
    const offline = f.rail({ rpcUrl: 'http://127.0.0.1:9' })
    const creator = f.newCreator()
    for (const over of [{ currency: 'EUR' }, { amount: 0 }, { amount: 12.5 }, { destination: { rail: 'paxum' as const, holderName: 'A B', email: 'a@b.test' } }]) {
      const result = await offline.send(f.request(creator, over))
      assert.deepEqual(result.status === 'failed' && result.failure, PAYOUT_FAILURES.unsupported, JSON.stringify(over))
    }
    // a EUR-pegged rail takes EUR and refuses USD
    const eurRail = f.rail({ rpcUrl: 'http://127.0.0.1:9', currency: 'EUR' })
    assert.equal(await eurRail.send(f.request(creator)).then((r) => r.status === 'failed' && r.failure), PAYOUT_FAILURES.unsupported)
    assert.throws(() => f.rail({ currency: 'XYZ' }), /XYZ/)
  })

  it('answers null for a key that was never sent', async () => {
    assert.equal(await rail.status('payout:never-sent:send:crypto'), null)
  })
})
