import assert from 'node:assert/strict'
import { checkTaxForm, isUsTin, w8ExpiresAt } from './tax-forms.ts'

const at = '2026-11-24T10:00:00Z'
const form = (over: Partial<Parameters<typeof checkTaxForm>[0]>) => checkTaxForm({ kind: 'W-9', country: 'US', tin: '123-45-6789', signedName: 'Gia Marie', signedAt: at, ...over })

describe('tax forms', () => {
  const cases: [string, Parameters<typeof form>[0], string | null][] = [
    ['a US person signs a W-9 with an SSN', {}, null],
    ['an EIN is fine', { tin: '12-3456789' }, null],
    ['a W-9 outside the US', { country: 'DE' }, 'WRONG_FORM_FOR_COUNTRY'],
    ['a W-8BEN in the US', { kind: 'W-8BEN' }, 'WRONG_FORM_FOR_COUNTRY'],
    ['a W-8BEN abroad', { kind: 'w-8ben', country: 'de', tin: 'DE 123 456 789' }, null],
    ['an SSN in area 666', { tin: '666-12-3456' }, 'INVALID_TIN'],
    ['an SSN in area 9xx', { tin: '912-12-3456' }, 'INVALID_TIN'],
    ['eight digits', { tin: '12345678' }, 'INVALID_TIN'],
    ['an unknown form', { kind: 'W-4' }, 'UNKNOWN_FORM'],
    ['a three-letter country', { country: 'USA' }, 'INVALID_COUNTRY'],
    ['a signature of digits', { signedName: '12345' }, 'INVALID_SIGNATURE'],
  ]
  for (const [name, over, code] of cases) {
    it(name, () => {
      const r = form(over)
      assert.equal(r.ok ? null : r.code, code)
    })
  }
  it('a W-8 expires at the end of the third year after signing; a W-9 does not expire', () => {
    assert.equal(w8ExpiresAt(at), '2029-12-31T23:59:59.999Z')
    const w8 = form({ kind: 'W-8BEN', country: 'GB', tin: 'AB123456C' })
    assert.ok(w8.ok && w8.form.expiresAt === '2029-12-31T23:59:59.999Z')
    const w9 = form({})
    assert.ok(w9.ok && w9.form.expiresAt === null && w9.form.tin === '123456789')
  })
  it('tells SSNs and EINs apart from junk', () => {
    assert.deepEqual(['123456789', '000-12-3456', '12-3456789', '00-1234567'].map(isUsTin), [true, false, true, false])
  })
})
