/** The fields of each payout rail's destination (domain/payouts/destinations.ts), and the destination built from them. */
import { WISE_CURRENCIES } from '../../../domain/payouts/destination-checks.ts'
import type { PayoutDestination, PayoutRailName } from '../../../domain/payouts/destinations.ts'

export type MethodValues = Record<string, string>
export type FieldSpec = { name: string; label: string; hint?: string; kind?: 'text' | 'email' | 'country' | 'select'; options?: readonly string[]; autoComplete?: string }

/** Wise pays these countries by local account number and bank code; the rest by IBAN. */
const WISE_LOCAL: Readonly<Record<string, string>> = { US: 'ABA routing number (9 digits)', CA: 'Institution and transit number (8 digits)', AU: 'BSB (6 digits)' }

const holder: FieldSpec = { name: 'holderName', label: 'Account holder name', hint: 'Exactly as the account is held.', autoComplete: 'name' }

/** The fields to show for a rail (for Wise they depend on the country chosen). */
export function fieldsOf(rail: PayoutRailName, values: MethodValues): FieldSpec[] {
  switch (rail) {
    case 'paxum':
      return [holder, { name: 'email', label: 'Paxum e-mail address', kind: 'email', autoComplete: 'email' }]
    case 'wise': {
      const bankCode = WISE_LOCAL[values.country ?? '']
      return [holder, { name: 'country', label: 'Bank country', kind: 'country' },
        { name: 'currency', label: 'Currency of the account', kind: 'select', options: WISE_CURRENCIES },
        ...(bankCode
          ? [{ name: 'accountNumber', label: 'Account number' }, { name: 'bankCode', label: bankCode }]
          : [{ name: 'iban', label: 'IBAN', hint: 'Starts with the country code, e.g. DE89 3704…' }])]
    }
    case 'ach':
      return [holder, { name: 'routingNumber', label: 'Routing number', hint: '9 digits, bottom left of a check.' },
        { name: 'accountNumber', label: 'Account number' }, { name: 'accountType', label: 'Account type', kind: 'select', options: ['checking', 'savings'] }]
    case 'wire':
      return [holder, { name: 'country', label: 'Bank country', kind: 'country' }, { name: 'iban', label: 'IBAN' },
        { name: 'bic', label: 'BIC / SWIFT code', hint: '8 or 11 letters and digits.' }]
    case 'crypto':
      return [{ name: 'address', label: 'Wallet address', hint: 'An address on the platform’s EVM chain (0x…). Double-check it: crypto payouts cannot be recalled.' }]
  }
}

const DEFAULTS: Partial<Record<PayoutRailName, MethodValues>> = { ach: { accountType: 'checking' }, wise: { currency: 'EUR' } }
export const initialValues = (rail: PayoutRailName): MethodValues => ({ ...DEFAULTS[rail] })

/** The destination to send: only the rail's shown fields, trimmed. */
export function destinationOf(rail: PayoutRailName, values: MethodValues): PayoutDestination {
  const picked = Object.fromEntries(fieldsOf(rail, values).map((f) => [f.name, (values[f.name] ?? '').trim()]))
  return { rail, ...picked } as PayoutDestination
}
