import { ApplicationFailure, condition, isCancellation, patched, setHandler, workflowInfo } from '@temporalio/workflow'
import type { PayoutRailName } from '../domain/payouts/destinations.ts'
import { RAIL_FAILURE_ACTIONS, railFailureAction } from '../domain/payouts/rail-order.ts'
import type { PayoutState } from '../activities/payouts/rail.ts'
import { payoutBooks as books, payoutRails as rails } from './payout-activities.ts'
import {
  PAYOUT_REFUSALS, PAYOUT_TIMING, payCreatorProgressQuery, payoutDecisionUpdate, railUpdateSignal, resolvePayoutUpdate,
  type PayCreatorInput, type PayCreatorOutput, type PayCreatorProgress, type PayoutDecision, type PayoutItemStatus, type PayoutResolution, type RailUpdate,
} from './payouts.contract.ts'

type Final = { status: 'settled'; settledAt: string } | { status: 'failed'; failure: string; message: string; railCode: string; byFinance?: true }
type Settled = Final | { status: 'unconfirmed' }
const DAY = 86_400_000

/**
 * Pays one creator in a run: gates (KYC, tax form, holds, method, balance, minimum), finance approval for outliers,
 * the money locked in the ledger, then each verified rail in the creator's order until one pays; waits for the rail
 * to settle (its notification wakes us, polling with backoff otherwise) and watches for a return while a rail may
 * still send one. A payout whose fate is unclear (the rail never confirms, or answers with a code that does not say
 * whether money moved) stays in transit, UNCONFIRMED, until the rail's status or finance (after checking with the rail)
 * settles it. Every ledger entry and rail request is keyed by this workflow's id: a crash anywhere pays once.
 */
