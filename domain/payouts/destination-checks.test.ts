import assert from 'node:assert/strict'
import { checkDestination, type DestinationErrorCode } from './destination-checks.ts'
import { maskDestination } from './destination-mask.ts'
import type { AchDestination, PayoutDestination, WireDestination, WiseDestination } from './destinations.ts'

const ach: AchDestination = { rail: 'ach', holderName: 'Jamie Rivera', routingNumber: '021000021', accountNumber: '000123456789', accountType: 'checking' }
const wire: WireDestination = { rail: 'wire', holderName: 'Lena Müller', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', country: 'DE' }
const wiseEur: WiseDestination = { rail: 'wise', holderName: 'Sofia Rossi', currency: 'EUR', country: 'IT', iban: 'IT60X0542811101000000123456' }
const wiseUsd: WiseDestination = { rail: 'wise', holderName: 'Sam Lee', currency: 'USD', country: 'US', accountNumber: '123456789', bankCode: '026009593' }
const paxum: PayoutDestination = { rail: 'paxum', holderName: 'Alex Kim', email: 'payouts@example.com' }
const crypto: PayoutDestination = { rail: 'crypto', address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' }

describe('checkDestination: accepted and normalised', () => {
  const accepted: [name: string, input: PayoutDestination, normalised: PayoutDestination][] = [
    ['ACH', ach, ach],
    ['ACH with padding', { ...ach, holderName: '  Jamie   Rivera ', routingNumber: ' 021000021 ', accountNumber: ' 1234 ' },
      { ...ach, accountNumber: '1234' }],
    ['wire with spaced, lower-case IBAN and BIC', { ...wire, iban: 'de89 3704 0044 0532 0130 00', bic: 'coba de ff xxx', country: 'de' }, wire],
    ['wire to Jersey with a GB IBAN', { ...wire, iban: 'GB29NWBK60161331926819', bic: 'RBOSJESH', country: 'GB' },
      { ...wire, iban: 'GB29NWBK60161331926819', bic: 'RBOSJESH', country: 'GB' }],
    ['Wise EUR by IBAN', { ...wiseEur, currency: 'eur', country: 'it' }, wiseEur],
    ['Wise CHF to Switzerland', { ...wiseEur, currency: 'CHF', country: 'CH', iban: 'CH93 0076 2011 6238 5295 7' },
      { ...wiseEur, currency: 'CHF', country: 'CH', iban: 'CH9300762011623852957' }],
    ['Wise USD by routing number', wiseUsd, wiseUsd],
    ['Wise CAD by institution and transit', { ...wiseUsd, currency: 'CAD', country: 'CA', bankCode: '001-12345', accountNumber: '1234567' },
      { ...wiseUsd, currency: 'CAD', country: 'CA', bankCode: '00112345', accountNumber: '1234567' }],
    ['Wise AUD by BSB', { ...wiseUsd, currency: 'AUD', country: 'AU', bankCode: '062-000', accountNumber: '12345678' },
      { ...wiseUsd, currency: 'AUD', country: 'AU', bankCode: '062000', accountNumber: '12345678' }],
    ['Paxum with upper-case e-mail', { ...paxum, email: ' PayOuts@Example.COM ' }, paxum],
    ['Paxum with a plus address', { ...paxum, email: 'alex+fanz@mail.example.co.uk' }, { ...paxum, email: 'alex+fanz@mail.example.co.uk' }],
    ['crypto, checksummed', crypto, crypto],
    ['crypto, lower case is checksummed', { rail: 'crypto', address: ' 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed ' }, crypto],
    ['holder name in Cyrillic', { ...paxum, holderName: 'Анна Петрова' }, { ...paxum, holderName: 'Анна Петрова' }],
    ['holder name in Devanagari (combining marks)', { ...paxum, holderName: 'प्रिया शर्मा' }, { ...paxum, holderName: 'प्रिया शर्मा' }],
    ['holder name in Han', { ...paxum, holderName: '王小明' }, { ...paxum, holderName: '王小明' }],
    ['holder name with apostrophe, hyphen and dot', { ...paxum, holderName: "Seán O'Brien-Smith Jr." },
      { ...paxum, holderName: "Seán O'Brien-Smith Jr." }],
  ]
  for (const [name, input, normalised] of accepted) {
    it(name, () => assert.deepEqual(checkDestination(input), { ok: true, destination: normalised }))
  }
})

describe('checkDestination: refused', () => {
  const refused: [name: string, input: PayoutDestination, code: DestinationErrorCode, field: string][] = [
    ['routing number with a bad checksum', { ...ach, routingNumber: '021000022' }, 'INVALID_ROUTING_NUMBER', 'routingNumber'],
    ['all-zero routing number', { ...ach, routingNumber: '000000000' }, 'INVALID_ROUTING_NUMBER', 'routingNumber'],
    ['3-digit account number', { ...ach, accountNumber: '123' }, 'INVALID_ACCOUNT_NUMBER', 'accountNumber'],
    ['18-digit account number', { ...ach, accountNumber: '123456789012345678' }, 'INVALID_ACCOUNT_NUMBER', 'accountNumber'],
    ['account number with letters', { ...ach, accountNumber: '12AB5678' }, 'INVALID_ACCOUNT_NUMBER', 'accountNumber'],
    ['one-letter holder name', { ...ach, holderName: 'J' }, 'INVALID_NAME', 'holderName'],
    ['71-character holder name', { ...ach, holderName: 'A'.repeat(71) }, 'INVALID_NAME', 'holderName'],
    ['holder name with digits', { ...ach, holderName: 'Jamie R0 Rivera' }, 'INVALID_NAME', 'holderName'],
    ['holder name of punctuation only', { ...ach, holderName: "-- '." }, 'INVALID_NAME', 'holderName'],
    ['holder name with an emoji', { ...ach, holderName: 'Jamie 💋' }, 'INVALID_NAME', 'holderName'],
    ['wire IBAN with a typo', { ...wire, iban: 'DE89370400440532013001' }, 'INVALID_IBAN', 'iban'],
    ['wire IBAN of a country we do not pay', { ...wire, iban: 'BR1800360305000010009795493C1', country: 'BR' }, 'UNSUPPORTED_COUNTRY', 'iban'],
    ['wire BIC of 9 characters', { ...wire, bic: 'COBADEFF1' }, 'INVALID_BIC', 'bic'],
    ['wire BIC from another country', { ...wire, bic: 'BKAUATWW' }, 'INVALID_BIC', 'bic'],
    ['wire country other than the IBAN country', { ...wire, country: 'AT' }, 'UNSUPPORTED_COUNTRY', 'country'],
    ['Wise in an unsupported currency', { ...wiseEur, currency: 'JPY' }, 'UNSUPPORTED_CURRENCY', 'currency'],
    ['Wise in a made-up currency', { ...wiseEur, currency: 'EURO' }, 'UNSUPPORTED_CURRENCY', 'currency'],
    ['Wise to an IBAN country without an IBAN', { ...wiseEur, iban: undefined, accountNumber: '12345678', bankCode: '05428' },
      'INVALID_IBAN', 'iban'],
    ['Wise IBAN from another country', { ...wiseEur, iban: 'DE89370400440532013000' }, 'INVALID_IBAN', 'iban'],
    ['Wise to a country outside our list', { ...wiseUsd, country: 'JP' }, 'UNSUPPORTED_COUNTRY', 'country'],
    ['Wise with a three-letter country', { ...wiseUsd, country: 'USA' }, 'UNSUPPORTED_COUNTRY', 'country'],
    ['Wise US without a bank code', { ...wiseUsd, bankCode: undefined }, 'INVALID_BANK_CODE', 'bankCode'],
    ['Wise US with a bad routing number', { ...wiseUsd, bankCode: '026009594' }, 'INVALID_BANK_CODE', 'bankCode'],
    ['Wise US without an account number', { ...wiseUsd, accountNumber: undefined }, 'INVALID_ACCOUNT_NUMBER', 'accountNumber'],
    ['Wise AU with a 4-digit BSB', { ...wiseUsd, currency: 'AUD', country: 'AU', bankCode: '0620' }, 'INVALID_BANK_CODE', 'bankCode'],
    ['Paxum e-mail without a domain', { ...paxum, email: 'alex@' }, 'INVALID_EMAIL', 'email'],
    ['Paxum e-mail without a TLD', { ...paxum, email: 'alex@localhost' }, 'INVALID_EMAIL', 'email'],
    ['Paxum e-mail with two @', { ...paxum, email: 'a@b@example.com' }, 'INVALID_EMAIL', 'email'],
    ['Paxum e-mail with a double dot', { ...paxum, email: 'alex..kim@example.com' }, 'INVALID_EMAIL', 'email'],
    ['Paxum e-mail with a space', { ...paxum, email: 'alex kim@example.com' }, 'INVALID_EMAIL', 'email'],
    ['Paxum e-mail with a 65-character local part', { ...paxum, email: `${'a'.repeat(65)}@example.com` }, 'INVALID_EMAIL', 'email'],
    ['crypto with a wrong checksum', { rail: 'crypto', address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD' }, 'INVALID_ADDRESS', 'address'],
    ['crypto zero address', { rail: 'crypto', address: '0x0000000000000000000000000000000000000000' }, 'INVALID_ADDRESS', 'address'],
    ['crypto without 0x', { rail: 'crypto', address: '5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' }, 'INVALID_ADDRESS', 'address'],
    ['crypto, too short', { rail: 'crypto', address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA' }, 'INVALID_ADDRESS', 'address'],
    ['an unknown rail', { rail: 'cheque' } as unknown as PayoutDestination, 'UNSUPPORTED_RAIL', 'rail'],
  ]
  for (const [name, input, code, field] of refused) {
    it(`${name}: ${code} on ${field}`, () => {
      const result = checkDestination(input)
      assert.equal(result.ok, false)
      if (result.ok) return
      assert.deepEqual({ code: result.code, field: result.field }, { code, field })
      assert.match(result.message, /^[A-Z].{10,}\.$/) // a sentence for the creator
    })
  }
})

describe('maskDestination', () => {
  const masks: [input: PayoutDestination, shown: string][] = [
    [{ ...ach, accountNumber: '000123456789' }, 'ACH ••••6789 (checking)'],
    [{ ...ach, accountNumber: '1234', accountType: 'savings' }, 'ACH ••••34 (savings)'],
    [wire, 'Wire IBAN DE89 •••• 3000'],
    [{ ...wire, iban: 'de89 3704 0044 0532 0130 00' }, 'Wire IBAN DE89 •••• 3000'],
    [wiseEur, 'Wise IBAN IT60 •••• 3456 (EUR)'],
    [wiseUsd, 'Wise ••••6789 (USD)'],
    [paxum, 'Paxum p••••@example.com'],
    [{ ...paxum, email: 'al@example.com' }, 'Paxum ••••@example.com'],
    [crypto, 'Crypto 0x5aAeb605…BeAed'],
  ]
  for (const [input, shown] of masks) {
    it(`${input.rail} -> ${shown}`, () => assert.equal(maskDestination(input), shown))
  }

  it('never shows a full account number, IBAN or address', () => {
    for (const [input] of masks) {
      const secrets = [(input as { accountNumber?: string }).accountNumber, (input as { iban?: string }).iban?.replace(/\s/g, ''),
        (input as { address?: string }).address].filter((s): s is string => !!s)
      for (const s of secrets) assert.ok(!maskDestination(input).replace(/\s/g, '').includes(s), s)
    }
  })
})
