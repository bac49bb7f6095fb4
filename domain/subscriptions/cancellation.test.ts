import assert from 'node:assert/strict'
import {
  DEFAULT_CANCELLATION_POLICY, planCancellation, planPause, planResume, type CancelRequest, type CancellationPolicy,
} from './cancellation.ts'

const usd = (amount: number) => ({ amount, currency: 'USD' as const })
const period = { start: '2026-04-01T00:00:00Z', end: '2026-05-01T00:00:00Z' } // 30 days
const after = (days: number, seconds = 0) => new Date(Date.parse(period.start) + days * 86_400_000 + seconds * 1000).toISOString()
const cancel = (o: Partial<CancelRequest> = {}): CancelRequest => ({ mode: 'immediate', period, paid: usd(1500), now: period.start, ...o })

describe('cancellation', () => {
  const immediate: [what: string, policy: CancellationPolicy, r: CancelRequest, e: { unused: number; days: number; within: boolean; refund: number }][] = [
    ['at the renewal itself: all 30 days back', DEFAULT_CANCELLATION_POLICY, cancel(), { unused: 30, days: 30, within: true, refund: 1500 }],
    ['an hour in: 29 whole days back', DEFAULT_CANCELLATION_POLICY, cancel({ now: after(0, 3600) }), { unused: 29, days: 30, within: true, refund: 1450 }],
    ['2.5 days in', DEFAULT_CANCELLATION_POLICY, cancel({ now: after(2, 43_200) }), { unused: 27, days: 30, within: true, refund: 1350 }],
    ['exactly at the end of the window', DEFAULT_CANCELLATION_POLICY, cancel({ now: after(3) }), { unused: 27, days: 30, within: true, refund: 1350 }],
    ['a second after the window', DEFAULT_CANCELLATION_POLICY, cancel({ now: after(3, 1) }), { unused: 26, days: 30, within: false, refund: 0 }],
    ['9.99 paid, 29 of 30 days: 9.657 rounds to 9.66', DEFAULT_CANCELLATION_POLICY, cancel({ paid: usd(999), now: after(0, 60) }),
      { unused: 29, days: 30, within: true, refund: 966 }],
    ['10.01 paid, 15 of 30 days: 5.005 rounds half-even to 5.00', { refundWindowDays: 20, maxPauseDays: 60 },
      cancel({ paid: usd(1001), now: after(15) }), { unused: 15, days: 30, within: true, refund: 500 }],
    ['10.03 paid, 15 of 30 days: 5.015 rounds half-even to 5.02', { refundWindowDays: 20, maxPauseDays: 60 },
      cancel({ paid: usd(1003), now: after(15) }), { unused: 15, days: 30, within: true, refund: 502 }],
    ['a free trial', DEFAULT_CANCELLATION_POLICY, cancel({ paid: usd(0) }), { unused: 30, days: 30, within: true, refund: 0 }],
    ['a policy without refunds', { refundWindowDays: 0, maxPauseDays: 60 }, cancel({ now: after(0, 1) }), { unused: 29, days: 30, within: false, refund: 0 }],
    ['a year bought on day 1, 2 days in', DEFAULT_CANCELLATION_POLICY,
      cancel({ period: { start: '2026-01-01T00:00:00Z', end: '2027-01-01T00:00:00Z' }, paid: usd(8991), now: '2026-01-03T00:00:00Z' }),
      { unused: 363, days: 365, within: true, refund: 8942 }],
  ]
  for (const [what, policy, r, e] of immediate) {
    it(`cancels now ${what}: refund ${e.refund}`, () => assert.deepEqual(planCancellation(policy, r), {
      mode: 'immediate', effectiveAt: new Date(r.now).toISOString(), accessUntil: new Date(r.now).toISOString(), refund: usd(e.refund),
      unusedDays: e.unused, periodDays: e.days, withinWindow: e.within,
    }))
  }

  for (const now of [period.start, after(1), after(29, 86_399)]) {
    it(`cancels at period end (asked at ${now}): access until renewal, no refund`, () =>
      assert.deepEqual(planCancellation(DEFAULT_CANCELLATION_POLICY, cancel({ mode: 'period-end', now })), {
        mode: 'period-end', effectiveAt: '2026-05-01T00:00:00.000Z', accessUntil: '2026-05-01T00:00:00.000Z', refund: usd(0),
      }))
  }

  it('refuses a cancellation outside the period it is priced on', () => {
    for (const now of [period.end, '2026-03-31T23:59:59Z']) {
      assert.throws(() => planCancellation(DEFAULT_CANCELLATION_POLICY, cancel({ now })), { name: 'SubscriptionError', code: 'INVALID_TIME' })
    }
  })

  const pauses: [what: string, r: Parameters<typeof planPause>[1], result: string][] = [
    ['for 30 days', { pausedAt: null, days: 30, now: period.start }, '2026-05-01T00:00:00.000Z'],
    ['for the longest pause', { pausedAt: null, days: 60, now: period.start }, '2026-05-31T00:00:00.000Z'],
    ['for longer than allowed', { pausedAt: null, days: 61, now: period.start }, 'PAUSE_TOO_LONG'],
    ['for no days', { pausedAt: null, days: 0, now: period.start }, 'PAUSE_TOO_LONG'],
    ['for half a day', { pausedAt: null, days: 0.5, now: period.start }, 'PAUSE_TOO_LONG'],
    ['when already paused', { pausedAt: period.start, days: 10, now: after(1) }, 'PAUSE_ALREADY_PAUSED'],
  ]
  for (const [what, r, result] of pauses) {
    it(`pauses ${what}: ${result}`, () => {
      const got = planPause(DEFAULT_CANCELLATION_POLICY, r)
      assert.equal(got.ok ? got.resumeAt : got.code, result)
      if (got.ok) assert.equal(got.pausedAt, new Date(r.now).toISOString())
    })
  }

  const resumes: [what: string, r: Parameters<typeof planResume>[1], result: string, pausedDays?: number][] = [
    ['after 10 days: billing moves 10 days later', { pausedAt: after(5), nextBillingAt: period.end, now: after(15) }, '2026-05-11T00:00:00.000Z', 10],
    ['at once', { pausedAt: after(5), nextBillingAt: period.end, now: after(5) }, '2026-05-01T00:00:00.000Z', 0],
    ['late, after 90 days: only the longest pause counts', { pausedAt: after(5), nextBillingAt: period.end, now: after(95) },
      '2026-06-30T00:00:00.000Z', 60],
    ['when not paused', { pausedAt: null, nextBillingAt: period.end, now: after(5) }, 'PAUSE_NOT_PAUSED'],
  ]
  for (const [what, r, result, pausedDays] of resumes) {
    it(`resumes ${what}: ${result}`, () => {
      const got = planResume(DEFAULT_CANCELLATION_POLICY, r)
      assert.equal(got.ok ? got.nextBillingAt : got.code, result)
      if (got.ok) assert.equal(got.pausedMs, (pausedDays ?? 0) * 86_400_000)
    })
  }

  it('refuses a resume before the pause', () =>
    assert.throws(() => planResume(DEFAULT_CANCELLATION_POLICY, { pausedAt: after(5), nextBillingAt: period.end, now: after(4) }),
      { name: 'SubscriptionError', code: 'INVALID_TIME' }))
})
