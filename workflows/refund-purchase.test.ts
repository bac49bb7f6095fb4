import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import { Worker } from '@temporalio/worker'
import { TOOLS } from '../ops/stack/paths.ts'
import type { Posting } from '../domain/ledger/accounts.ts'
import { refundFakes } from '../test/support/chargeback-fakes.ts'
import { refundPurchase } from './refund-purchase.ts'

const workflowsPath = createRequire(import.meta.url).resolve('./index.ts')

describe('refundPurchase workflow (time-skipping test server)', function () {
  this.timeout(120_000)
  let env: TestWorkflowEnvironment
  before(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: TOOLS.temporalTestServer } } })
  })
  after(() => env?.teardown())

  const run = async (f: ReturnType<typeof refundFakes>) => {
    const taskQueue = `refund-${randomUUID()}`
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities: f.activities })
    const workflowId = `refund:${randomUUID()}`
    const out = await worker.runUntil(env.client.workflow.execute(refundPurchase, { workflowId, taskQueue,
      args: [{ purchaseId: 'p-1', requestedBy: { personId: 'fan-1', role: 'fan' }, reason: 'bought by mistake' }] }))
    return { out, workflowId }
  }

  for (const voided of [true, false]) {
    it(`revokes access, refunds at the processor, then reverses the sale ${voided ? 'with' : 'without'} the processor fee`, async () => {
      const f = refundFakes({ voided })
      const { out, workflowId } = await run(f)
      assert.deepEqual(f.calls.map((c) => c.name), ['loadRefundCase', 'revokeEntitlement', 'refundCharge', 'postJournalEntry', 'recordPurchase'])
      assert.equal(f.calls[2]!.args.idempotencyKey, `${workflowId}:refund`)
      const postings = f.calls[3]!.args.postings as Posting[]
      assert.equal(postings.reduce((s, p) => s + p.amount, 0), 0)
      assert.equal(postings.some((p) => p.account.kind === 'processorFees'), voided, 'the fee pair is reversed only when the processor refunded it')
      assert.equal(f.calls[3]!.args.reversesId, '42')
      assert.deepEqual([out.feeRefunded, f.calls[4]!.args.status], [voided, 'REFUNDED'])
    })
  }

  const byKind = (postings: Posting[]) => Object.fromEntries(postings.filter((p) => p.account.kind.startsWith('creator')).map((p) => [p.account.kind, p.amount]))

  it('takes back what the creator still has and books the rest of the share as owed by the creator', async () => {
    const f = refundFakes({ voided: false, clawbackLimit: 100 })
    await run(f)
    const postings = f.calls.find((c) => c.name === 'postJournalEntry')!.args.postings as Posting[]
    assert.equal(postings.reduce((s, p) => s + p.amount, 0), 0)
    assert.deepEqual(byKind(postings), { creatorPending: 100, creatorReceivable: 566 })
  })

  it('when a payout empties the account between reading the case and booking, the whole share becomes owed', async () => {
    const f = refundFakes({ voided: false, clawbackLimit: 666, refuseFirstPost: true })
    await run(f)
    const posts = f.calls.filter((c) => c.name === 'postJournalEntry').map((c) => c.args)
    assert.equal(posts.length, 2)
    assert.equal(posts[0]!.idempotencyKey, posts[1]!.idempotencyKey, 'the retry posts under the same key (nothing was posted)')
    assert.deepEqual(byKind(posts[0]!.postings as Posting[]), { creatorPending: 666 })
    assert.deepEqual(byKind(posts[1]!.postings as Posting[]), { creatorReceivable: 666 })
    assert.equal(f.calls.at(-1)!.args.status, 'REFUNDED')
  })
})
