/** Checks and normalises a creator's payout destination before it is saved or paid; masks it for display. Pure. */
import { bicFitsIbanCountry, compactCode, IBAN_LENGTHS, ibanProblem, isAbaRoutingNumber, isBic } from './bank-numbers.ts'
import type { AchDestination, PaxumDestination, PayoutDestination, WireDestination, WiseDestination } from './destinations.ts'
import { addressProblem, toChecksumAddress } from './evm-address.ts'

export const DESTINATION_ERRORS = {
  INVALID_IBAN: 'INVALID_IBAN', INVALID_BIC: 'INVALID_BIC', INVALID_ROUTING_NUMBER: 'INVALID_ROUTING_NUMBER',
  INVALID_ACCOUNT_NUMBER: 'INVALID_ACCOUNT_NUMBER', INVALID_BANK_CODE: 'INVALID_BANK_CODE', INVALID_EMAIL: 'INVALID_EMAIL',
  INVALID_ADDRESS: 'INVALID_ADDRESS', INVALID_NAME: 'INVALID_NAME', UNSUPPORTED_CURRENCY: 'UNSUPPORTED_CURRENCY',
  UNSUPPORTED_COUNTRY: 'UNSUPPORTED_COUNTRY', UNSUPPORTED_RAIL: 'UNSUPPORTED_RAIL',
} as const
export type DestinationErrorCode = (typeof DESTINATION_ERRORS)[keyof typeof DESTINATION_ERRORS]

export type DestinationCheck =
  | { ok: true; destination: PayoutDestination }
  | { ok: false; code: DestinationErrorCode; field: string; message: string }

/** Currencies we pay out through Wise. */
export const WISE_CURRENCIES = ['EUR', 'GBP', 'USD', 'CAD', 'AUD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK'] as const

/** Countries outside the IBAN area Wise pays to by local details: the bank code and account number each must match. */
const WISE_LOCAL: Readonly<Record<string, { bankCode: RegExp; account: RegExp; bankCodeName: string }>> = Object.freeze({
  US: { bankCode: /^\d{9}$/, account: /^\d{4,17}$/, bankCodeName: 'ABA routing number' },
  CA: { bankCode: /^\d{8}$/, account: /^\d{7,12}$/, bankCodeName: 'institution and transit number (8 digits)' },
  AU: { bankCode: /^\d{6}$/, account: /^\d{5,9}$/, bankCodeName: 'BSB (6 digits)' },
})

class Refusal extends Error {
  constructor(readonly code: DestinationErrorCode, readonly field: string, message: string) { super(message) }
}
const refuse = (code: DestinationErrorCode, field: string, message: string): never => { throw new Refusal(code, field, message) }

