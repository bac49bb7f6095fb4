/** Bank identifiers as banks define them: IBAN (ISO 13616), BIC (ISO 9362), ABA routing numbers. Pure. */

/** IBAN length per country: the SEPA members (incl. the 2025 joiners AL, MD, ME, MK) plus FO and GL. */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = Object.freeze({
  AD: 24, AL: 28, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18, FO: 18,
  FR: 27, GB: 22, GI: 23, GL: 18, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21, LT: 20, LU: 20, LV: 21,
  MC: 27, MD: 24, ME: 22, MK: 19, MT: 31, NL: 18, NO: 15, PL: 28, PT: 25, RO: 24, SE: 24, SI: 19, SK: 24, SM: 27, VA: 22,
})

/** Upper-case without spaces: how an IBAN or BIC is stored and compared. */
export const compactCode = (text: string): string => text.replace(/\s+/g, '').toUpperCase()

/** Why an IBAN is refused, or null when it is valid (input already compacted). */
export function ibanProblem(iban: string): 'FORMAT' | 'COUNTRY' | 'LENGTH' | 'CHECKSUM' | null {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return 'FORMAT'
  const length = IBAN_LENGTHS[iban.slice(0, 2)]
  if (length === undefined) return 'COUNTRY'
  if (iban.length !== length) return 'LENGTH'
  // ISO 7064 mod 97-10: country and check digits move to the end, letters become 10..35, the number mod 97 is 1
  const digits = [...iban.slice(4) + iban.slice(0, 4)].map((c) => parseInt(c, 36)).join('')
  let rest = 0
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97
  return rest === 1 ? null : 'CHECKSUM'
}

/** A BIC: 4 letters bank, 2 letters country, 2 alphanumerics location, optional 3 alphanumerics branch (input compacted). */
export const isBic = (bic: string): boolean => /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(bic)

/** Territories whose banks carry their own BIC country but use the IBANs of another country. */
const IBAN_COUNTRY_OF_BIC: Readonly<Record<string, string>> = Object.freeze({
  JE: 'GB', GG: 'GB', IM: 'GB', AX: 'FI',
  GF: 'FR', GP: 'FR', MQ: 'FR', RE: 'FR', YT: 'FR', PM: 'FR', BL: 'FR', MF: 'FR', NC: 'FR', PF: 'FR', WF: 'FR',
})

/** Whether a bank with this BIC can hold an IBAN of this country. */
export const bicFitsIbanCountry = (bic: string, ibanCountry: string): boolean => {
  const country = bic.slice(4, 6)
  return country === ibanCountry || IBAN_COUNTRY_OF_BIC[country] === ibanCountry
}

// First two digits name a Federal Reserve district: 01-12 banks, 21-32 thrifts, 61-72 electronic transactions.
const FED_PREFIX = /^(?:0[1-9]|1[0-2]|2[1-9]|3[0-2]|6[1-9]|7[0-2])/

/** An ABA routing number: 9 digits, a real Federal Reserve prefix, weights 3-7-1 summing to a multiple of 10. */
export function isAbaRoutingNumber(routing: string): boolean {
  if (!/^\d{9}$/.test(routing) || !FED_PREFIX.test(routing)) return false
  const sum = [...routing].reduce((s, d, i) => s + Number(d) * ([3, 7, 1][i % 3] ?? 0), 0)
  return sum % 10 === 0
}
