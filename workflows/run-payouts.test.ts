import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import { Worker } from '@temporalio/worker'
import { TOOLS } from '../ops/stack/paths.ts'
import { payoutFakes, RUN_ID, type PayoutFakeOptions, type PayoutFakes } from '../test/support/payout-fakes.ts'
import { runPayouts, verifyPayoutMethod } from './run-payouts.ts'
import { PAYOUT_TIMING, payCreatorWorkflowId, payoutRunWorkflowId, payoutsTaskQueue, verifyPayoutMethodWorkflowId } from './payouts.contract.ts'

const workflowsPath = createRequire(import.meta.url).resolve('./index.ts')
const SECOND = 1000
const RUN_WORKFLOW_ID = payoutRunWorkflowId('boyfanz', '2026-01-05T09:00:00Z')
const childId = (creatorId: string) => payCreatorWorkflowId(RUN_WORKFLOW_ID, creatorId)
const SEVEN: PayoutFakeOptions['creators'] = [
  { creatorId: 'creator-1' },
  { creatorId: 'creator-2', assessment: { payable: false, amount: 0, blockedBy: ['KYC_CURRENT'], blockedDetail: 'Identity check expired.' } },
  { creatorId: 'creator-3' },
  { creatorId: 'creator-4', assessment: { rails: ['ach'] } },
  { creatorId: 'creator-5', assessment: { payable: false, amount: 0, blockedBy: ['MINIMUM'], blockedDetail: 'Below 50.00.' } },
  { creatorId: 'creator-6', assessment: { rails: ['wise'] } },
  { creatorId: 'creator-7' },
]

