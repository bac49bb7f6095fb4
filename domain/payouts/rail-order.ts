/** Which rails a payout tries, in what order, and what a rail's failure means for the next attempt. Pure. */
import type { PayoutRailName } from './destinations.ts'

/** When a creator's methods share a priority: cheapest and fastest for adult creators first. */
export const DEFAULT_RAIL_ORDER: readonly PayoutRailName[] = Object.freeze(['paxum', 'wise', 'ach', 'wire', 'crypto'])

/** A creator's payout method as the ordering sees it; lower priority numbers go first. */
export type RailMethod = { id: string; rail: PayoutRailName; verifiedAt: string | null; priority: number }

/** The verified methods to try in order: by priority, then DEFAULT_RAIL_ORDER, then id; rails that failed permanently are skipped. */
export function railAttemptOrder<M extends RailMethod>(methods: readonly M[], failedPermanently: readonly PayoutRailName[]): M[] {
  const rank = (rail: PayoutRailName) => {
    const i = DEFAULT_RAIL_ORDER.indexOf(rail)
    return i === -1 ? DEFAULT_RAIL_ORDER.length : i
  }
  return methods
    .filter((m) => m.verifiedAt !== null && !failedPermanently.includes(m.rail))
    .sort((a, b) => a.priority - b.priority || rank(a.rail) - rank(b.rail) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** Failure codes the rail adapters report. */
export const RAIL_FAILURES = {
  INVALID_ACCOUNT: 'INVALID_ACCOUNT', RECIPIENT_REFUSED: 'RECIPIENT_REFUSED', UNSUPPORTED: 'UNSUPPORTED', REJECTED: 'REJECTED',
  INSUFFICIENT_FUNDS: 'INSUFFICIENT_FUNDS', RETURNED: 'RETURNED',
} as const
export type RailFailure = (typeof RAIL_FAILURES)[keyof typeof RAIL_FAILURES]

/** What a payout does after a rail failure. */
export const RAIL_FAILURE_ACTIONS = {
  /** nothing left us and this rail will not take it: try the creator's next rail */
  nextRail: 'NEXT_RAIL',
  /** our funding at the rail is short: the same rail is retried once topped up, no fallback (the creator chose it) */
  waitAndRetry: 'WAIT_AND_RETRY',
  /** the money came back after sending: reverse to available, no fallback in this run */
  reverse: 'REVERSE',
  /** a code we do not know: whether money moved is unclear, so a person looks before anything is retried */
  review: 'REVIEW',
} as const
export type RailFailureAction = (typeof RAIL_FAILURE_ACTIONS)[keyof typeof RAIL_FAILURE_ACTIONS]

const ACTION_OF: Readonly<Record<RailFailure, RailFailureAction>> = Object.freeze({
  INVALID_ACCOUNT: 'NEXT_RAIL', RECIPIENT_REFUSED: 'NEXT_RAIL', UNSUPPORTED: 'NEXT_RAIL', REJECTED: 'NEXT_RAIL',
  INSUFFICIENT_FUNDS: 'WAIT_AND_RETRY', RETURNED: 'REVERSE',
})

/** The action for a rail failure code; unknown codes go to review. */
export const railFailureAction = (failure: string): RailFailureAction =>
  Object.hasOwn(ACTION_OF, failure) ? ACTION_OF[failure as RailFailure] : RAIL_FAILURE_ACTIONS.review

/** Whether this failure rules the rail out for this payout, so the next rail is tried. */
export const isPermanentForRail = (failure: string): boolean => railFailureAction(failure) === RAIL_FAILURE_ACTIONS.nextRail
