/** Tax forms a creator signs before being paid: W-9 (US persons) or W-8BEN / W-8BEN-E (everyone else). Pure. */

export const TAX_FORM_KINDS = ['W-9', 'W-8BEN', 'W-8BEN-E'] as const
export type TaxFormKind = (typeof TAX_FORM_KINDS)[number]

export const TAX_FORM_ERRORS = {
  unknownKind: 'UNKNOWN_FORM',
  wrongFormForCountry: 'WRONG_FORM_FOR_COUNTRY',
  invalidCountry: 'INVALID_COUNTRY',
  invalidTin: 'INVALID_TIN',
  invalidSignature: 'INVALID_SIGNATURE',
} as const

export type TaxFormInput = { kind: string; country: string; tin: string; signedName: string; signedAt: string }
export type TaxForm = { kind: TaxFormKind; country: string; tin: string; signedName: string; expiresAt: string | null }
type Checked = { ok: true; form: TaxForm } | { ok: false; code: string; field: string; message: string }

const fail = (code: string, field: string, message: string): Checked => ({ ok: false, code, field, message })

/** A US SSN (not 000/666/9xx area, not 00 group, not 0000 serial) or an EIN (two digits, then seven): nine digits either way. */
export function isUsTin(tin: string): boolean {
  const ssn = /^(\d{3})-?(\d{2})-?(\d{4})$/.exec(tin)
  if (ssn) return ssn[1] !== '000' && ssn[1] !== '666' && !ssn[1]!.startsWith('9') && ssn[2] !== '00' && ssn[3] !== '0000'
  return /^\d{2}-?\d{7}$/.test(tin) && !tin.startsWith('00')
}

/** A W-8 stays in force until the last day of the third calendar year after the year it was signed (IRS instructions). */
export const w8ExpiresAt = (signedAt: string): string => `${new Date(signedAt).getUTCFullYear() + 3}-12-31T23:59:59.999Z`

/** Checks a form against the signer's country: US persons sign a W-9 with a valid SSN or EIN, others a W-8. */
export function checkTaxForm(input: TaxFormInput): Checked {
  const kind = TAX_FORM_KINDS.find((k) => k === input.kind.trim().toUpperCase())
  if (!kind) return fail(TAX_FORM_ERRORS.unknownKind, 'kind', `A tax form is one of ${TAX_FORM_KINDS.join(', ')}.`)
  const country = input.country.trim().toUpperCase()
  if (!/^[A-Z]{2}$/.test(country)) return fail(TAX_FORM_ERRORS.invalidCountry, 'country', 'The country is a two-letter ISO code.')
  if ((kind === 'W-9') !== (country === 'US')) {
    return fail(TAX_FORM_ERRORS.wrongFormForCountry, 'kind', country === 'US' ? 'US persons sign a W-9.' : 'Outside the US, sign a W-8BEN (individuals) or W-8BEN-E (entities).')
  }
  const tin = input.tin.replace(/\s+/g, '').toUpperCase()
  if (kind === 'W-9' ? !isUsTin(tin) : !/^[A-Z0-9-]{4,30}$/.test(tin)) {
    return fail(TAX_FORM_ERRORS.invalidTin, 'tin', kind === 'W-9' ? 'Enter a valid SSN or EIN (nine digits).' : 'Enter your tax identification number (4-30 letters or digits).')
  }
  const signedName = input.signedName.trim().replace(/\s+/g, ' ')
  if (signedName.length < 2 || signedName.length > 100 || !/^[\p{L}][\p{L}\p{M} .'-]*$/u.test(signedName)) {
    return fail(TAX_FORM_ERRORS.invalidSignature, 'signedName', 'Sign with your full legal name.')
  }
  return { ok: true, form: { kind, country, tin: tin.replaceAll('-', ''), signedName, expiresAt: kind === 'W-9' ? null : w8ExpiresAt(input.signedAt) } }
}