// any script's letters and combining marks, spaces, . ' ’ -; starts with a letter
const HOLDER_NAME = /^\p{L}[\p{L}\p{M} .'’-]*$/u
const holderName = (raw: string): string => {
  const name = raw.normalize('NFC').trim().replace(/\s+/g, ' ')
  const length = [...name].length
  if (length < 2 || length > 70 || !HOLDER_NAME.test(name)) {
    refuse('INVALID_NAME', 'holderName', 'The account holder name must be 2 to 70 characters: letters, spaces, dots, apostrophes and hyphens.')
  }
  return name
}

const IBAN_MESSAGES = {
  FORMAT: 'The IBAN must start with a country code and two check digits, followed by letters and digits.',
  COUNTRY: 'We do not pay to IBANs of this country.',
  LENGTH: 'The IBAN has the wrong number of characters for its country.',
  CHECKSUM: 'The IBAN check digits do not match; please look for a typo.',
} as const
const iban = (raw: string, field = 'iban'): string => {
  const value = compactCode(raw)
  const problem = ibanProblem(value)
  if (problem) refuse(problem === 'COUNTRY' ? 'UNSUPPORTED_COUNTRY' : 'INVALID_IBAN', field, IBAN_MESSAGES[problem])
  return value
}

const country = (raw: string): string => {
  const value = raw.trim().toUpperCase()
  if (!/^[A-Z]{2}$/.test(value)) refuse('UNSUPPORTED_COUNTRY', 'country', 'The country must be a two-letter ISO 3166 code.')
  return value
}

// local@domain: dot-atoms of RFC 5322 atext, a domain of LDH labels ending in a letter TLD
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/
const email = (raw: string): string => {
  const value = raw.trim().toLowerCase()
  if (value.length > 254 || (value.split('@')[0] ?? '').length > 64 || !EMAIL.test(value)) {
    refuse('INVALID_EMAIL', 'email', 'The Paxum e-mail address is not a valid address.')
  }
  return value
}

const checkPaxum = (d: PaxumDestination): PaxumDestination => ({ rail: 'paxum', holderName: holderName(d.holderName), email: email(d.email) })

const checkAch = (d: AchDestination): AchDestination => {
  const routingNumber = d.routingNumber.trim()
  if (!isAbaRoutingNumber(routingNumber)) refuse('INVALID_ROUTING_NUMBER', 'routingNumber', 'The routing number is not a valid 9-digit ABA number.')
  const accountNumber = d.accountNumber.trim()
  if (!/^\d{4,17}$/.test(accountNumber)) refuse('INVALID_ACCOUNT_NUMBER', 'accountNumber', 'A US account number has 4 to 17 digits.')
  if (d.accountType !== 'checking' && d.accountType !== 'savings') {
    refuse('INVALID_ACCOUNT_NUMBER', 'accountType', 'The account type must be checking or savings.')
  }
  return { rail: 'ach', holderName: holderName(d.holderName), routingNumber, accountNumber, accountType: d.accountType }
}

const checkWire = (d: WireDestination): WireDestination => {
  const name = holderName(d.holderName)
  const value = iban(d.iban)
  const ibanCountry = value.slice(0, 2)
  if (country(d.country) !== ibanCountry) refuse('UNSUPPORTED_COUNTRY', 'country', `The country must be the IBAN's country, ${ibanCountry}.`)
  const bic = compactCode(d.bic)
  if (!isBic(bic)) refuse('INVALID_BIC', 'bic', 'The BIC must be 8 or 11 characters: bank, country, location and optional branch.')
  if (!bicFitsIbanCountry(bic, ibanCountry)) refuse('INVALID_BIC', 'bic', `The BIC's country ${bic.slice(4, 6)} does not match the IBAN's country ${ibanCountry}.`)
  return { rail: 'wire', holderName: name, iban: value, bic, country: ibanCountry }
}

const checkWise = (d: WiseDestination): WiseDestination => {
  const name = holderName(d.holderName)
  const currency = d.currency.trim().toUpperCase()
  if (!(WISE_CURRENCIES as readonly string[]).includes(currency)) {
    refuse('UNSUPPORTED_CURRENCY', 'currency', `We pay through Wise in ${WISE_CURRENCIES.join(', ')}.`)
  }
  const where = country(d.country)
  const base = { rail: 'wise', holderName: name, currency, country: where } as const
  if (IBAN_LENGTHS[where] !== undefined) {
    if (!d.iban?.trim()) return refuse('INVALID_IBAN', 'iban', `An IBAN is required for bank accounts in ${where}.`)
    const value = iban(d.iban)
    if (!value.startsWith(where)) refuse('INVALID_IBAN', 'iban', `The IBAN must be from ${where}, the account's country.`)
    return { ...base, iban: value }
  }
  const local = WISE_LOCAL[where] ?? refuse('UNSUPPORTED_COUNTRY', 'country', `We cannot pay bank accounts in ${where} through Wise.`)
  const bankCode = compactCode(d.bankCode ?? '').replace(/-/g, '')
  const valid = local.bankCode.test(bankCode) && (where !== 'US' || isAbaRoutingNumber(bankCode))
  if (!valid) refuse('INVALID_BANK_CODE', 'bankCode', `The bank code must be the ${local.bankCodeName}.`)
  const accountNumber = (d.accountNumber ?? '').trim()
  if (!local.account.test(accountNumber)) refuse('INVALID_ACCOUNT_NUMBER', 'accountNumber', `The account number is not a valid ${where} account number.`)
  return { ...base, accountNumber, bankCode }
}

const ADDRESS_MESSAGES = {
  FORMAT: 'The address must be 0x followed by 40 hexadecimal characters.',
  CHECKSUM: 'The address checksum (its mix of upper and lower case) does not match; please copy it again.',
  ZERO: 'The zero address cannot receive payouts.',
} as const
const checkCrypto = (raw: string): PayoutDestination => {
  const address = raw.trim()
  const problem = addressProblem(address)
  if (problem) refuse('INVALID_ADDRESS', 'address', ADDRESS_MESSAGES[problem])
  return { rail: 'crypto', address: toChecksumAddress(address) }
}

const check = (d: PayoutDestination): PayoutDestination => {
  switch (d.rail) {
    case 'paxum': return checkPaxum(d)
    case 'ach': return checkAch(d)
    case 'wire': return checkWire(d)
    case 'wise': return checkWise(d)
    case 'crypto': return checkCrypto(d.address)
    default: return refuse('UNSUPPORTED_RAIL', 'rail', `Unknown payout rail ${String((d as { rail: unknown }).rail)}.`)
  }
}

/** Checks a destination and returns it normalised, or the first problem: a code, the field, a sentence for the creator. */
export function checkDestination(d: PayoutDestination): DestinationCheck {
  try {
    return { ok: true, destination: check(d) }
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, code: e.code, field: e.field, message: e.message }
    throw e
  }
}