export async function payCreator(input: PayCreatorInput): Promise<PayCreatorOutput> {
  const workflowId = workflowInfo().workflowId
  const book = { itemId: input.itemId, workflowId, brand: input.brand, currency: input.currency, creatorId: input.creatorId }
  const progress: PayCreatorProgress = { status: 'SELECTED', rail: null, attempts: [] }
  let decision: PayoutDecision | null = null
  // true from the moment a decision is accepted: it is recorded before the update answers, so the caller's next read sees it
  let deciding = false
  let railUpdate: RailUpdate | null = null
  let resolution: PayoutResolution | null = null
  setHandler(payCreatorProgressQuery, () => progress)
  setHandler(resolvePayoutUpdate, (r) => { resolution = r; return { accepted: true as const } }, { validator: (r: PayoutResolution) => {
    if (progress.status !== 'UNCONFIRMED' || resolution) throw ApplicationFailure.create({ type: PAYOUT_REFUSALS.notUnconfirmed, nonRetryable: true, message: 'This payout is not waiting for finance to settle it.' })
    if (r.by === input.creatorId) throw ApplicationFailure.create({ type: PAYOUT_REFUSALS.ownPayout, nonRetryable: true, message: 'Nobody settles their own payout.' })
  } })
  setHandler(railUpdateSignal, (u) => { if (u.rail === progress.rail) railUpdate = u })
  // runs from before the decision was recorded inside the update recorded it after the wait instead (replayed as they ran)
  let recordedInUpdate = false
  setHandler(payoutDecisionUpdate, async (d) => {
    deciding = true
    if (patched('payout-decision-recorded-before-answer')) {
      recordedInUpdate = true
      await books.recordPayoutDecision({ itemId: input.itemId, ...d })
    }
    decision = d
    return { accepted: true as const }
  }, { validator: (d: PayoutDecision) => {
    if (progress.status !== 'AWAITING_APPROVAL' || deciding) throw ApplicationFailure.create({ type: PAYOUT_REFUSALS.notAwaitingApproval, nonRetryable: true, message: 'This payout is not waiting for a decision.' })
    if (d.by === input.creatorId) throw ApplicationFailure.create({ type: PAYOUT_REFUSALS.ownPayout, nonRetryable: true, message: 'Nobody approves their own payout.' })
  } })
  const end = (status: PayoutItemStatus, amount: number, reason: string | null): PayCreatorOutput => {
    progress.status = status
    return { status, amount, rail: progress.rail, reason }
  }

  const blocked = async ({ blockedBy, blockedDetail }: { blockedBy: string[]; blockedDetail: string }) => {
    // a balance under the minimum is no news; anything else (tax form, method, KYC, a hold) the creator should hear about
    if (blockedBy.some((g) => g !== 'MINIMUM')) await books.notifyCreatorOfPayout({ itemId: input.itemId, notice: 'payoutBlocked', reason: blockedDetail, key: `${workflowId}:blocked` })
    return end('BLOCKED', 0, blockedBy.join(', '))
  }

  let a = await books.assessPayout({ itemId: input.itemId })
  if (!a.payable) return blocked(a)
  if (a.approval) {
    progress.status = 'AWAITING_APPROVAL'
    // workflow time: replay-safe
    const deadline = new Date(new Date().getTime() + PAYOUT_TIMING.approvalReminderEvery * (PAYOUT_TIMING.approvalReminders + 1)).toISOString()
    await books.recordApprovalWait({ itemId: input.itemId, reason: a.approval.reason, detail: a.approval.detail, expiresAt: deadline })
    for (let round = 0; round <= PAYOUT_TIMING.approvalReminders && !deciding; round++) {
      await books.notifyFinanceOfPayout({ itemId: input.itemId, reminder: round > 0, expiresAt: deadline, key: `${workflowId}:approval:${round}` })
      await condition(() => deciding, PAYOUT_TIMING.approvalReminderEvery)
    }
    if (!deciding) {
      // refuse decisions from here on: one accepted while the expiry is recorded would be ignored
      progress.status = 'EXPIRED'
      await books.markPayoutItem({ itemId: input.itemId, status: 'EXPIRED', failureCode: 'APPROVAL_EXPIRED', message: 'No finance decision before the approval expired; the money stays available.' })
      return end('EXPIRED', 0, 'approval expired')
    }
    await condition(() => decision !== null)
    const d = decision as unknown as PayoutDecision
    if (!recordedInUpdate) await books.recordPayoutDecision({ itemId: input.itemId, ...d })
    if (d.decision === 'reject') return end('REJECTED', 0, d.note ?? 'rejected by finance')
    // the balance may have moved while finance looked: gates again, and never more than what was approved
    a = await books.assessPayout({ itemId: input.itemId, approvedAmount: a.amount })
    if (!a.payable) return blocked(a)
  }

  try {
    await books.lockPayout({ ...book, amount: a.amount, reserve: a.reserve, netted: a.netted, reserveDays: a.reserveDays })
  } catch (err) {
    if (isCancellation(err)) throw err
    await books.markPayoutItem({ itemId: input.itemId, status: 'BLOCKED', failureCode: 'BALANCE_CHANGED', message: 'The available balance shrank before the payout was sent.' })
    return end('BLOCKED', 0, 'balance changed')
  }
  progress.status = 'SENDING'

  let lastFailure = { code: 'NO_VERIFIED_METHOD', message: 'No verified payout method.' }
  for (const rail of a.rails) {
    progress.rail = rail
    railUpdate = null
    const sent = await sendOn(rail)
    progress.attempts.push({ rail, outcome: sent.status === 'failed' ? sent.failure : sent.status })
    const told: Settled = sent.status === 'failed' ? sent : sent.status === 'settled' ? sent : (progress.status = 'SENT', await untilSettled(rail))
    // a code that does not say whether money moved must not send the payout down another rail: finance checks first
    const outcome: Final = told.status === 'unconfirmed' ? await parkForFinance(rail, `${rail} never confirmed the payout.`)
      : told.status === 'failed' && railFailureAction(told.failure) === RAIL_FAILURE_ACTIONS.review ? await parkForFinance(rail, `${rail}: ${told.message}`)
        : told
    if (outcome.status === 'settled') {
      await books.settlePayout({ ...book, amount: a.amount, settledAt: outcome.settledAt })
      await books.notifyCreatorOfPayout({ itemId: input.itemId, notice: 'payoutPaid', key: `${workflowId}:paid` })
      progress.status = 'PAID'
      const returned = await watchForReturn(rail)
      if (!returned) return end('PAID', a.amount, null)
      await books.reversePayout({ ...book, amount: a.amount, status: 'RETURNED', failureCode: returned.railCode, reason: returned.message, wasSettled: true })
      await books.notifyCreatorOfPayout({ itemId: input.itemId, notice: 'payoutReturned', reason: returned.message, key: `${workflowId}:returned` })
      return end('RETURNED', a.amount, returned.message)
    }
    lastFailure = { code: outcome.railCode, message: `${rail}: ${outcome.message}` }
    // the money came back after sending, or finance found it failed: no other rail in this run (the next run pays it)
    if (outcome.failure === 'RETURNED' || outcome.byFinance) break
  }
  await books.reversePayout({ ...book, amount: a.amount, status: 'FAILED', failureCode: lastFailure.code, reason: lastFailure.message, wasSettled: false })
  await books.notifyCreatorOfPayout({ itemId: input.itemId, notice: 'payoutFailed', reason: lastFailure.message, key: `${workflowId}:failed` })
  return end('FAILED', 0, lastFailure.message)

  /** Sends on one rail; a rail unreachable past the activity's day of retries may or may not have taken it: its status by our key tells. */
  async function sendOn(rail: PayoutRailName): Promise<PayoutState> {
    try {
      return await rails.sendPayout({ ...book, runId: input.runId, rail, amount: a.amount, currency: input.currency })
    } catch (err) {
      if (isCancellation(err)) throw err
      return { status: 'sent', providerRef: '' }
    }
  }

  /** The rail's word on our payout; a rail unreachable for a day is no news (the waits have their own limits), not a failed workflow. */
  async function statusOf(rail: PayoutRailName): Promise<PayoutState | null> {
    try {
      return await rails.payoutStatus({ workflowId, rail })
    } catch (err) {
      if (isCancellation(err)) throw err
      return null
    }
  }

  /** Waits for the rail's final word: a notification wakes us early, else polls back off from seconds to hours. */
  async function untilSettled(rail: PayoutRailName): Promise<Settled> {
    // workflow time: a notification that wakes us early does not count as a whole poll interval
    const deadline = new Date().getTime() + PAYOUT_TIMING.settleWithin
    for (let wait: number = PAYOUT_TIMING.firstPoll; new Date().getTime() < deadline; wait = Math.min(wait * 2, PAYOUT_TIMING.maxPoll)) {
      await condition(() => railUpdate !== null && railUpdate.status !== 'sent', wait)
      const s = await statusOf(rail)
      if (s && s.status !== 'sent') return final(s)
      railUpdate = null
    }
    return { status: 'unconfirmed' }
  }

  /**
   * The money stays in transit, the item UNCONFIRMED, until the rail's status (read daily) or finance's resolution says
   * settled or failed. Finance marks it failed only after the rail confirmed nothing was paid.
   */
  async function parkForFinance(rail: PayoutRailName, reason: string): Promise<Final> {
    progress.status = 'UNCONFIRMED'
    await books.markPayoutItem({ itemId: input.itemId, status: 'UNCONFIRMED', failureCode: 'UNCONFIRMED', message: `${reason} Finance must check with the rail.` })
    await books.notifyFinanceOfUnconfirmed({ itemId: input.itemId, reason, key: `${workflowId}:unconfirmed` })
    for (;;) {
      if (await condition(() => resolution !== null, DAY)) break
      const s = await statusOf(rail)
      if (s && s.status === 'settled') return final(s)
    }
    const r = resolution as PayoutResolution | null
    progress.status = 'SENDING'
    return r?.outcome === 'settled' ? { status: 'settled', settledAt: new Date().toISOString() }
      : { status: 'failed', failure: 'REJECTED', railCode: 'FINANCE', message: `finance: ${r?.note ?? 'not paid'}`, byFinance: true }
  }

  /** After settling, some rails can still send the money back for a few days: a notification, or a poll from hourly to six-hourly, finds it. */
  async function watchForReturn(rail: PayoutRailName): Promise<{ railCode: string; message: string } | null> {
    const window = PAYOUT_TIMING.returnWindow[rail]
    railUpdate = null
    for (let waited = 0, wait: number = PAYOUT_TIMING.returnFirstPoll; waited < window; wait = Math.min(wait * 2, PAYOUT_TIMING.maxPoll)) {
      const step = Math.min(wait, window - waited)
      await condition(() => railUpdate !== null && railUpdate.status === 'failed', step)
      waited += step
      const s = await statusOf(rail)
      if (s?.status === 'failed') return { railCode: s.railCode, message: s.message }
      railUpdate = null
    }
    return null
  }
}

const final = (s: Exclude<PayoutState, { status: 'sent' }>): Final =>
  s.status === 'settled' ? { status: 'settled', settledAt: s.settledAt } : { status: 'failed', failure: s.failure, message: s.message, railCode: s.railCode }
