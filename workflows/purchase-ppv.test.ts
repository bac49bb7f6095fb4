import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import { Worker } from '@temporalio/worker'
import type { ApplicationFailure } from '@temporalio/common'
import { WorkflowFailedError } from '@temporalio/client'
import { TOOLS } from '../ops/stack/paths.ts'
import type { Posting } from '../domain/ledger/accounts.ts'
import { fakes } from '../test/support/ppv-fakes.ts'
import { chargebackNoticeSignal, earningsHoldSignal, purchasePpv } from './purchase-ppv.ts'
import { purchaseKey, purchaseStateQuery, type PurchasePpvInput } from './purchase-ppv.contract.ts'

const workflowsPath = createRequire(import.meta.url).resolve('./index.ts')
describe('purchasePpv workflow (time-skipping test server)', function () {
  this.timeout(120_000)
  let env: TestWorkflowEnvironment
  before(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: TOOLS.temporalTestServer } } })
  })
  after(() => env?.teardown())

  async function run(f: ReturnType<typeof fakes>, during?: (h: Awaited<ReturnType<typeof env.client.workflow.start>>) => Promise<void>) {
    const taskQueue = `ppv-${randomUUID()}`
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities: f.activities })
    const input: PurchasePpvInput = { purchaseId: 'p-1', fanId: 'fan-1', postId: 'post-1', processor: 'ccbill', paymentToken: 'tok_approve', jurisdiction: 'DE' }
    return worker.runUntil(async () => {
      const handle = await env.client.workflow.start(purchasePpv, { workflowId: `ppv:fan-1:${randomUUID()}`, taskQueue, args: [input] })
      if (during) await during(handle)
      return { workflowId: handle.workflowId, result: await handle.result() }
    })
  }

  it('charges once, books the split, grants access, and releases the creator share after the 30-day window', async () => {
    const f = fakes()
    const { result } = await run(f)
    assert.deepEqual(result, { state: 'completed', transactionId: 'tx-1', reason: null })
    assert.deepEqual(f.names(), ['quotePurchase', 'recordPurchase', 'chargeFan', 'postJournalEntry', 'grantEntitlement', 'recordPurchase', 'postJournalEntry'])
    assert.equal(f.calls[2]!.args.idempotencyKey, purchaseKey('p-1', 'charge'))
    const [sale, release] = f.calls.filter((c) => c.name === 'postJournalEntry')
    assert.equal(sale!.args.idempotencyKey, purchaseKey('p-1', 'sale'))
    const postings = sale!.args.postings as Posting[]
    assert.equal(postings.reduce((s, p) => s + p.amount, 0), 0)
    // 10.00 gross, 20 % VAT inclusive: tax 1.67, creator 80 % of 8.33 = 6.66, platform 1.67, fee 1.30
    assert.equal(postings.find((p) => p.account.kind === 'creatorPending')!.amount, -666)
    assert.equal(release!.args.idempotencyKey, purchaseKey('p-1', 'release'))
    assert.deepEqual((release!.args.postings as Posting[]).map((p) => [p.account.kind, p.amount]), [['creatorPending', 666], ['creatorAvailable', -666]])
    assert.deepEqual(f.calls.filter((c) => c.name === 'recordPurchase').map((c) => c.args.status), ['PENDING', 'COMPLETED'])
  })

  it('a zero-day chargeback window releases the creator share at once, with no timer in the history', async () => {
    const f = fakes({ quote: { chargebackWindowDays: 0 } })
    const { workflowId, result } = await run(f)
    assert.equal(result.state, 'completed')
    assert.deepEqual(f.names(), ['quotePurchase', 'recordPurchase', 'chargeFan', 'postJournalEntry', 'grantEntitlement', 'recordPurchase', 'postJournalEntry'])
    assert.equal(f.calls[6]!.args.idempotencyKey, purchaseKey('p-1', 'release'))
    const { events } = await env.client.workflow.getHandle(workflowId).fetchHistory()
    assert.ok(events!.length > 0)
    assert.equal(events!.filter((e) => e.timerStartedEventAttributes).length, 0)
  })

  it('a decline records it and books nothing', async () => {
    const f = fakes({ decline: true })
    const { result } = await run(f)
    assert.equal(result.state, 'declined')
    assert.deepEqual(f.names(), ['quotePurchase', 'recordPurchase', 'chargeFan', 'recordPurchase'])
    assert.equal(f.calls[3]!.args.status, 'DECLINED')
  })

  it('a ledger failure refunds the charge and grants nothing', async () => {
    const f = fakes({ fail: 'postJournalEntry' })
    const { result } = await run(f)
    assert.equal(result.state, 'failed')
    assert.deepEqual(f.names(), ['quotePurchase', 'recordPurchase', 'chargeFan', 'postJournalEntry', 'refundCharge', 'recordPurchase'])
    assert.equal(f.calls[4]!.args.idempotencyKey, purchaseKey('p-1', 'refund'))
    assert.equal(f.calls[5]!.args.status, 'FAILED')
  })

  it('an entitlement failure reverses the sale entry, then refunds', async () => {
    const f = fakes({ fail: 'grantEntitlement' })
    const { result } = await run(f)
    assert.equal(result.state, 'failed')
    assert.deepEqual(f.names(), ['quotePurchase', 'recordPurchase', 'chargeFan', 'postJournalEntry', 'grantEntitlement', 'postJournalEntry', 'refundCharge', 'recordPurchase'])
    const reversal = f.calls[5]!.args
    assert.equal(reversal.idempotencyKey, purchaseKey('p-1', 'sale:reversal'))
    const sale = f.calls[3]!.args.postings as Posting[]
    assert.deepEqual((reversal.postings as Posting[]).map((p) => p.amount), sale.map((p) => -p.amount))
  })

  it('a chargeback notice inside the window keeps the creator share pending', async () => {
    const f = fakes()
    const { result } = await run(f, async (handle) => {
      for (let i = 0; i < 100 && (await handle.query(purchaseStateQuery)) !== 'completed'; i++) await new Promise((r) => setTimeout(r, 50))
      await handle.signal(chargebackNoticeSignal, { eventId: 'cb-1' })
    })
    assert.equal(result.state, 'completed')
    assert.equal(f.calls.filter((c) => c.name === 'postJournalEntry').length, 1, 'no release after a chargeback')
  })

  it('a takedown freezes the creator share past the window; lifting the freeze releases it', async () => {
    const f = fakes()
    const { result } = await run(f, async (handle) => {
      for (let i = 0; i < 100 && (await handle.query(purchaseStateQuery)) !== 'completed'; i++) await new Promise((r) => setTimeout(r, 50))
      await handle.signal(earningsHoldSignal, { held: true, reason: 'COPYRIGHT' })
      await env.sleep(45 * 86_400_000)
      assert.equal(f.calls.filter((c) => c.name === 'postJournalEntry').length, 1, 'frozen: no release at the end of the window')
      await handle.signal(earningsHoldSignal, { held: false, reason: 'reinstated' })
    })
    assert.equal(result.state, 'completed')
    const entries = f.calls.filter((c) => c.name === 'postJournalEntry')
    assert.deepEqual(entries.map((c) => c.args.idempotencyKey), [purchaseKey('p-1', 'sale'), purchaseKey('p-1', 'release')])
  })

  it('a refused quote (own post) fails the workflow with its code and charges nothing', async () => {
    const f = fakes({ fail: 'quotePurchase' })
    await assert.rejects(run(f), (err: unknown) => err instanceof WorkflowFailedError
      && (err.cause?.cause as ApplicationFailure | undefined)?.type === 'TEST_FAILURE')
    assert.deepEqual(f.names(), ['quotePurchase'])
  })
})
