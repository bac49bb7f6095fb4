import assert from 'node:assert/strict'
import { paymentRouterAbi } from '../../../chain/abis.ts'
import { paymentIdFor } from '../../../payments/crypto/amounts.ts'
import type { PayoutRail } from '../../rail.ts'
import { startPayoutFixture, type PayoutFixture } from './fixture.ts'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const iso = (seconds: bigint) => new Date(Number(seconds) * 1000).toISOString()

describe('crypto payout rail: report', function () {
  this.timeout(60_000)
  let f: PayoutFixture
  let rail: PayoutRail
  const keys: string[] = []
  const times: bigint[] = []
  before(async () => {
    f = await startPayoutFixture()
    rail = f.rail()
    // another payer's payment through the same router, which the report must leave out
    await f.mined(await f.sendAndCrash(f.request(f.newCreator()), 5_000_000n, await f.newTreasury(5_000_000n)))
    for (const amount of [1_000, 2_550]) {
      const request = f.request(f.newCreator(), { amount })
      await rail.send(request)
      keys.push(request.idempotencyKey)
      const [record] = await f.clients.public.getContractEvents({ address: f.router, abi: paymentRouterAbi, eventName: 'Payment',
        args: { paymentId: paymentIdFor(request.idempotencyKey) }, fromBlock: 0n })
      times.push((await f.clients.public.getBlock({ blockNumber: record!.blockNumber })).timestamp)
      // the second payout in a later second than the first, so a range can fall between them
      await sleep(1_100)
    }
    await sleep(600) // two more blocks: both deep enough to be settled
  })
  after(() => f.stop())

  it("lists the treasury's payouts in the range, in minor units, settled, and nobody else's payments", async () => {
    const lines = await rail.report({ from: iso(times[0]!), to: iso(times[1]! + 1n) })
    assert.deepEqual(lines, [
      { providerRef: paymentIdFor(keys[0]!), reference: null, amount: 1_000, currency: 'USD', status: 'settled', at: iso(times[0]!) },
      { providerRef: paymentIdFor(keys[1]!), reference: null, amount: 2_550, currency: 'USD', status: 'settled', at: iso(times[1]!) },
    ])
  })

  it('takes [from, to): a payout at `to` is left for the next range', async () => {
    const lines = await rail.report({ from: iso(times[0]!), to: iso(times[1]!) })
    assert.deepEqual(lines.map((l) => l.amount), [1_000])
    assert.deepEqual((await rail.report({ from: iso(times[1]!), to: iso(times[1]! + 3600n) })).map((l) => l.amount), [2_550])
  })

  it("is empty before the first payout (another payer's payment there is not ours) and in the future", async () => {
    assert.deepEqual(await rail.report({ from: '2000-01-01T00:00:00.000Z', to: iso(times[0]!) }), [])
    assert.deepEqual(await rail.report({ from: iso(times[1]! + 3600n), to: iso(times[1]! + 7200n) }), [])
  })
})
