/** When a payout waits for a finance approval, and how long the approval may take. Pure. */
import { formatMoney, isCurrency } from '../money.ts'
import { instantMs, minorUnits, PAYOUT_ERRORS, PayoutError } from './errors.ts'

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

/** How long finance has to decide: reminders every `reminderHours`, and the approval lapses at `expiryHours`. */
export type ApprovalPolicy = { reminderHours: number; expiryHours: number }
export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = Object.freeze({ reminderHours: 24, expiryHours: 72 })

const HOUR_MS = 3_600_000

/**
 * When to remind finance about a pending approval and when it lapses (the payout then skips this run and is assessed
 * again at the next one). Reminders fall strictly before the expiry: 24 h policy, 72 h expiry -> at +24 h and +48 h.
 */
export function approvalSchedule(i: { requestedAt: string } & Partial<ApprovalPolicy>): { reminders: string[]; expiresAt: string } {
  const start = instantMs(i.requestedAt, 'approval request time')
  const reminderHours = i.reminderHours ?? DEFAULT_APPROVAL_POLICY.reminderHours
  const expiryHours = i.expiryHours ?? DEFAULT_APPROVAL_POLICY.expiryHours
  const whole = (n: number) => Number.isSafeInteger(n) && n > 0
  if (!whole(reminderHours) || !whole(expiryHours) || expiryHours > 24 * 30) {
    throw new PayoutError(PAYOUT_ERRORS.INVALID_SETTINGS, `approval hours ${reminderHours} / ${expiryHours} must be whole, positive, expiry at most 30 days`)
  }
  const reminders: string[] = []
  for (let h = reminderHours; h < expiryHours; h += reminderHours) reminders.push(new Date(start + h * HOUR_MS).toISOString())
  return { reminders, expiresAt: new Date(start + expiryHours * HOUR_MS).toISOString() }
}
