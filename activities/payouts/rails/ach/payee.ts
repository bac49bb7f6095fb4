/** The payee at Dwolla: a receive-only customer and the bank funding source transfers go to, created or found again. */
import { createHash } from 'node:crypto'
import type { AchDestination } from '../../../../domain/payouts/destinations.ts'
import { PAYOUT_FAILURES, type PayoutFailureCode } from '../../rail.ts'
import { dwollaErrors, type DwollaClient, type DwollaReply } from './client.ts'

export type PayeeOutcome = { ok: true; fundingSourceHref: string } | { ok: false; failure: PayoutFailureCode; railCode: string; message: string }

/**
 * Dwolla requires an e-mail per customer and refuses a second customer with the same one; the destination has none, so
 * the customer's address is derived from the bank account: the same account always finds the same customer again.
 */
export const payeeEmail = (d: AchDestination, domain: string) =>
  `payee-${createHash('sha256').update(`${d.routingNumber}:${d.accountNumber}`).digest('hex').slice(0, 24)}@${domain}`

function splitName(holderName: string): { firstName: string; lastName: string } {
  const words = holderName.trim().split(/\s+/).filter(Boolean)
  const lastName = words.at(-1) ?? holderName
  return { firstName: words.length > 1 ? words.slice(0, -1).join(' ') : lastName, lastName }
}

/** The new resource's URL (201 Location), or the existing one a duplicate answer links to. */
function resourceOf(reply: DwollaReply, duplicateCodes: string[]): string | null {
  if (reply.status === 201 && reply.location) return reply.location
  if (reply.status !== 400) return null
  const errors = [...dwollaErrors(reply.body), { code: String(reply.body?.code ?? ''), message: '', about: (reply.body?._links as { about?: { href?: string } } | undefined)?.about?.href ?? null }]
  return errors.find((e) => duplicateCodes.includes(e.code) && e.about)?.about ?? null
}

const refusal = (reply: DwollaReply, failure: PayoutFailureCode): PayeeOutcome => {
  const errors = dwollaErrors(reply.body)
  return { ok: false, failure, railCode: errors[0]?.code ?? String(reply.status), message: `Dwolla: ${errors.map((e) => e.message).join('; ') || `HTTP ${reply.status}`}` }
}

/** Creates (or finds) the customer and the funding source; a bank account Dwolla refuses is INVALID_ACCOUNT. */
export async function ensurePayee(client: DwollaClient, d: AchDestination, emailDomain: string): Promise<PayeeOutcome> {
  const customer = await client.call('POST', '/customers', { ...splitName(d.holderName), email: payeeEmail(d, emailDomain), type: 'receive-only' })
  const customerHref = resourceOf(customer, ['Duplicate'])
  if (!customerHref) {
    if (customer.status === 400) return refusal(customer, PAYOUT_FAILURES.rejected)
    throw new Error(`Dwolla POST /customers answered HTTP ${customer.status} without a customer`)
  }
  const source = await client.call('POST', `${customerHref}/funding-sources`, {
    routingNumber: d.routingNumber, accountNumber: d.accountNumber, bankAccountType: d.accountType, name: `${d.accountType} ****${d.accountNumber.slice(-4)}`,
  })
  const fundingSourceHref = resourceOf(source, ['DuplicateResource'])
  if (fundingSourceHref) return { ok: true, fundingSourceHref }
  if (source.status === 400) return refusal(source, PAYOUT_FAILURES.invalidAccount)
  throw new Error(`Dwolla POST funding-sources answered HTTP ${source.status} without a funding source`)
}
