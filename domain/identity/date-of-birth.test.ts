import assert from 'node:assert/strict'
import { formatIsoDate, isoDate } from './calendar.ts'
import { ageOn, checkAdult, parseDateOfBirth } from './date-of-birth.ts'

const now = new Date('2026-03-01T12:00:00Z')

describe('date of birth', () => {
  const parsing: [input: unknown, expected: string][] = [
    ['1990-05-17', '1990-05-17'], ['2004-02-29', '2004-02-29'], ['1900-01-01', '1900-01-01'], ['2026-03-01', '2026-03-01'],
    // today somewhere already (UTC+14 is on 2 March at 12:00Z): not in the future
    ['2026-03-02', '2026-03-02'],
    ['2023-02-30', 'MALFORMED_DATE_OF_BIRTH'], ['2023-02-29', 'MALFORMED_DATE_OF_BIRTH'], ['1990-13-01', 'MALFORMED_DATE_OF_BIRTH'],
    ['17/05/1990', 'MALFORMED_DATE_OF_BIRTH'], ['1990-5-17', 'MALFORMED_DATE_OF_BIRTH'], ['', 'MALFORMED_DATE_OF_BIRTH'],
    ['1990-05-17T00:00:00Z', 'MALFORMED_DATE_OF_BIRTH'], [19900517, 'MALFORMED_DATE_OF_BIRTH'], [null, 'MALFORMED_DATE_OF_BIRTH'],
    ['1899-12-31', 'IMPLAUSIBLE_DATE_OF_BIRTH'], ['0001-01-01', 'IMPLAUSIBLE_DATE_OF_BIRTH'],
    ['2026-03-03', 'IMPLAUSIBLE_DATE_OF_BIRTH'], ['2099-01-01', 'IMPLAUSIBLE_DATE_OF_BIRTH'],
  ]
  for (const [input, expected] of parsing) {
    it(`${JSON.stringify(input)} -> ${expected}`, () => {
      if (expected.endsWith('_OF_BIRTH')) {
        assert.throws(() => parseDateOfBirth(input, now), (e: Error & { code?: string }) => {
          assert.equal(e.code, expected)
          assert.ok(typeof input !== 'string' || input === '' || !e.message.includes(input), 'the message repeats the input')
          return true
        })
      } else assert.equal(formatIsoDate(parseDateOfBirth(input, now)), expected)
    })
  }

  const ages: [dob: string, on: string, age: number][] = [
    ['2008-03-01', '2026-02-28', 17], ['2008-03-01', '2026-03-01', 18], ['2008-03-01', '2026-03-02', 18],
    ['2000-01-01', '2000-01-01', 0], ['1990-12-31', '2026-12-30', 35], ['1990-12-31', '2026-12-31', 36],
    // born on 29 February: a year completes on 1 March in common years, on 29 February in leap years
    ['2008-02-29', '2026-02-28', 17], ['2008-02-29', '2026-03-01', 18], ['2004-02-29', '2022-02-28', 17],
    ['2004-02-29', '2022-03-01', 18], ['2008-02-29', '2028-02-28', 19], ['2008-02-29', '2028-02-29', 20],
  ]
  for (const [dob, on, age] of ages) {
    it(`born ${dob}, on ${on}: ${age}`, () => assert.equal(ageOn(isoDate(dob), isoDate(on)), age))
  }
  it('refuses an age before birth', () => assert.throws(() => ageOn(isoDate('2000-01-02'), isoDate('2000-01-01')), { code: 'INVALID_DATE' }))

  // the 18th birthday counts once it has begun in UTC-12, i.e. from 12:00Z that day
  const adults: [dob: string, minimumAge: number, instant: string, ok: boolean][] = [
    ['2008-03-01', 18, '2026-03-01T11:59:59Z', false], ['2008-03-01', 18, '2026-03-01T12:00:00Z', true],
    ['2008-02-29', 18, '2026-02-28T23:00:00Z', false], ['2008-02-29', 18, '2026-03-01T12:00:00Z', true],
    ['2005-03-01', 21, '2026-03-01T12:00:00Z', true], ['2005-03-02', 21, '2026-03-01T12:00:00Z', false],
    ['2007-06-15', 19, '2026-03-01T12:00:00Z', false], ['1970-01-01', 18, '2026-03-01T12:00:00Z', true],
    ['2026-03-02', 18, '2026-03-01T12:00:00Z', false],
  ]
  for (const [dob, minimumAge, instant, ok] of adults) {
    it(`born ${dob}, ${minimumAge}+ at ${instant}: ${ok ? 'adult' : 'UNDERAGE'}`, () => {
      const check = checkAdult(isoDate(dob), minimumAge, new Date(instant))
      if (ok) assert.deepEqual(check, { ok: true })
      else {
        assert.equal(check.ok, false)
        assert.ok(!check.ok && check.code === 'UNDERAGE')
        assert.ok(!check.ok && check.message.includes(`at least ${minimumAge} years old`))
        for (const part of dob.split('-')) assert.ok(!check.ok && !check.message.includes(part), 'the message leaks the DOB')
      }
    })
  }
  for (const minimumAge of [0, 17.5, Number.NaN, 100]) {
    it(`refuses a minimum age of ${minimumAge}`, () =>
      assert.throws(() => checkAdult(isoDate('1990-01-01'), minimumAge, now), { code: 'INVALID_KYC_POLICY' }))
  }
})
