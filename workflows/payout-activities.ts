/** The activity proxies of payouts: bookkeeping retried until the database is back, rail calls with patient retries. */
import { proxyActivities } from '@temporalio/workflow'
import type { PayoutActivities } from '../activities/payouts/index.ts'

/** Read models, ledger and mail: short, retried until PostgreSQL or SMTP is back; refusals are non-retryable. */
export const payoutBooks = proxyActivities<PayoutActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: ['BALANCE_CHANGED'] },
})

/**
 * Opening a run selects every payable creator of a brand in one statement, reconciling reads each rail's report: they
 * heartbeat between steps, so a worker lost mid-way is noticed within a minute, not at the end of the allowance.
 */
export const payoutSelection = proxyActivities<Pick<PayoutActivities, 'openPayoutRun' | 'reconcilePayoutRun'>>({
  startToCloseTimeout: '15 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' },
})

/** Calls to a payout rail: the idempotency key makes every retry safe; an outage is waited out for up to a day. */
export const payoutRails = proxyActivities<Pick<PayoutActivities, 'sendPayout' | 'payoutStatus' | 'verifyPayoutMethodWithRail'>>({
  startToCloseTimeout: '2 minutes',
  scheduleToCloseTimeout: '1 day',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes' },
})
