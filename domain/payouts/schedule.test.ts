import assert from 'node:assert/strict'
import type { ScheduleSpec } from '@temporalio/client'
import { nextPayoutAt, payoutRunId, payoutScheduleSchema, reserveBpsOf, toScheduleSpec, type PayoutScheduleInput, type PayoutScheduleSpec } from './schedule.ts'

const DAY = 86_400_000
const HOUR = 3_600_000

describe('payout schedule settings', () => {
  it('fills the defaults', () => assert.deepEqual(payoutScheduleSchema.parse({ brand: 'boyfanz', cadence: 'weekly' }), {
    brand: 'boyfanz', cadence: 'weekly', weekday: 1, dayOfMonth: 1, hourUtc: 6, minimum: 5000, reservePercent: 5, reserveDays: 90,
    approvalThreshold: 500_000 }))

  const bad: [name: string, input: Record<string, unknown>, path: string][] = [
    ['an unknown brand', { brand: 'nofanz', cadence: 'weekly' }, 'brand'],
    ['a daily cadence', { brand: 'boyfanz', cadence: 'daily' }, 'cadence'],
    ['weekday 7', { brand: 'boyfanz', cadence: 'weekly', weekday: 7 }, 'weekday'],
    ['day 29 of the month', { brand: 'boyfanz', cadence: 'monthly', dayOfMonth: 29 }, 'dayOfMonth'],
    ['hour 24', { brand: 'boyfanz', cadence: 'weekly', hourUtc: 24 }, 'hourUtc'],
    ['a fractional minimum', { brand: 'boyfanz', cadence: 'weekly', minimum: 50.5 }, 'minimum'],
    ['a reserve over 100 %', { brand: 'boyfanz', cadence: 'weekly', reservePercent: 101 }, 'reservePercent'],
    ['a reserve finer than a basis point', { brand: 'boyfanz', cadence: 'weekly', reservePercent: 7.555 }, 'reservePercent'],
    ['reserve days over a year', { brand: 'boyfanz', cadence: 'weekly', reserveDays: 400 }, 'reserveDays'],
    ['a negative approval threshold', { brand: 'boyfanz', cadence: 'weekly', approvalThreshold: -1 }, 'approvalThreshold'],
  ]
  for (const [name, input, path] of bad) {
    it(`refuses ${name}`, () => {
      const r = payoutScheduleSchema.safeParse(input)
      assert.equal(r.success, false)
      assert.deepEqual(r.error?.issues.map((i) => i.path.join('.')), [path])
    })
  }

  it('reads a fractional reserve as basis points', () =>
    assert.equal(reserveBpsOf(payoutScheduleSchema.parse({ brand: 'girlfanz', cadence: 'monthly', reservePercent: 7.5 })), 750))
})

describe('payout schedule spec', () => {
  const parse = (i: Omit<PayoutScheduleInput, 'brand'>) => payoutScheduleSchema.parse({ brand: 'boyfanz', ...i })
  const cases: [name: string, input: Omit<PayoutScheduleInput, 'brand'>, spec: PayoutScheduleSpec][] = [
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

  const next: [name: string, input: Omit<PayoutScheduleInput, 'brand'>, after: string, expected: string][] = [
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

describe('payout run id', () => {
  const cases: [brand: string, at: string, id: string][] = [
    ['boyfanz', '2025-06-02T06:00:00Z', 'payout-run:boyfanz:2025-06-02'],
    ['girlfanz', '2025-06-02T01:00:00+02:00', 'payout-run:girlfanz:2025-06-01'], // the UTC day
    ['pupfanz', '2025-12-31T23:59:59.999Z', 'payout-run:pupfanz:2025-12-31'],
  ]
  for (const [brand, at, id] of cases) it(`${brand} at ${at} -> ${id}`, () => assert.equal(payoutRunId(brand, at), id))
  it('refuses a time without a zone', () => assert.throws(() => payoutRunId('boyfanz', '2025-06-02'), { name: 'PayoutError', code: 'INVALID_TIME' }))
})
