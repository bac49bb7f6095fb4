import assert from 'node:assert/strict'
import { ApplicationFailure } from '@temporalio/common'
import { chargeRequest, startVerotelHarness, type VerotelHarness } from '../../../ops/sandboxes/verotel/harness.ts'
import type { ProcessorDriver } from '../driver.ts'
import { createVerotelDriver } from './driver.ts'

describe('verotel driver against the sandbox: refunds, voids and status', () => {
  let h: VerotelHarness
  beforeEach(async () => { h = await startVerotelHarness() })
  afterEach(() => h.stop())

  const approvedSale = async (d: ProcessorDriver) => {
    const result = await d.charge(chargeRequest())
    assert.equal(result.status, 'approved')
    return result.transactionId ?? ''
  }
  const events = async (d: ProcessorDriver, count: number) => (await h.receiver.waitFor(count)).map((n) => d.parseNotification(n))

  const reversals: [string, boolean, number, 'voided' | 'refunded'][] = [
    ['voids an unsettled sale refunded whole', false, 999, 'voided'],
    ['credits part of an unsettled sale', false, 500, 'refunded'],
    ['credits a settled sale refunded whole', true, 999, 'refunded'],
    ['credits part of a settled sale', true, 500, 'refunded'],
  ]
  for (const [what, settled, amount, outcome] of reversals) {
    it(`${what}, a retry reverses nothing more, and the credit postback parses`, async () => {
      const d = createVerotelDriver(h.driverConfig)
      const saleID = await approvedSale(d)
      if (settled) assert.equal(await h.control('settle', saleID), 200)
      const request = { idempotencyKey: `k:${what}`, transactionId: saleID, amount, currency: 'USD', reason: 'fan asked' }
      const result = await d.refund(request)
      assert.deepEqual([result.status, result.feeRefunded], [outcome, outcome === 'voided'])
      assert.deepEqual(await d.refund({ ...request, idempotencyKey: 'k:another-attempt' }), result)
      assert.equal((await d.status(saleID)).state, outcome)
      const onRecord = h.sandbox.state.findSale(saleID)?.transactions.filter((t) => t.type !== 'sale') ?? []
      assert.deepEqual(onRecord.map((t) => t.transactionID), [result.refundId])
      const credit = (await events(d, 2)).find((e) => e.type === 'refund')
      assert.deepEqual([credit?.transactionId, credit?.amount, credit?.reference.fanId], [saleID, amount, 'fan-1'])
    })
  }

  it('credits instead when the sale settles between the lookup and the void', async () => {
    let saleID = ''
    const settlingAfterLookup: typeof fetch = async (input, init) => {
      const res = await fetch(input, init)
      if (String(input).endsWith(`/api/sale/${saleID}`)) await h.control('settle', saleID)
      return res
    }
    const d = createVerotelDriver({ ...h.driverConfig, fetch: settlingAfterLookup })
    saleID = await approvedSale(d)
    const result = await d.refund({ idempotencyKey: 'k:race', transactionId: saleID, amount: 999, currency: 'USD', reason: 'x' })
    assert.deepEqual([result.status, result.feeRefunded], ['refunded', false])
    assert.deepEqual(h.sandbox.state.findSale(saleID)?.transactions.map((t) => t.type), ['sale', 'credit'])
  })

  it('reports approved, chargeback and unknown states; refuses to refund a chargeback, an unknown sale, another currency', async () => {
    const d = createVerotelDriver(h.driverConfig)
    const saleID = await approvedSale(d)
    assert.deepEqual(await d.status(saleID), { transactionId: saleID, state: 'approved' })
    assert.deepEqual(await d.status('1234'), { transactionId: '1234', state: 'unknown' })
    assert.equal(await h.control('chargeback', saleID), 200)
    assert.equal((await d.status(saleID)).state, 'chargeback')
    const refusedAs = (type: string) => (err: Error) => err instanceof ApplicationFailure && err.nonRetryable && err.type === type
    await assert.rejects(d.refund({ idempotencyKey: 'k', transactionId: saleID, amount: 999, currency: 'USD', reason: 'x' }),
      refusedAs('VEROTEL_ALREADY_CHARGED_BACK'))
    await assert.rejects(d.refund({ idempotencyKey: 'k', transactionId: '1234', amount: 999, currency: 'USD', reason: 'x' }),
      refusedAs('VEROTEL_UNKNOWN_TRANSACTION'))
    const other = await approvedSale(d)
    await assert.rejects(d.refund({ idempotencyKey: 'k', transactionId: other, amount: 999, currency: 'EUR', reason: 'x' }),
      refusedAs('VEROTEL_BAD_REQUEST'))
    const chargeback = (await events(d, 2)).find((e) => e.type === 'chargeback')
    assert.deepEqual([chargeback?.transactionId, chargeback?.amount], [saleID, 999])
  })
})
