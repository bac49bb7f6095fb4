/** Structural checks of an IBAN (ISO 13616 mod-97) and a BIC (ISO 9362), made before a wire is sent. */

const BIC = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/

/** An IBAN as banks file it: upper case, no spaces. */
export const normalIban = (iban: string): string => iban.replace(/\s+/g, '').toUpperCase()

/** True when the IBAN has a country, check digits and a BBAN, and its mod-97 remainder is 1. */
export function isValidIban(iban: string): boolean {
  const value = normalIban(iban)
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(value)) return false
  const digits = (value.slice(4) + value.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55))
  // digit by digit, so no number ever leaves the safe range
  let remainder = 0
  for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97
  return remainder === 1
}

export const isValidBic = (bic: string): boolean => BIC.test(bic.trim().toUpperCase())
