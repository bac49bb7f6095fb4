import assert from 'node:assert/strict'
import {
  addMonthsClamped, billingDate, currentPeriod, firstBillingOnOrAfter, nextBillingDate, trialEnd,
} from './billing-calendar.ts'

const iso = (s: string) => new Date(s).toISOString()

describe('billing calendar', () => {
  const additions: [from: string, months: number, to: string][] = [
    ['2026-01-31T10:00:00Z', 1, '2026-02-28T10:00:00Z'],
    ['2024-01-31T10:00:00Z', 1, '2024-02-29T10:00:00Z'],
    ['2026-03-31T23:59:59Z', 1, '2026-04-30T23:59:59Z'],
    ['2026-12-31T00:00:00Z', 2, '2027-02-28T00:00:00Z'],
    ['2026-08-31T06:30:00Z', 6, '2027-02-28T06:30:00Z'],
    ['2024-02-29T12:00:00Z', 12, '2025-02-28T12:00:00Z'],
    ['2026-03-31T00:00:00Z', -1, '2026-02-28T00:00:00Z'],
    ['2026-05-15T08:00:00+02:00', 1, '2026-06-15T06:00:00Z'],
    ['2026-01-15T00:00:00.250Z', 0, '2026-01-15T00:00:00.250Z'],
  ]
  for (const [from, months, to] of additions) {
    it(`${from} + ${months} months is ${to}`, () => assert.equal(addMonthsClamped(from, months), iso(to)))
  }

  const schedules: [anchor: string, periodMonths: number, dates: string[]][] = [
    ['2026-01-31T10:00:00Z', 1, ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30']],
    ['2024-01-31T10:00:00Z', 1, ['2024-01-31', '2024-02-29', '2024-03-31']],
    ['2026-01-30T10:00:00Z', 1, ['2026-01-30', '2026-02-28', '2026-03-30']],
    ['2025-11-30T10:00:00Z', 3, ['2025-11-30', '2026-02-28', '2026-05-30', '2026-08-30']],
    ['2026-08-31T10:00:00Z', 6, ['2026-08-31', '2027-02-28', '2027-08-31']],
    ['2024-02-29T10:00:00Z', 12, ['2024-02-29', '2025-02-28', '2026-02-28', '2027-02-28', '2028-02-29']],
  ]
  for (const [anchor, months, dates] of schedules) {
    it(`every ${months} months from ${anchor} bills on ${dates.join(', ')} without drift`, () =>
      assert.deepEqual(dates.map((_, c) => billingDate({ anchor, periodMonths: months }, c)), dates.map((d) => iso(`${d}T10:00:00Z`))))
  }

  it('keeps the anchor day for three years of monthly renewals from each month end', () => {
    for (const day of [28, 29, 30, 31]) {
      const anchor = `2026-01-${day}T00:00:00Z`
      for (let c = 0; c < 36; c += 1) {
        const d = new Date(billingDate({ anchor, periodMonths: 1 }, c))
        const monthLength = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
        assert.equal(d.getUTCDate(), Math.min(day, monthLength), `cycle ${c} from day ${day}`)
      }
    }
  })

  const monthly = { anchor: '2026-01-31T10:00:00Z', periodMonths: 1 }
  const periods: [now: string, cycle: number, start: string, end: string][] = [
    ['2026-01-31T10:00:00Z', 0, '2026-01-31', '2026-02-28'],
    ['2026-02-28T09:59:59Z', 0, '2026-01-31', '2026-02-28'],
    ['2026-02-28T10:00:00Z', 1, '2026-02-28', '2026-03-31'],
    ['2026-03-30T23:00:00Z', 1, '2026-02-28', '2026-03-31'],
    ['2026-03-31T10:00:00Z', 2, '2026-03-31', '2026-04-30'],
    ['2027-01-31T09:00:00Z', 11, '2026-12-31', '2027-01-31'],
    ['2027-01-31T10:00:00Z', 12, '2027-01-31', '2027-02-28'],
  ]
  for (const [now, cycle, start, end] of periods) {
    it(`at ${now} the monthly period is cycle ${cycle}, ${start}..${end}`, () =>
      assert.deepEqual(currentPeriod(monthly, now), { cycle, start: iso(`${start}T10:00:00Z`), end: iso(`${end}T10:00:00Z`) }))
  }

  const nexts: [now: string | number, next: string, onOrAfter: string][] = [
    ['2026-01-01T00:00:00Z', '2026-01-31', '2026-01-31'],
    ['2026-01-31T10:00:00Z', '2026-02-28', '2026-01-31'],
    ['2026-02-28T10:00:00Z', '2026-03-31', '2026-02-28'],
    ['2026-02-28T10:00:00.001Z', '2026-03-31', '2026-03-31'],
    [Date.parse('2026-04-15T00:00:00Z'), '2026-04-30', '2026-04-30'],
  ]
  for (const [now, next, onOrAfter] of nexts) {
    it(`from ${String(now)} the next billing is ${next}, the first on or after is ${onOrAfter}`, () => {
      assert.equal(nextBillingDate(monthly, now), iso(`${next}T10:00:00Z`))
      assert.equal(firstBillingOnOrAfter(monthly, now), iso(`${onOrAfter}T10:00:00Z`))
    })
  }

  const trials: [start: string | number, days: number, end: string][] = [
    ['2026-02-25T15:00:00Z', 7, '2026-03-04T15:00:00Z'],
    ['2024-02-25T15:00:00Z', 7, '2024-03-03T15:00:00Z'],
    ['2026-02-25T15:00:00Z', 0, '2026-02-25T15:00:00Z'],
    [Date.parse('2026-12-31T23:00:00Z'), 1, '2027-01-01T23:00:00Z'],
  ]
  for (const [start, days, end] of trials) {
    it(`a ${days}-day trial from ${String(start)} ends ${end}`, () => assert.equal(trialEnd(start, days), iso(end)))
  }

  const invalid: [what: string, run: () => unknown, code: string][] = [
    ['a date without a time and zone', () => billingDate({ anchor: '2026-01-31', periodMonths: 1 }, 1), 'INVALID_TIME'],
    ['a local time without a zone', () => nextBillingDate(monthly, '2026-01-31T10:00:00'), 'INVALID_TIME'],
    ['a fractional epoch', () => trialEnd(1.5, 1), 'INVALID_TIME'],
    ['a period of 0 months', () => billingDate({ anchor: monthly.anchor, periodMonths: 0 }, 1), 'INVALID_PERIOD'],
    ['a period of 13 months', () => nextBillingDate({ anchor: monthly.anchor, periodMonths: 13 }, monthly.anchor), 'INVALID_PERIOD'],
    ['a negative cycle', () => billingDate(monthly, -1), 'INVALID_PERIOD'],
    ['a fractional trial', () => trialEnd(monthly.anchor, 1.5), 'INVALID_PERIOD'],
    ['a period before the anchor', () => currentPeriod(monthly, '2026-01-31T09:59:59Z'), 'INVALID_TIME'],
  ]
  for (const [what, run, code] of invalid) it(`refuses ${what} with ${code}`, () => assert.throws(run, { name: 'SubscriptionError', code }))
})
