import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common'
import { continueAsNew, ParentClosePolicy, sleep, startChild, workflowInfo, WorkflowIdReusePolicy } from '@temporalio/workflow'
import { payCreator } from './pay-creator.ts'
import { payoutBooks as books, payoutRails as rails, payoutSelection as selection } from './payout-activities.ts'
import { PAYOUT_TIMING, payoutsTaskQueue, type RunPayoutsInput, type RunPayoutsOutput } from './payouts.contract.ts'

/** Continue as new well before the history limit: a page of children adds a few hundred events. */
const HISTORY_BUDGET = 5_000

/**
 * A brand's payout run, started by its Schedule (or by finance): selects every creator whose net available balance
 * meets their minimum, runs a payCreator child per creator (at most PAYOUT_TIMING.window at once, children outlive
 * the run's continue-as-new), waits until every child has a final outcome, then reconciles the ledger with each
 * rail's own report and opens a case per difference.
 */
export async function runPayouts(input: RunPayoutsInput): Promise<RunPayoutsOutput> {
  const info = workflowInfo()
  let state = input.state
  if (!state) {
    const asOf = new Date().toISOString()
    const opened = await selection.openPayoutRun({ workflowId: info.workflowId, brand: input.brand, trigger: input.trigger, asOf })
    state = { runId: opened.runId, asOf, after: null, startedAll: opened.creators === 0, polls: 0 }
  }
  const { runId } = state
  let started = (await books.payoutRunProgress({ runId })).total - (await books.countUnstartedItems({ runId, after: state.after }))

  while (!state.startedAll) {
    const progress = await books.payoutRunProgress({ runId })
    const inFlight = started - (progress.total - progress.open)
    const room = Math.min(PAYOUT_TIMING.page, PAYOUT_TIMING.window - inFlight)
    if (room <= 0) {
      await sleep(PAYOUT_TIMING.runPoll)
      continue
    }
    const page = await books.nextPayoutItems({ runId, after: state.after, limit: room })
    if (page.length === 0) {
      state.startedAll = true
      break
    }
    await Promise.all(page.map((item) => startChild(payCreator, {
      workflowId: item.workflowId, taskQueue: payoutsTaskQueue,
      // children keep paying while this run continues as new, and are never cut off by it
      parentClosePolicy: ParentClosePolicy.ABANDON,
      // a creator is paid once per run: a reset run finds the child started before and does not start it again
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      args: [{ runId, itemId: item.id, creatorId: item.creatorId, brand: input.brand, currency: item.currency }],
    }).catch((err: unknown) => { if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err })))
    started += page.length
    state.after = page[page.length - 1]!.creatorId
    if (workflowInfo().historyLength > HISTORY_BUDGET || workflowInfo().continueAsNewSuggested) await continueAsNew<typeof runPayouts>({ ...input, state })
  }

  await books.setPayoutRunStatus({ runId, status: 'SETTLING' })
  for (let lastOpen = Infinity; ;) {
    const progress = await books.payoutRunProgress({ runId })
    if (progress.open === 0) break
    // while payouts are finishing, look again soon; when nothing moves (approvals, slow rails), back off to minutes
    state.polls = progress.open < lastOpen ? 0 : state.polls + 1
    lastOpen = progress.open
    await sleep(Math.min(PAYOUT_TIMING.runPoll * 2 ** Math.min(state.polls, 10), PAYOUT_TIMING.maxRunPoll))
    if (workflowInfo().historyLength > HISTORY_BUDGET) await continueAsNew<typeof runPayouts>({ ...input, state })
  }

  await books.setPayoutRunStatus({ runId, status: 'RECONCILING' })
  const { cases } = await selection.reconcilePayoutRun({ runId })
  await books.setPayoutRunStatus({ runId, status: 'COMPLETED' })
  const done = (await books.payoutRunProgress({ runId })).byStatus
  const count = (...statuses: string[]) => statuses.reduce((s, k) => s + (done[k] ?? 0), 0)
  return { runId, creators: Object.values(done).reduce((s, n) => s + n, 0), paid: count('PAID'), blocked: count('BLOCKED', 'REJECTED', 'EXPIRED'),
    failed: count('FAILED', 'RETURNED', 'UNCONFIRMED'), cases }
}

/** Checks a payout method a creator added with its rail; the studio shows VERIFIED or the rail's reason. */
export async function verifyPayoutMethod(input: { methodId: string }): Promise<{ verified: boolean; reason: string | null }> {
  const result = await rails.verifyPayoutMethodWithRail(input)
  await books.notifyCreatorOfMethod({ methodId: input.methodId, ...result, key: `${workflowInfo().workflowId}:notice` })
  return result
}
