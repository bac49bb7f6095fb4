/** When a payout waits for a finance approval. Pure. */
import { formatMoney, isCurrency } from '../money.ts'
import { minorUnits } from './errors.ts'

export const APPROVAL_REASONS = {
  ABOVE_THRESHOLD: 'ABOVE_THRESHOLD', UNUSUAL_AMOUNT: 'UNUSUAL_AMOUNT', FIRST_LARGE_PAYOUT: 'FIRST_LARGE_PAYOUT',
} as const
export type ApprovalReason = (typeof APPROVAL_REASONS)[keyof typeof APPROVAL_REASONS]

export type ApprovalNeed = { reason: ApprovalReason; detail: string }

/** Below this (100.00 in a two-decimal currency) an amount is never "unusual": small creators' payouts vary a lot. */
export const UNUSUAL_FLOOR = 10_000
/** An amount above this many times the median of the creator's past payouts is unusual. */
export const UNUSUAL_FACTOR = 3
/** How many past payouts make a median worth comparing with. */
export const UNUSUAL_MIN_HISTORY = 3

export type ApprovalInput = {
  amount: number
  threshold: number
  /** amounts of the creator's last settled payouts, newest first */
  history: readonly number[]
  /** for the sentence only */
  currency?: string
}

/** Twice the median, so it stays an integer for an even count. */
const twiceMedian = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? 2 * sorted[mid]! : sorted[mid - 1]! + sorted[mid]!
}

/** Whether finance must approve this payout first, and why; null when it may go out on its own. */
export function approvalNeeded(i: ApprovalInput): ApprovalNeed | null {
  const amount = minorUnits(i.amount, 'amount')
  const threshold = minorUnits(i.threshold, 'approval threshold')
  i.history.forEach((h) => minorUnits(h, 'past payout'))
  const show = (n: number) => (i.currency && isCurrency(i.currency) ? formatMoney({ amount: n, currency: i.currency }) : `${n} minor units`)
  if (amount > threshold) {
    return { reason: 'ABOVE_THRESHOLD', detail: `The payout of ${show(amount)} is above the ${show(threshold)} approval threshold.` }
  }
  if (i.history.length >= UNUSUAL_MIN_HISTORY && amount > UNUSUAL_FLOOR && 2 * amount > UNUSUAL_FACTOR * twiceMedian(i.history)) {
    const median = twiceMedian(i.history) / 2
    return { reason: 'UNUSUAL_AMOUNT', detail: `The payout of ${show(amount)} is more than ${UNUSUAL_FACTOR} times the creator's usual payout `
      + `(median ${show(Math.round(median))} over the last ${i.history.length}).` }
  }
  if (i.history.length === 0 && 2 * amount > threshold) {
    return { reason: 'FIRST_LARGE_PAYOUT', detail: `The creator's first payout, ${show(amount)}, is more than half the ${show(threshold)} approval threshold.` }
  }
  return null
}
