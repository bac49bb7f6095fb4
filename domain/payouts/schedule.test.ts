import assert from 'node:assert/strict'
import type { ScheduleSpec } from '@temporalio/client'
import { nextPayoutAt, toScheduleSpec, type PayoutScheduleSpec, type PayoutWhen } from './schedule.ts'

const DAY = 86_400_000
const HOUR = 3_600_000

describe('payout schedule spec', () => {
  // the settings' defaults (payout_settings): Monday, the 1st, 06:00 UTC
  type Input = Pick<PayoutWhen, 'cadence'> & Partial<PayoutWhen>
  const parse = (i: Input): PayoutWhen => ({ weekday: 1, dayOfMonth: 1, hourUtc: 6, ...i })
  const cases: [name: string, input: Input, spec: PayoutScheduleSpec][] = [
    ['weekly on Monday 06:00 by default', { cadence: 'weekly' }, { calendars: [{ dayOfWeek: 'MONDAY', hour: 6, minute: 0 }] }],
    ['weekly on Sunday 23:00', { cadence: 'weekly', weekday: 0, hourUtc: 23 }, { calendars: [{ dayOfWeek: 'SUNDAY', hour: 23, minute: 0 }] }],
    ['monthly on the 15th', { cadence: 'monthly', dayOfMonth: 15 }, { calendars: [{ dayOfMonth: 15, hour: 6, minute: 0 }] }],
    ['biweekly on Monday: epoch Thursday + 4 days 6 h', { cadence: 'biweekly' }, { intervals: [{ every: 14 * DAY, offset: 4 * DAY + 6 * HOUR }] }],
    ['biweekly on Thursday: no day offset', { cadence: 'biweekly', weekday: 4, hourUtc: 0 }, { intervals: [{ every: 14 * DAY, offset: 0 }] }],
    ['biweekly on Wednesday', { cadence: 'biweekly', weekday: 3, hourUtc: 9 }, { intervals: [{ every: 14 * DAY, offset: 6 * DAY + 9 * HOUR }] }],
  ]
  for (const [name, input, spec] of cases) {
    it(name, () => {
      const made: ScheduleSpec = toScheduleSpec(parse(input)) // the Temporal client takes it as it is
      assert.deepEqual(made, spec)
    })
  }

  const next: [name: string, input: Input, after: string, expected: string][] = [
    ['weekly: later the same week', { cadence: 'weekly', weekday: 5 }, '2025-06-02T10:00:00Z', '2025-06-06T06:00:00.000Z'],
    ['weekly: at the run time, the next week', { cadence: 'weekly' }, '2025-06-02T06:00:00Z', '2025-06-09T06:00:00.000Z'],
    ['weekly: just before the run', { cadence: 'weekly' }, '2025-06-02T05:59:59Z', '2025-06-02T06:00:00.000Z'],
    ['monthly: next month', { cadence: 'monthly', dayOfMonth: 1 }, '2025-12-15T00:00:00Z', '2026-01-01T06:00:00.000Z'],
    ['monthly: the 28th in February', { cadence: 'monthly', dayOfMonth: 28 }, '2026-02-01T00:00:00Z', '2026-02-28T06:00:00.000Z'],
    ['biweekly Monday: a run week', { cadence: 'biweekly' }, '2025-06-09T05:00:00Z', '2025-06-09T06:00:00.000Z'],
    ['biweekly Monday: at the run time, two weeks on', { cadence: 'biweekly' }, '2025-06-09T06:00:00Z', '2025-06-23T06:00:00.000Z'],
    ['biweekly Monday: an off week', { cadence: 'biweekly' }, '2025-06-16T05:00:00Z', '2025-06-23T06:00:00.000Z'],
    ['biweekly Friday', { cadence: 'biweekly', weekday: 5, hourUtc: 12 }, '2025-06-02T00:00:00Z', '2025-06-06T12:00:00.000Z'],
  ]
  for (const [name, input, after, expected] of next) {
    it(`next run, ${name}`, () => assert.equal(nextPayoutAt(parse(input), after), expected))
  }

  it('biweekly runs land on the weekday and hour, 14 days apart, as the interval spec says', () => {
    for (let weekday = 0; weekday < 7; weekday += 1) {
      const s = parse({ cadence: 'biweekly', weekday, hourUtc: 6 })
      const spec = toScheduleSpec(s)
      assert.ok('intervals' in spec)
      const { every, offset } = spec.intervals[0]!
      const first = nextPayoutAt(s, '2025-01-01T00:00:00Z')
      const second = nextPayoutAt(s, first)
      assert.equal(new Date(first).getUTCDay(), weekday)
      assert.equal(new Date(first).getUTCHours(), 6)
      assert.equal(Date.parse(second) - Date.parse(first), every)
      assert.equal((Date.parse(first) - offset) % every, 0)
    }
  })
})
