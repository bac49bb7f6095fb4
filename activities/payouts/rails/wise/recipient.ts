/** A WiseDestination as a Wise recipient account (POST /v1/accounts), and creating it. */
import type { WiseDestination } from '../../../../domain/payouts/destinations.ts'
import { PAYOUT_FAILURES, type PayoutFailureCode } from '../../rail.ts'
import { wiseErrors, type WiseClient } from './client.ts'

/** The account request for a destination, or null for a shape this driver does not send (Wise has many more account types). */
export function accountRequest(profileId: number, d: WiseDestination): Record<string, unknown> | null {
  const base = { profile: profileId, accountHolderName: d.holderName, currency: d.currency }
  if (d.iban) return { ...base, type: 'iban', details: { legalType: 'PRIVATE', IBAN: d.iban.replace(/\s+/g, '') } }
  if (!d.accountNumber || !d.bankCode) return null
  if (d.currency === 'GBP') return { ...base, type: 'sort_code', details: { legalType: 'PRIVATE', sortCode: d.bankCode.replace(/-/g, ''), accountNumber: d.accountNumber } }
  if (d.currency === 'USD') {
    return { ...base, type: 'aba', details: { legalType: 'PRIVATE', abartn: d.bankCode, accountNumber: d.accountNumber, accountType: 'CHECKING', address: { country: d.country } } }
  }
  return null
}

export type RecipientOutcome = { ok: true; id: number } | { ok: false; failure: PayoutFailureCode; railCode: string; message: string }

/** Creates the recipient; Wise's 422 (details it will not pay) is INVALID_ACCOUNT with Wise's messages. */
export async function createRecipient(client: WiseClient, profileId: number, d: WiseDestination): Promise<RecipientOutcome> {
  const request = accountRequest(profileId, d)
  if (!request) {
    return { ok: false, failure: PAYOUT_FAILURES.unsupported, railCode: 'UNSUPPORTED_ACCOUNT',
      message: `Wise: give an IBAN, or a GBP sort code or USD routing number with the account number (${d.currency})` }
  }
  const reply = await client.call('POST', '/v1/accounts', request)
  const id = (reply.body as { id?: unknown } | null)?.id
  if (reply.status < 300 && typeof id === 'number') return { ok: true, id }
  if (reply.status === 422 || reply.status === 400) {
    const errors = wiseErrors(reply.body)
    return { ok: false, failure: PAYOUT_FAILURES.invalidAccount, railCode: errors[0]?.code ?? String(reply.status),
      message: `Wise: ${errors.map((e) => e.message).join('; ') || 'the account details were refused'}` }
  }
  throw new Error(`Wise POST /v1/accounts answered HTTP ${reply.status} without a recipient id`)
}
