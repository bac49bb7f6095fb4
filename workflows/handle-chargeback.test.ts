import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import { Worker } from '@temporalio/worker'
import { TOOLS } from '../ops/stack/paths.ts'
import type { Posting } from '../domain/ledger/accounts.ts'
import { chargebackFakes } from '../test/support/chargeback-fakes.ts'
import { handleChargeback } from './handle-chargeback.ts'

const workflowsPath = createRequire(import.meta.url).resolve('./index.ts')

describe('handleChargeback workflow (time-skipping test server)', function () {
  this.timeout(120_000)
  let env: TestWorkflowEnvironment
  before(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: TOOLS.temporalTestServer } } })
  })
  after(() => env?.teardown())

  async function run(f: ReturnType<typeof chargebackFakes>) {
    const taskQueue = `cb-${randomUUID()}`
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, activities: f.activities })
    return worker.runUntil(env.client.workflow.execute(handleChargeback, { workflowId: `chargeback:ccbill:${randomUUID()}`, taskQueue,
      args: [{ processor: 'ccbill', transactionId: 'tx-1', eventId: 'ev-1', purchaseWorkflowId: 'ppv:fan-1:post-1' }] }))
  }
  const ledgerPostings = (f: ReturnType<typeof chargebackFakes>) => f.calls.find((c) => c.name === 'postJournalEntry')!.args.postings as Posting[]

  it('inside the window: revokes access, claws the whole share back from pending, books only the fee as a loss', async () => {
    const f = chargebackFakes({ stillPending: true, clawbackLimit: 10_000 })
    const out = await run(f)
    assert.deepEqual(f.calls.map((c) => c.name), ['loadChargebackCase', 'recordChargebackCase', 'revokeEntitlement', 'postJournalEntry',
      'recordPurchase', 'assembleEvidencePack', 'flagFan', 'recordChargebackCase'])
    assert.deepEqual([out.clawedBack, out.loss], [666, 2500])
    const [opened, closed] = f.calls.filter((c) => c.name === 'recordChargebackCase').map((c) => c.args)
    assert.deepEqual([opened!.status, opened!.amount, opened!.outcome], ['OPEN', 1000, undefined])
    assert.deepEqual([closed!.status, closed!.outcome], ['CLOSED',
      { clawedBack: 666, loss: 2500, fee: 2500, ledgerEntryId: '43', evidenceKey: 'evidence/chargebacks/ccbill/tx-1.json' }])
    const p = ledgerPostings(f)
    assert.equal(p.reduce((s, x) => s + x.amount, 0), 0)
    assert.deepEqual(p.filter((x) => x.account.kind === 'creatorPending').map((x) => x.amount), [666])
    assert.equal(f.calls.find((c) => c.name === 'recordPurchase')!.args.status, 'CHARGED_BACK')
  })

  it('after release with too little left: claws back what the creator has, the rest of the share is our loss', async () => {
    const f = chargebackFakes({ stillPending: false, clawbackLimit: 200 })
    const out = await run(f)
    assert.deepEqual([out.clawedBack, out.loss], [200, 466 + 2500])
    const p = ledgerPostings(f)
    assert.equal(p.reduce((s, x) => s + x.amount, 0), 0)
    assert.deepEqual(p.filter((x) => x.account.kind === 'creatorAvailable').map((x) => x.amount), [200])
    assert.equal(p.filter((x) => x.account.kind === 'chargebackLosses').reduce((s, x) => s + x.amount, 0), 466 + 2500)
  })
})
