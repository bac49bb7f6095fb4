/** What happens after a renewal fails: retries, a grace period with restricted access, then cancellation. Pure data + rules. */
import { SUBSCRIPTION_ERRORS, SubscriptionError } from './errors.ts'
import { DAY_MS, toIso, toMs, wholeNumber, type Instant } from './time.ts'

/** Mail templates the fan gets at each step (camelCase like the other mail templates). */
export const DUNNING_NOTICES = {
  paymentFailed: 'subscriptionPaymentFailed',
  retryFailed: 'subscriptionRetryFailed',
  renewalUnconfirmed: 'subscriptionRenewalUnconfirmed',
  graceStarted: 'subscriptionGraceStarted',
  cancelledUnpaid: 'subscriptionCancelledUnpaid',
} as const
/** One dunning notice template. */
export type DunningNotice = (typeof DUNNING_NOTICES)[keyof typeof DUNNING_NOTICES]

/** Our own dunning, for renewals we charge ourselves. */
export type DunningPolicy = {
  /** days after the failed renewal on which the charge is retried, strictly increasing */
  retryDays: readonly number[]
  /** what the fan may see while retries are pending */
  accessDuringRetries: 'full' | 'restricted'
  /** days of restricted access after the last retry day before the subscription is cancelled */
  graceDays: number
}
/** Retry on days 1, 3, 5 and 7, then 7 days of restricted access, then cancel on day 14. */
export const DEFAULT_DUNNING_POLICY: DunningPolicy = Object.freeze({
  retryDays: Object.freeze([1, 3, 5, 7]), accessDuringRetries: 'full', graceDays: 7,
})

/** What to do next; `key` names the step for idempotency keys (`${workflowId}:dunning:${key}`), `notice` is sent now. */
export type DunningStep =
  | { action: 'retry'; key: string; at: string; attempt: number; access: 'full' | 'restricted'; notice: DunningNotice }
  | { action: 'grace'; key: 'grace'; at: string; until: string; access: 'restricted'; notice: DunningNotice }
  | { action: 'cancel'; key: 'cancel'; at: string; access: 'none'; notice: DunningNotice }

const days = (n: number, what: string) => wholeNumber(n, 0, 365, `${what} in days`)

/** Checks a dunning policy (whole days, retries strictly increasing from day 1) and returns it; throws INVALID_POLICY. */
export function assertDunningPolicy(policy: DunningPolicy): DunningPolicy {
  policy.retryDays.forEach((d, i) => {
    if (days(d, 'retry day') <= (policy.retryDays[i - 1] ?? 0)) {
      throw new SubscriptionError(SUBSCRIPTION_ERRORS.INVALID_POLICY, 'retry days must be strictly increasing from day 1')
    }
  })
  days(policy.graceDays, 'grace')
  return policy
}

/** When an unpaid subscription is cancelled: the last retry day plus the grace days, counted from the failure. */
export const dunningDeadline = (policy: DunningPolicy, failedAt: Instant): string =>
  toIso(toMs(failedAt, 'failure time') + ((assertDunningPolicy(policy).retryDays.at(-1) ?? 0) + policy.graceDays) * DAY_MS)

/** The next dunning step after a failed renewal at `failedAt` and `attempts` failed retries since, decided at `now`. */
export function nextDunningStep(policy: DunningPolicy, state: { failedAt: Instant; attempts: number; now: Instant }): DunningStep {
  const [failedAt, now] = [toMs(state.failedAt, 'failure time'), toMs(state.now, 'now')]
  const deadline = toMs(dunningDeadline(policy, failedAt), 'deadline')
  const { attempts } = state
  wholeNumber(attempts, 0, Number.MAX_SAFE_INTEGER, 'failed retries')
  // A run that wakes past the deadline (a long outage) cancels rather than retrying late.
  if (now >= deadline) return { action: 'cancel', key: 'cancel', at: toIso(now), access: 'none', notice: DUNNING_NOTICES.cancelledUnpaid }
  const retryDay = policy.retryDays[attempts]
  if (retryDay !== undefined) {
    return {
      action: 'retry', key: `retry-${attempts + 1}`, at: toIso(Math.max(failedAt + retryDay * DAY_MS, now)), attempt: attempts + 1,
      access: policy.accessDuringRetries, notice: attempts === 0 ? DUNNING_NOTICES.paymentFailed : DUNNING_NOTICES.retryFailed,
    }
  }
  const notice = DUNNING_NOTICES.graceStarted
  return { action: 'grace', key: 'grace', at: toIso(now), until: toIso(deadline), access: 'restricted', notice }
}

/** Processors that rebill on their own schedule and tell us by postback (CCBill, Segpay, Epoch, Verotel). */
export type RebillingProcessor = 'ccbill' | 'segpay' | 'epoch' | 'verotel'

/** How long past the due date a rebill postback may arrive before our grace applies, and how long that grace lasts. */
export type ProcessorRebillPolicy = { lateToleranceHours: number; graceDays: number }

/** Per processor: postbacks usually arrive within hours; the processors retry declines themselves during our grace. */
export const PROCESSOR_REBILL_POLICIES: Readonly<Record<RebillingProcessor, ProcessorRebillPolicy>> = Object.freeze({
  ccbill: { lateToleranceHours: 48, graceDays: 7 },
  segpay: { lateToleranceHours: 48, graceDays: 7 },
  epoch: { lateToleranceHours: 24, graceDays: 7 },
  verotel: { lateToleranceHours: 72, graceDays: 5 },
})

/** What to do about a processor-owned rebill: wait for the postback, restrict access, or cancel. */
export type RebillStep =
  | { action: 'await'; key: 'await'; until: string; access: 'full'; notice: null }
  | { action: 'grace'; key: 'grace'; until: string; access: 'restricted'; notice: DunningNotice }
  | { action: 'cancel'; key: 'cancel'; at: string; access: 'none'; notice: DunningNotice }

/** The next step for a rebill due at `dueAt` with no success postback yet; `failed` when the processor reported a decline. */
export function nextRebillStep(policy: ProcessorRebillPolicy, state: { dueAt: Instant; now: Instant; failed: boolean }): RebillStep {
  const [due, now] = [toMs(state.dueAt, 'due date'), toMs(state.now, 'now')]
  const hours = wholeNumber(policy.lateToleranceHours, 0, 24 * 30, 'late tolerance in hours')
  const lateAfter = due + hours * 3_600_000
  const cancelAt = lateAfter + days(policy.graceDays, 'grace') * DAY_MS
  if (now >= cancelAt) return { action: 'cancel', key: 'cancel', at: toIso(now), access: 'none', notice: DUNNING_NOTICES.cancelledUnpaid }
  if (!state.failed && now < lateAfter) return { action: 'await', key: 'await', until: toIso(lateAfter), access: 'full', notice: null }
  const notice = state.failed ? DUNNING_NOTICES.paymentFailed : DUNNING_NOTICES.renewalUnconfirmed
  return { action: 'grace', key: 'grace', until: toIso(cancelAt), access: 'restricted', notice }
}
