/** Which rails a payout tries, in what order, and what a rail's failure means for the next attempt. Pure. */
import type { PayoutRailName } from './destinations.ts'

/** When a creator's methods share a priority: cheapest and fastest for adult creators first. */
export const DEFAULT_RAIL_ORDER: readonly PayoutRailName[] = Object.freeze(['paxum', 'wise', 'ach', 'wire', 'crypto'])

/** A creator's payout method as the ordering sees it; lower priority numbers go first. */
export type RailMethod = { id: string; rail: PayoutRailName; verifiedAt: string | null; priority: number }

/** The verified methods to try in order: by priority, then DEFAULT_RAIL_ORDER, then id. */
export function railAttemptOrder<M extends RailMethod>(methods: readonly M[]): M[] {
  const rank = (rail: PayoutRailName) => {
    const i = DEFAULT_RAIL_ORDER.indexOf(rail)
    return i === -1 ? DEFAULT_RAIL_ORDER.length : i
  }
  return methods
    .filter((m) => m.verifiedAt !== null)
    .sort((a, b) => a.priority - b.priority || rank(a.rail) - rank(b.rail) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** Why a rail refused or returned a payout, in our words; drivers map each rail's codes onto these. */
export const PAYOUT_FAILURES = {
  /** the account does not exist, is closed, or its number is wrong: never retry on this rail with this destination */
  invalidAccount: 'INVALID_ACCOUNT',
  /** the rail will not pay this person (compliance, sanctions, unverified recipient) */
  recipientRefused: 'RECIPIENT_REFUSED',
  /** our funding account at the rail is short: finance must top it up; retrying later may succeed */
  insufficientFunds: 'INSUFFICIENT_FUNDS',
  /** currency or amount the rail does not take for this destination */
  unsupported: 'UNSUPPORTED',
  /** the money was sent and came back (ACH return, bounced wire, refunded Wise transfer) */
  returned: 'RETURNED',
  /** anything else the rail reports as final */
  rejected: 'REJECTED',
} as const
export type PayoutFailureCode = (typeof PAYOUT_FAILURES)[keyof typeof PAYOUT_FAILURES]

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

const ACTION_OF: Readonly<Record<PayoutFailureCode, RailFailureAction>> = Object.freeze({
  INVALID_ACCOUNT: 'NEXT_RAIL', RECIPIENT_REFUSED: 'NEXT_RAIL', UNSUPPORTED: 'NEXT_RAIL', REJECTED: 'NEXT_RAIL',
  INSUFFICIENT_FUNDS: 'WAIT_AND_RETRY', RETURNED: 'REVERSE',
})

/** The action for a rail failure code; unknown codes go to review. */
export const railFailureAction = (failure: string): RailFailureAction =>
  Object.hasOwn(ACTION_OF, failure) ? ACTION_OF[failure as PayoutFailureCode] : RAIL_FAILURE_ACTIONS.review
