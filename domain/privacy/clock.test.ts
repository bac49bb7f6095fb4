import assert from 'node:assert/strict'
import { CLOCK, checkExtension, currentDeadline, daysLeft, initialDeadline, jurisdictionFor, milestones, type Extension, type Jurisdiction } from './clock.ts'

const DAY = 86_400_000
const receivedAt = new Date('2026-03-01T09:30:00Z')
const plus = (d: Date, days: number, ms = 0) => new Date(d.getTime() + days * DAY + ms)
const reason = 'Complex request spanning five systems'

describe('DSR clock', () => {
  it('sets the statutory periods', () => {
    assert.deepEqual([CLOCK.GDPR.days, CLOCK.GDPR.maxExtensionDays, CLOCK.GDPR.maxExtensions], [30, 60, 2])
    assert.deepEqual([CLOCK.CCPA.days, CLOCK.CCPA.maxExtensionDays, CLOCK.CCPA.maxExtensions], [45, 45, 1])
    assert.match(CLOCK.GDPR.citation, /Art\. 12\(3\)/)
    assert.match(CLOCK.CCPA.citation, /1798\.130\(a\)\(2\)/)
  })

  describe('jurisdiction', () => {
    const eu = 'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' ')
    for (const c of [...eu, 'IS', 'LI', 'NO', 'GB', 'CH']) it(`${c} -> GDPR`, () => assert.equal(jurisdictionFor(c, null), 'GDPR'))
    const table: [string | null, string | null, Jurisdiction][] = [
      ['US', 'CA', 'CCPA'], ['US', 'US-CA', 'CCPA'], ['us', 'us-ca', 'CCPA'], [' US ', ' CA ', 'CCPA'],
      ['US', 'NY', 'GDPR'], ['US', 'US-TX', 'GDPR'], ['US', null, 'GDPR'], ['US', 'CA-ON', 'GDPR'],
      ['CA', null, 'GDPR'], ['CA', 'CA', 'GDPR'], ['ES', 'CA', 'GDPR'], [null, 'US-CA', 'GDPR'], [null, null, 'GDPR'], ['BR', 'SP', 'GDPR'], ['JP', null, 'GDPR'],
    ]
    for (const [country, region, j] of table) it(`${String(country)} / ${String(region)} -> ${j}`, () => assert.equal(jurisdictionFor(country, region), j))
  })

  it('is due 30 days (GDPR) or 45 days (CCPA) after receipt, to the millisecond', () => {
    assert.equal(initialDeadline('GDPR', receivedAt).toISOString(), '2026-03-31T09:30:00.000Z')
    assert.equal(initialDeadline('CCPA', receivedAt).toISOString(), '2026-04-15T09:30:00.000Z')
  })

  it('moves the deadline by every extension granted', () => {
    assert.equal(currentDeadline('GDPR', receivedAt, []).getTime(), plus(receivedAt, 30).getTime())
    assert.equal(currentDeadline('GDPR', receivedAt, [{ days: 30, reason }, { days: 15, reason }]).getTime(), plus(receivedAt, 75).getTime())
    assert.equal(currentDeadline('CCPA', receivedAt, [{ days: 45, reason }]).getTime(), plus(receivedAt, 90).getTime())
  })

  describe('extensions', () => {
    const ext = (...days: number[]): Extension[] => days.map((d) => ({ days: d, reason }))
    const early = plus(receivedAt, 10)
    // name, jurisdiction, granted, now, days, reason, expected: refusal code or days from receipt to the new deadline
    const table: [string, Jurisdiction, Extension[], Date, number, string, string | number][] = [
      ['GDPR first extension of 30', 'GDPR', [], early, 30, reason, 60],
      ['GDPR second extension of 30 (30+30)', 'GDPR', ext(30), early, 30, reason, 90],
      ['GDPR 30+30 then +1', 'GDPR', ext(30, 30), early, 1, reason, 'EXTENSION_LIMIT'],
      ['GDPR 60 at once', 'GDPR', [], early, 60, reason, 90],
      ['GDPR 60 then +1', 'GDPR', ext(60), early, 1, reason, 'EXTENSION_TOO_LONG'],
      ['GDPR 45 then 20', 'GDPR', ext(45), early, 20, reason, 'EXTENSION_TOO_LONG'],
      ['GDPR 45 then 15', 'GDPR', ext(45), early, 15, reason, 90],
      ['GDPR 61 days', 'GDPR', [], early, 61, reason, 'EXTENSION_INVALID_DAYS'],
      ['CCPA 45', 'CCPA', [], early, 45, reason, 90],
      ['CCPA 1', 'CCPA', [], early, 1, reason, 46],
      ['CCPA 46', 'CCPA', [], early, 46, reason, 'EXTENSION_INVALID_DAYS'],
      ['CCPA second extension after 45', 'CCPA', ext(45), early, 1, reason, 'EXTENSION_LIMIT'],
      ['CCPA second extension, even inside 45 days in total', 'CCPA', ext(20), early, 25, reason, 'EXTENSION_LIMIT'],
      ['0 days', 'GDPR', [], early, 0, reason, 'EXTENSION_INVALID_DAYS'],
      ['negative days', 'GDPR', [], early, -5, reason, 'EXTENSION_INVALID_DAYS'],
      ['part days', 'GDPR', [], early, 1.5, reason, 'EXTENSION_INVALID_DAYS'],
      ['NaN days', 'GDPR', [], early, Number.NaN, reason, 'EXTENSION_INVALID_DAYS'],
      ['no reason', 'GDPR', [], early, 30, '', 'EXTENSION_REASON_REQUIRED'],
      ['a 9-character reason padded with spaces', 'GDPR', [], early, 30, '   123456789   ', 'EXTENSION_REASON_REQUIRED'],
      ['a 10-character reason', 'GDPR', [], early, 30, ' 1234567890 ', 60],
      ['1 ms before the deadline', 'GDPR', [], plus(receivedAt, 30, -1), 30, reason, 60],
      ['exactly at the deadline', 'GDPR', [], plus(receivedAt, 30), 30, reason, 'EXTENSION_AFTER_DEADLINE'],
      ['CCPA exactly at the deadline', 'CCPA', [], plus(receivedAt, 45), 45, reason, 'EXTENSION_AFTER_DEADLINE'],
      ['GDPR second extension after the first month, inside the extended period', 'GDPR', ext(30), plus(receivedAt, 40), 30, reason, 'EXTENSION_AFTER_DEADLINE'],
      ['the limit before a missing reason', 'CCPA', ext(45), early, 10, '', 'EXTENSION_LIMIT'],
      ['lateness before invalid days', 'GDPR', [], plus(receivedAt, 31), 0, reason, 'EXTENSION_AFTER_DEADLINE'],
      ['too long before a missing reason', 'GDPR', ext(50), early, 20, '', 'EXTENSION_TOO_LONG'],
    ]
    for (const [name, j, extensions, now, days, why, expected] of table) {
      it(`${name} -> ${typeof expected === 'number' ? `due on day ${expected}` : expected}`, () => {
        const check = checkExtension(j, { receivedAt, extensions, now }, days, why)
        if (typeof expected === 'number') assert.deepEqual(check, { ok: true, dueAt: plus(receivedAt, expected) })
        else assert.equal(!check.ok && check.code, expected)
      })
    }
    it('says how many days remain when an extension is too long', () => {
      const check = checkExtension('GDPR', { receivedAt, extensions: ext(45), now: early }, 20, reason)
      assert.match(!check.ok ? check.message : '', /15 remain/)
    })
    it('agrees with currentDeadline once granted', () => {
      const check = checkExtension('GDPR', { receivedAt, extensions: ext(10), now: early }, 20, reason)
      assert.deepEqual(check, { ok: true, dueAt: currentDeadline('GDPR', receivedAt, ext(10, 20)) })
    })
  })

  describe('milestones', () => {
    const dueAt = plus(receivedAt, 30)
    const summary = (ms: ReturnType<typeof milestones>) => ms.map((m) => [m.kind, m.daysLeft, (m.at.getTime() - receivedAt.getTime()) / DAY])
    const table: [string, Date, (string | number)[][]][] = [
      ['a 30-day period', receivedAt, [['reminder', 10, 20], ['reminder', 5, 25], ['escalation', 2, 28], ['overdue', 0, 30]]],
      ['received 7 days before due', plus(receivedAt, 23), [['reminder', 5, 25], ['escalation', 2, 28], ['overdue', 0, 30]]],
      ['received exactly 10 days before due', plus(receivedAt, 20), [['reminder', 5, 25], ['escalation', 2, 28], ['overdue', 0, 30]]],
      ['received 1 ms after the last escalation', plus(receivedAt, 28, 1), [['overdue', 0, 30]]],
    ]
    for (const [name, from, expected] of table) it(`${name}: only those after receipt, in order`, () => assert.deepEqual(summary(milestones(from, dueAt)), expected))
    it('agrees with daysLeft at each milestone', () => {
      for (const m of milestones(receivedAt, dueAt)) assert.equal(daysLeft(dueAt, m.at), m.daysLeft)
    })
  })

  describe('days left', () => {
    const dueAt = plus(receivedAt, 30)
    const table: [string, Date, number][] = [
      ['10 whole days before', plus(dueAt, -10), 10], ['9 days and 1 ms before', plus(dueAt, -9, -1), 10], ['1 ms before', plus(dueAt, 0, -1), 1],
      ['exactly at the deadline', dueAt, 0], ['1 ms after', plus(dueAt, 0, 1), -1], ['1 day after', plus(dueAt, 1), -1], ['1 day and 1 ms after', plus(dueAt, 1, 1), -2],
    ]
    for (const [name, now, left] of table) it(`${name} -> ${left}`, () => assert.equal(daysLeft(dueAt, now), left))
  })
})
