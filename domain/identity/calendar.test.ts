import assert from 'node:assert/strict'
import {
  addDays, calendarDateAt, compareDates, daysInMonth, formatIsoDate, isoDate, parseIsoDate, utcMidnight,
} from './calendar.ts'

describe('calendar dates', () => {
  const parsing: [text: string, ok: boolean][] = [
    ['2024-02-29', true], ['2023-02-28', true], ['2000-02-29', true], ['1999-12-31', true],
    ['2023-02-29', false], ['1900-02-29', false], ['2023-02-30', false], ['2023-04-31', false], ['2023-13-01', false],
    ['2023-00-10', false], ['2023-01-00', false], ['2023-1-01', false], ['20230101', false], [' 2023-01-01', false],
    ['2023-01-01T00:00:00Z', false], ['', false], ['２０２３-01-01', false],
  ]
  for (const [text, ok] of parsing) {
    it(`parses '${text}': ${ok ? 'a date' : 'null'}`, () => {
      const d = parseIsoDate(text)
      assert.equal(d === null ? null : formatIsoDate(d), ok ? text : null)
    })
  }

  it('isoDate throws INVALID_DATE where parseIsoDate gives null', () =>
    assert.throws(() => isoDate('2023-02-30'), { code: 'INVALID_DATE' }))

  const months: [year: number, month: number, days: number][] = [
    [2023, 1, 31], [2023, 2, 28], [2024, 2, 29], [1900, 2, 28], [2000, 2, 29], [2023, 4, 30], [2023, 12, 31],
  ]
  for (const [year, month, days] of months) {
    it(`${year}-${month} has ${days} days`, () => assert.equal(daysInMonth(year, month), days))
  }

  const additions: [from: string, days: number, to: string][] = [
    ['2024-02-28', 1, '2024-02-29'], ['2023-02-28', 1, '2023-03-01'], ['2023-12-31', 1, '2024-01-01'],
    ['2024-03-01', -1, '2024-02-29'], ['2026-05-31', -30, '2026-05-01'], ['1900-01-01', 0, '1900-01-01'],
  ]
  for (const [from, days, to] of additions) {
    it(`${from} ${days >= 0 ? '+' : ''}${days} days is ${to}`, () => assert.equal(formatIsoDate(addDays(isoDate(from), days)), to))
  }

  const zones: [instant: string, offsetMinutes: number, date: string][] = [
    ['2026-03-01T00:00:00Z', 0, '2026-03-01'], ['2026-03-01T11:59:59Z', -720, '2026-02-28'],
    ['2026-03-01T12:00:00Z', -720, '2026-03-01'], ['2026-02-28T10:00:00Z', 840, '2026-03-01'],
    ['2026-02-28T09:59:59Z', 840, '2026-02-28'],
  ]
  for (const [instant, offset, date] of zones) {
    it(`${instant} at UTC${offset >= 0 ? '+' : ''}${offset / 60} is ${date}`, () =>
      assert.equal(formatIsoDate(calendarDateAt(new Date(instant), offset)), date))
  }

  it('refuses an invalid instant', () => assert.throws(() => calendarDateAt(new Date('nope')), { code: 'INVALID_DATE' }))
  it('gives midnight UTC of a date, including years below 100 AD of the Date API', () => {
    assert.equal(utcMidnight(isoDate('2024-02-29')).toISOString(), '2024-02-29T00:00:00.000Z')
    assert.equal(utcMidnight({ year: 50, month: 1, day: 2 }).getUTCFullYear(), 50)
  })
  it('orders dates', () => {
    assert.ok(compareDates(isoDate('2024-01-31'), isoDate('2024-02-01')) < 0)
    assert.ok(compareDates(isoDate('2025-01-01'), isoDate('2024-12-31')) > 0)
    assert.equal(compareDates(isoDate('2024-02-29'), isoDate('2024-02-29')), 0)
  })
})
