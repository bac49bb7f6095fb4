/** In-memory payout activities (items, ledger calls, rails, mail) recording every call with its server time, for workflow tests. */
import { Context } from '@temporalio/activity'
import { ApplicationFailure } from '@temporalio/common'
import type { PayoutActivities } from '../../activities/payouts/index.ts'
import type { Assessment } from '../../activities/payouts/assess.ts'
import type { PayoutFailureCode, PayoutRailName, PayoutState } from '../../activities/payouts/rail.ts'
import { FINAL_ITEM_STATUSES } from '../../activities/payouts/runs.ts'
import type { PayoutSettingsRow } from '../../activities/payouts/settings.ts'
import { payCreatorWorkflowId, type PayoutItemStatus } from '../../workflows/payouts.contract.ts'

export type ActivityName = keyof PayoutActivities
/** One activity call: its arguments, the test server's clock when it was scheduled, and the calling workflow's ids. */
export type Call = { name: ActivityName; args: Record<string, unknown>; at: number; workflowId: string; runId: string }

/** What a rail answers: accepted and on its way, paid, or a final failure with the rail's own code. */
export type RailAnswer = 'sent' | 'settled' | { failure: PayoutFailureCode; railCode: string; message?: string }
/** A rail's script: what sendPayout answers, then what each payoutStatus poll of one payout answers (the last one repeats). */
export type RailScript = { send: RailAnswer; status?: RailAnswer[] }

export type PayoutFakeOptions = {
  /** the first assessment of every item (default: payable, 1000 minor units on paxum, no approval) */
  assessment?: Partial<Assessment>
  /** the assessment after an approval (default: the first one, capped at the approved amount, without approval) */
  reassessment?: Partial<Assessment>
  /** the run's creators in creator order, each with its own assessment (runPayouts) */
  creators?: { creatorId: string; assessment?: Partial<Assessment> }[]
  rails?: Partial<Record<PayoutRailName, RailScript>>
  /** lockPayout is refused by the ledger: the balance shrank meanwhile (BALANCE_CHANGED) */
  balanceChanged?: boolean
  /** a rail unreachable (sendPayout and payoutStatus throw retryable errors) for this long after its first call */
  down?: { rail: PayoutRailName; forMs: number }
  /** activities that wait (heartbeating) until `release(name)` */
  hold?: ActivityName[]
}

export const PAYABLE: Assessment = { payable: true, amount: 1000, reserve: 0, netted: 0, reserveDays: 30, blockedBy: [], blockedDetail: '', approval: null,
  rails: ['paxum'] }
export const SETTINGS: PayoutSettingsRow = { brand: 'boyfanz', currency: 'USD', cadence: 'weekly', weekday: 1, dayOfMonth: 1, hourUtc: 9, minimum: 5000,
  reserveBps: 0, reserveDays: 30, approvalThreshold: 1_000_000 }
export const RUN_ID = 'run-1'
const SETTLED_AT = '2026-01-05T09:00:00.000Z'

type Item = { id: string; runId: string; creatorId: string; workflowId: string; currency: string; status: PayoutItemStatus }

