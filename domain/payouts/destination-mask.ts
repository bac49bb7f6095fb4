/** A payout destination as shown to creators and finance: enough to recognise, never a full number. Pure. */
import { compactCode } from './bank-numbers.ts'
import type { PayoutDestination } from './destinations.ts'

const DOTS = '••••'

/** The last digits only, and never more than half of them, so short numbers stay hidden too. */
const tail = (value: string): string => `${DOTS}${value.slice(value.length - Math.min(4, Math.floor(value.length / 2)))}`

const maskIban = (raw: string): string => {
  const iban = compactCode(raw)
  return `IBAN ${iban.slice(0, 4)} ${DOTS} ${iban.slice(-4)}`
}

const maskEmail = (raw: string): string => {
  const [local = '', domain = ''] = raw.trim().toLowerCase().split('@')
  return `${local.length > 2 ? local.slice(0, 1) : ''}${DOTS}@${domain}`
}

/** "ACH ••••6789 (checking)", "Wire IBAN DE89 •••• 3000", "Wise ••••6789 (USD)", "Paxum p••••@example.com", "Crypto 0x52908400…69EE7". */
export function maskDestination(d: PayoutDestination): string {
  switch (d.rail) {
    case 'ach': return `ACH ${tail(d.accountNumber.trim())} (${d.accountType})`
    case 'wire': return `Wire ${maskIban(d.iban)}`
    case 'wise': return `Wise ${d.iban ? maskIban(d.iban) : tail((d.accountNumber ?? '').trim())} (${d.currency.trim().toUpperCase()})`
    case 'paxum': return `Paxum ${maskEmail(d.email)}`
    case 'crypto': {
      const address = d.address.trim()
      return `Crypto ${address.slice(0, 10)}…${address.slice(-5)}`
    }
  }
}