describe('runPayouts workflow (time-skipping test server)', function () {
  this.timeout(120_000)
  // one environment per test: children left watching for returns would move a shared clock
  let env: TestWorkflowEnvironment
  beforeEach(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: TOOLS.temporalTestServer } } })
  })
  afterEach(() => env?.teardown())

  /** Runs a brand's payout run to its end; children run on the same (finance) worker. */
  async function run(opts: PayoutFakeOptions) {
    const f = payoutFakes(opts)
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: payoutsTaskQueue, workflowsPath, activities: f.activities })
    const out = await worker.runUntil(async () => {
      const h = await env.client.workflow.start(runPayouts, { workflowId: RUN_WORKFLOW_ID, taskQueue: payoutsTaskQueue,
        args: [{ brand: 'boyfanz', trigger: 'schedule' }] })
      const result = await h.result()
      const last = await env.client.workflow.getHandle(RUN_WORKFLOW_ID).describe()
      const child = opts.creators?.length ? await env.client.workflow.getHandle(childId('creator-1')).describe() : null
      return { result, firstRunId: h.firstExecutionRunId, lastRunId: last.runId, child }
    })
    return { ...out, f }
  }
  /** The run's own calls (children call the same fakes). */
  const ofRun = (f: PayoutFakes) => f.calls.filter((c) => c.workflowId === RUN_WORKFLOW_ID)

  it('starts one payCreator child per item, waits for all of them, reconciles once and counts the outcomes', async () => {
    const { result, child, f } = await run({ creators: SEVEN, rails: {
      ach: { send: 'sent', status: ['sent', 'sent', 'settled'] },
      wise: { send: { failure: 'INVALID_ACCOUNT', railCode: 'ACCOUNT_CLOSED', message: 'closed account' } },
    } })
    assert.deepEqual(result, { runId: RUN_ID, creators: 7, paid: 4, blocked: 2, failed: 1, cases: 0 })

    const open = f.named('openPayoutRun')
    assert.equal(open.length, 1)
    assert.deepEqual({ ...open[0]!.args, asOf: undefined }, { workflowId: RUN_WORKFLOW_ID, brand: 'boyfanz', trigger: 'schedule', asOf: undefined })
    assert.deepEqual(f.named('nextPayoutItems')[0]!.args, { runId: RUN_ID, after: null, limit: Math.min(PAYOUT_TIMING.page, PAYOUT_TIMING.window) })
    assert.deepEqual(f.named('nextPayoutItems').at(-1)!.args.after, 'creator-7', 'paged to the end')

    // every child started once, under its business id, with its item
    const assessed = f.named('assessPayout').map((c) => [c.workflowId, c.args.itemId])
    assert.deepEqual(assessed.sort(), SEVEN!.map((c) => [childId(c.creatorId), `item-${c.creatorId}`]).sort())
    assert.deepEqual([child?.type, child?.parentExecution?.workflowId], ['payCreator', RUN_WORKFLOW_ID])
    const lock = f.named('lockPayout').find((c) => c.workflowId === childId('creator-3'))!
    assert.deepEqual(lock.args, { itemId: 'item-creator-3', workflowId: childId('creator-3'), brand: 'boyfanz', currency: 'USD', creatorId: 'creator-3',
      amount: 1000, reserve: 0, netted: 0, reserveDays: 30 })
    assert.ok(f.named('sendPayout').every((c) => c.args.runId === RUN_ID))

    // reconciled once, at the end, when no item was open any more
    assert.equal(f.named('reconcilePayoutRun').length, 1)
    assert.deepEqual(f.reconciled, [{ 'item-creator-1': 'PAID', 'item-creator-2': 'BLOCKED', 'item-creator-3': 'PAID', 'item-creator-4': 'PAID',
      'item-creator-5': 'BLOCKED', 'item-creator-6': 'FAILED', 'item-creator-7': 'PAID' }])
    assert.deepEqual(f.named('setPayoutRunStatus').map((c) => c.args.status), ['SETTLING', 'RECONCILING', 'COMPLETED'])
    const names = ofRun(f).map((c) => c.name)
    assert.deepEqual(names.slice(-4), ['setPayoutRunStatus', 'reconcilePayoutRun', 'setPayoutRunStatus', 'payoutRunProgress'])
  })

  it('a run with no payable creator completes at once', async () => {
    const { result, f } = await run({ creators: [] })
    assert.deepEqual(result, { runId: RUN_ID, creators: 0, paid: 0, blocked: 0, failed: 0, cases: 0 })
    assert.deepEqual(f.names(), ['openPayoutRun', 'payoutRunProgress', 'countUnstartedItems', 'setPayoutRunStatus', 'payoutRunProgress',
      'setPayoutRunStatus', 'reconcilePayoutRun', 'setPayoutRunStatus', 'payoutRunProgress'])
    assert.ok(f.calls.at(-1)!.at - f.calls[0]!.at < 5 * SECOND, 'no waiting')
  })

  it('continues as new while a child stays open, keeping the run record and the cursor; nothing is started twice', async () => {
    // creator-2's ach payout stays sent for 30 polls (about 4.7 days): the run polls at most every 10 minutes meanwhile
    const { result, firstRunId, lastRunId, f } = await run({ creators: [{ creatorId: 'creator-1' }, { creatorId: 'creator-2', assessment: { rails: ['ach'] } }],
      rails: { ach: { send: 'sent', status: [...Array(30).fill('sent'), 'settled'] } } })
    assert.deepEqual(result, { runId: RUN_ID, creators: 2, paid: 2, blocked: 0, failed: 0, cases: 0 })
    assert.notEqual(lastRunId, firstRunId, 'the run continued as new')
    const runs = [...new Set(ofRun(f).map((c) => c.runId))]
    assert.ok(runs.length >= 2, `${runs.length} runs`)
    const callsOf = (runId: string) => ofRun(f).filter((c) => c.runId === runId)
    const later = runs.slice(1).map(callsOf)

    assert.equal(f.named('openPayoutRun').length, 1, 'the run record is opened once')
    assert.ok(f.named('nextPayoutItems').every((c) => c.runId === runs[0]), 'no paging after continuing: every child was started')
    assert.deepEqual(f.named('assessPayout').map((c) => c.workflowId).sort(), [childId('creator-1'), childId('creator-2')], 'each child started once')
    for (const calls of later) {
      assert.deepEqual(calls.slice(0, 2).map((c) => [c.name, c.args]), [['payoutRunProgress', { runId: RUN_ID }],
        ['countUnstartedItems', { runId: RUN_ID, after: 'creator-2' }]], 'the cursor survives continue-as-new')
      assert.deepEqual(calls[2]!.args, { runId: RUN_ID, status: 'SETTLING' }, 'straight back to waiting: nothing left to start')
    }
    assert.ok(later.some((calls) => calls.filter((c) => c.name === 'payoutRunProgress').length > 3), 'a continued run kept polling')
    assert.equal(f.named('reconcilePayoutRun').length, 1)
    assert.equal(f.named('reconcilePayoutRun')[0]!.runId, runs.at(-1))
    assert.deepEqual(f.reconciled, [{ 'item-creator-1': 'PAID', 'item-creator-2': 'PAID' }])
  })

  it('verifyPayoutMethod answers what the rail says about the method', async () => {
    const f = payoutFakes()
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: payoutsTaskQueue, workflowsPath, activities: f.activities })
    const verify = (methodId: string) => env.client.workflow.execute(verifyPayoutMethod, { workflowId: verifyPayoutMethodWorkflowId(methodId),
      taskQueue: payoutsTaskQueue, args: [{ methodId }] })
    const [ok, bad] = await worker.runUntil(async () => [await verify('method-1'), await verify('bad-1')])
    assert.deepEqual(ok, { verified: true, reason: null })
    assert.deepEqual(bad, { verified: false, reason: 'The account does not exist.' })
    assert.deepEqual(f.named('verifyPayoutMethodWithRail').map((c) => c.args.methodId).sort(), ['bad-1', 'method-1'])
  })
})