export function payoutFakes(opts: PayoutFakeOptions = {}) {
  const calls: Call[] = []
  const items = new Map<string, Item>()
  const rails: Partial<Record<PayoutRailName, RailScript>> = { paxum: { send: 'settled' }, ...opts.rails }
  const polls = new Map<string, number>()
  const released = new Set<ActivityName>()
  /** each item's status when reconcilePayoutRun was called */
  const reconciled: Record<string, PayoutItemStatus>[] = []

  const itemOf = (itemId: string) => {
    if (!items.has(itemId)) items.set(itemId, { id: itemId, runId: RUN_ID, creatorId: 'creator-1', workflowId: '', currency: 'USD', status: 'SELECTED' })
    return items.get(itemId)!
  }
  const set = (itemId: string, status: PayoutItemStatus) => { itemOf(itemId).status = status }
  const assessmentOf = (itemId: string): Assessment => {
    const creator = opts.creators?.find((c) => `item-${c.creatorId}` === itemId)
    return { ...PAYABLE, ...opts.assessment, ...creator?.assessment }
  }
  const stateOf = (answer: RailAnswer, providerRef: string): PayoutState =>
    answer === 'sent' ? { status: 'sent', providerRef }
      : answer === 'settled' ? { status: 'settled', providerRef, settledAt: SETTLED_AT }
        : { status: 'failed', providerRef, failure: answer.failure, railCode: answer.railCode, message: answer.message ?? `refused (${answer.railCode})` }

  const rec = <A extends object, R>(name: ActivityName, result: (args: A) => R) => async (args: A): Promise<Awaited<R>> => {
    const ctx = Context.current()
    // every payout activity is called from a workflow
    const { workflowId, runId } = ctx.info.workflowExecution!
    calls.push({ name, args: JSON.parse(JSON.stringify(args)) as Record<string, unknown>, at: ctx.info.currentAttemptScheduledTimestampMs, workflowId, runId })
    if (opts.hold?.includes(name)) while (!released.has(name)) { ctx.heartbeat(); await ctx.sleep(20) }
    return await result(args)
  }
  const none = () => undefined
  let downSince: number | null = null
  /** Throws a transport error while the rail is down (the activity's retry policy takes over). */
  const reach = (rail: PayoutRailName) => {
    if (opts.down?.rail !== rail) return
    const now = calls.at(-1)!.at
    downSince ??= now
    if (now - downSince < opts.down.forMs) throw new Error(`${rail} unreachable (503)`)
  }

  const activities = {
    openPayoutRun: rec('openPayoutRun', (a: { workflowId: string; brand: string }) => {
      for (const c of opts.creators ?? []) {
        items.set(`item-${c.creatorId}`, { id: `item-${c.creatorId}`, runId: RUN_ID, creatorId: c.creatorId, workflowId: payCreatorWorkflowId(a.workflowId, c.creatorId),
          currency: 'USD', status: 'SELECTED' })
      }
      return { runId: RUN_ID, creators: items.size }
    }),
    nextPayoutItems: rec('nextPayoutItems', (a: { runId: string; after: string | null; limit: number }) =>
      [...items.values()].filter((i) => i.runId === a.runId && (a.after === null || i.creatorId > a.after)).sort((x, y) => x.creatorId.localeCompare(y.creatorId))
        .slice(0, a.limit).map(({ id, creatorId, workflowId, currency, status }) => ({ id, creatorId, workflowId, currency, status: status as string }))),
    payoutRunProgress: rec('payoutRunProgress', (a: { runId: string }) => {
      const mine = [...items.values()].filter((i) => i.runId === a.runId)
      const byStatus: Record<string, number> = {}
      for (const i of mine) byStatus[i.status] = (byStatus[i.status] ?? 0) + 1
      return { total: mine.length, open: mine.filter((i) => !(FINAL_ITEM_STATUSES as readonly string[]).includes(i.status)).length, byStatus }
    }),
    setPayoutRunStatus: rec('setPayoutRunStatus', none),
    countUnstartedItems: rec('countUnstartedItems', (a: { runId: string; after: string | null }) =>
      [...items.values()].filter((i) => i.runId === a.runId && (a.after === null || i.creatorId > a.after)).length),
    reconcilePayoutRun: rec('reconcilePayoutRun', () => {
      reconciled.push(Object.fromEntries([...items.values()].map((i) => [i.id, i.status])))
      return { cases: 0 }
    }),

    assessPayout: rec('assessPayout', (a: { itemId: string; approvedAmount?: number }) => {
      const first = assessmentOf(a.itemId)
      const out = a.approvedAmount === undefined ? first
        : { ...first, approval: null, ...opts.reassessment, amount: Math.min(opts.reassessment?.amount ?? first.amount, a.approvedAmount) }
      if (!out.payable) set(a.itemId, 'BLOCKED')
      return out
    }),
    recordApprovalWait: rec('recordApprovalWait', (a: { itemId: string }) => set(a.itemId, 'AWAITING_APPROVAL')),
    recordPayoutDecision: rec('recordPayoutDecision', (a: { itemId: string; decision: 'approve' | 'reject' }) =>
      set(a.itemId, a.decision === 'approve' ? 'SELECTED' : 'REJECTED')),
    markPayoutItem: rec('markPayoutItem', (a: { itemId: string; status: PayoutItemStatus }) => set(a.itemId, a.status)),
    notifyFinanceOfPayout: rec('notifyFinanceOfPayout', none),
    notifyFinanceOfUnconfirmed: rec('notifyFinanceOfUnconfirmed', none),
    notifyCreatorOfPayout: rec('notifyCreatorOfPayout', none),
    notifyCreatorOfMethod: rec('notifyCreatorOfMethod', none),

    lockPayout: rec('lockPayout', (a: { itemId: string }) => {
      if (opts.balanceChanged) throw ApplicationFailure.nonRetryable('The available balance shrank since the payout was assessed.', 'BALANCE_CHANGED')
      set(a.itemId, 'SENDING')
    }),
    settlePayout: rec('settlePayout', (a: { itemId: string }) => set(a.itemId, 'PAID')),
    reversePayout: rec('reversePayout', (a: { itemId: string; status: 'RETURNED' | 'FAILED' }) => set(a.itemId, a.status)),

    sendPayout: rec('sendPayout', (a: { itemId: string; workflowId: string; rail: PayoutRailName }) => {
      reach(a.rail)
      const script = rails[a.rail]
      const state = stateOf(script?.send ?? { failure: 'UNSUPPORTED', railCode: 'NOT_CONFIGURED' }, `${a.rail}-${a.workflowId}`)
      set(a.itemId, state.status === 'failed' ? 'SENDING' : 'SENT')
      return state
    }),
    payoutStatus: rec('payoutStatus', (a: { workflowId: string; rail: PayoutRailName }): PayoutState | null => {
      const script = rails[a.rail]
      if (!script) return null
      reach(a.rail)
      const key = `${a.workflowId}:${a.rail}`
      const n = polls.get(key) ?? 0
      polls.set(key, n + 1)
      const answers = script.status ?? [script.send]
      return stateOf(answers[Math.min(n, answers.length - 1)]!, `${a.rail}-${a.workflowId}`)
    }),
    verifyPayoutMethodWithRail: rec('verifyPayoutMethodWithRail', (a: { methodId: string }) =>
      a.methodId.startsWith('bad') ? { verified: false, reason: 'The account does not exist.' } : { verified: true, reason: null }),
  } satisfies Record<ActivityName, unknown>

  return {
    calls, activities, items, reconciled,
    names: () => calls.map((c) => c.name),
    named: (name: ActivityName) => calls.filter((c) => c.name === name),
    notices: () => calls.filter((c) => c.name === 'notifyCreatorOfPayout').map((c) => c.args.notice as string),
    /** From now on every poll of this rail answers this (a rail that settles or fails while the test watches). */
    answer: (rail: PayoutRailName, answer: RailAnswer) => { rails[rail] = { send: rails[rail]?.send ?? 'sent', status: [answer] }; polls.clear() },
    release: (name: ActivityName) => { released.add(name) },
  }
}
export type PayoutFakes = ReturnType<typeof payoutFakes>
