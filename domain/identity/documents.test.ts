import assert from 'node:assert/strict'
import { isoDate } from './calendar.ts'
import { checkDocumentValid, documentTypeSchema, normaliseDocumentNumber, reverificationDueAt } from './documents.ts'

describe('identity documents', () => {
  it('knows the four document types and nothing else', () => {
    for (const t of ['passport', 'national_id', 'driving_licence', 'residence_permit']) assert.ok(documentTypeSchema.safeParse(t).success)
    assert.equal(documentTypeSchema.safeParse('library_card').success, false)
  })

  const numbers: [raw: string, expected: string][] = [
    ['AB1234567', 'AB1234567'], ['ab 123 456 7', 'AB1234567'], ['AB-123.456/7', 'AB1234567'], [' ab1234567\t', 'AB1234567'],
    ['L01X00T47<<<', 'L01X00T47'], ['ＡＢ１２３４', 'AB1234'], ['x–12—34', 'X1234'], ['ÄÖ12345', 'ÄÖ12345'],
    ['AB1', 'MALFORMED_DOCUMENT_NUMBER'], ['', 'MALFORMED_DOCUMENT_NUMBER'], ['AB12#345', 'MALFORMED_DOCUMENT_NUMBER'],
    ['A'.repeat(25), 'MALFORMED_DOCUMENT_NUMBER'], ['AB12;DROP', 'MALFORMED_DOCUMENT_NUMBER'],
  ]
  for (const [raw, expected] of numbers) {
    it(`'${raw}' -> ${expected}`, () => {
      if (expected === 'MALFORMED_DOCUMENT_NUMBER') assert.throws(() => normaliseDocumentNumber(raw), { code: expected })
      else assert.equal(normaliseDocumentNumber(raw), expected)
    })
  }

  // valid through the whole expiry day everywhere: until 12:00Z the next day (end of the day at UTC-12)
  const validity: [validUntil: string | null, now: string, ok: boolean][] = [
    ['2026-06-30', '2026-01-01T00:00:00Z', true], ['2026-06-30', '2026-06-30T23:59:59Z', true],
    ['2026-06-30', '2026-07-01T11:59:59Z', true], ['2026-06-30', '2026-07-01T12:00:00Z', false],
    ['2020-01-01', '2026-01-01T00:00:00Z', false], [null, '2099-01-01T00:00:00Z', true],
  ]
  for (const [validUntil, now, ok] of validity) {
    it(`valid until ${validUntil ?? 'forever'}, at ${now}: ${ok ? 'valid' : 'DOCUMENT_EXPIRED'}`, () => {
      const check = checkDocumentValid({ validUntil: validUntil === null ? null : isoDate(validUntil), now: new Date(now) })
      assert.deepEqual(check.ok ? null : check.code, ok ? null : 'DOCUMENT_EXPIRED')
    })
  }

  const due: [validUntil: string | null, leadDays: number, expected: string | null][] = [
    ['2026-06-30', 30, '2026-05-31T00:00:00.000Z'], ['2026-03-01', 1, '2026-02-28T00:00:00.000Z'],
    ['2028-03-01', 1, '2028-02-29T00:00:00.000Z'], ['2026-06-30', 0, '2026-06-30T00:00:00.000Z'],
    ['2027-01-15', 45, '2026-12-01T00:00:00.000Z'], [null, 30, null],
  ]
  for (const [validUntil, leadDays, expected] of due) {
    it(`valid until ${validUntil ?? 'forever'}, ${leadDays} days ahead: ${expected ?? 'never'}`, () =>
      assert.equal(reverificationDueAt(validUntil === null ? null : isoDate(validUntil), leadDays)?.toISOString() ?? null, expected))
  }
  for (const leadDays of [-1, 1.5]) {
    it(`refuses a lead time of ${leadDays} days`, () =>
      assert.throws(() => reverificationDueAt(isoDate('2026-01-01'), leadDays), { code: 'INVALID_KYC_POLICY' }))
  }
})
