/** Contract of the payout workflows: runPayouts (a brand's scheduled run), payCreator (one creator), verifyPayoutMethod. */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow'
import { TASK_QUEUES } from './task-queues.ts'
import type { PayoutRailName } from '../domain/payouts/destinations.ts'

export const payoutsTaskQueue = TASK_QUEUES.finance

/** The Schedule of a brand's payout runs; each run's workflow id is this plus the scheduled time (Temporal appends it). */
export const payoutScheduleId = (brand: string) => `payouts:${brand}`
export const payoutRunWorkflowId = (brand: string, at: string) => `payout-run:${brand}:${at}`
export const payCreatorWorkflowId = (runWorkflowId: string, creatorId: string) => `payout:${runWorkflowId}:${creatorId}`
export const verifyPayoutMethodWorkflowId = (methodId: string) => `payout-method:${methodId}`

export type RunPayoutsInput = {
  brand: string
  trigger: 'schedule' | 'manual'
  /** carried across continue-as-new: the run row, the last creator whose child was started, polls since progress was last seen */
  state?: { runId: string; asOf: string; after: string | null; startedAll: boolean; polls: number }
}
export type RunPayoutsOutput = { runId: string; creators: number; paid: number; blocked: number; failed: number; cases: number }

export type PayCreatorInput = { runId: string; itemId: string; creatorId: string; brand: string; currency: string }
export type PayoutItemStatus = 'SELECTED' | 'BLOCKED' | 'AWAITING_APPROVAL' | 'SENDING' | 'SENT' | 'PAID' | 'RETURNED' | 'FAILED'
  | 'REJECTED' | 'EXPIRED' | 'UNCONFIRMED'
export type PayCreatorOutput = { status: PayoutItemStatus; amount: number; rail: PayoutRailName | null; reason: string | null }

/** Idempotency keys of one creator's payout: ledger entries and rail requests are keyed by the child's workflow id. */
export const payoutKey = (workflowId: string, step: 'netting' | 'reserve' | 'reserve:reversal' | 'in-transit' | 'settled' | 'settled:reversal' | 'returned' | `send:${PayoutRailName}`) =>
  `${workflowId}:${step}`

/** A finance user approves or rejects a payout waiting for approval (refused unless it is waiting). */
export type PayoutDecision = { decision: 'approve' | 'reject'; by: string; note?: string }
export const payoutDecisionUpdate = defineUpdate<{ accepted: true }, [PayoutDecision]>('payoutDecision')

/** A rail's notification about this payout (already verified and deduped by the API). */
export type RailUpdate = { eventId: string; rail: PayoutRailName; status: 'sent' | 'settled' | 'failed' }
export const railUpdateSignal = defineSignal<[RailUpdate]>('railUpdate')

export type PayCreatorProgress = { status: PayoutItemStatus; rail: PayoutRailName | null; attempts: { rail: PayoutRailName; outcome: string }[] }
export const payCreatorProgressQuery = defineQuery<PayCreatorProgress>('payCreatorProgress')

/** Finance settles an UNCONFIRMED payout after checking with the rail: it was paid, or it was not (back to available). */
export type PayoutResolution = { outcome: 'settled' | 'failed'; by: string; note: string }
export const resolvePayoutUpdate = defineUpdate<{ accepted: true }, [PayoutResolution]>('resolvePayout')

export const PAYOUT_REFUSALS = {
  notAwaitingApproval: 'NOT_AWAITING_APPROVAL',
  notUnconfirmed: 'NOT_UNCONFIRMED',
  ownPayout: 'OWN_PAYOUT',
} as const

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** How long payouts wait for approval, settlement and rails, in milliseconds. */
export const PAYOUT_TIMING = {
  approvalReminderEvery: DAY,
  /** reminders before the approval expires: three days in all */
  approvalReminders: 2,
  /** the first status poll of a sent payout; doubled up to the maximum */
  firstPoll: 5_000,
  /** the first look for a return after settling: returns come days later, and webhook rails wake the watch anyway */
  returnFirstPoll: HOUR,
  maxPoll: 6 * HOUR,
  /** after settling, how long a rail can still return a payout (ACH returns, bounced wires and transfers) */
  returnWindow: { ach: 5 * DAY, wire: 5 * DAY, wise: 3 * DAY, paxum: 0, crypto: 0 } as Record<PayoutRailName, number>,
  /** a payout the rail never confirms is marked UNCONFIRMED for finance after this */
  settleWithin: 14 * DAY,
  /** how often the run checks its children's progress, at first and at most */
  runPoll: 5_000,
  maxRunPoll: 10 * MINUTE,
  /** creators whose children run at once, per run, and how many are started per step */
  window: 500,
  page: 200,
} as const
