/** Reading Dwolla transfers: the account's list (all pages), one transfer's state, and its ACH return. */
import { parseDecimal } from '../../../../domain/money.ts'
import { PAYOUT_FAILURES, type PayoutState, type RailReportLine } from '../../rail.ts'
import type { DwollaClient } from './client.ts'
import { failureForReturn, reportStatusOf } from './codes.ts'

export type TransferRow = { id: string; status: string; amount: { value: string; currency: string }; created: string; metadata?: Record<string, string>
  correlationId?: string; _links: Record<string, { href: string } | undefined> }

/** Every transfer of the account matching `query`, following `_links.next`. */
export async function listTransfers(client: DwollaClient, accountId: string, query: Record<string, string>): Promise<TransferRow[]> {
  const rows: TransferRow[] = []
  let next: string | undefined = `/accounts/${accountId}/transfers?${new URLSearchParams({ limit: '200', ...query }).toString()}`
  while (next) {
    const reply = await client.call('GET', next)
    const page = (reply.body?._embedded as { transfers?: TransferRow[] } | undefined)?.transfers
    if (reply.status !== 200 || !Array.isArray(page)) throw new Error(`Dwolla transfer list answered HTTP ${reply.status}`)
    rows.push(...page)
    next = page.length > 0 ? (reply.body?._links as { next?: { href?: string } } | undefined)?.next?.href : undefined
  }
  return rows
}

/** The ACH return of a failed transfer: code R01..R85 and Dwolla's description. */
export async function returnOf(client: DwollaClient, transferId: string): Promise<{ code: string; description: string }> {
  const reply = await client.call('GET', `/transfers/${transferId}/failure`)
  if (reply.status !== 200 || typeof reply.body?.code !== 'string') throw new Error(`Dwolla failure of transfer ${transferId} answered HTTP ${reply.status}`)
  return { code: reply.body.code, description: String(reply.body.description ?? '') }
}

/** A transfer row as a PayoutState; processed carries the time we read it (Dwolla lists no time of processing). */
export async function payoutStateOf(client: DwollaClient, row: TransferRow, now: () => number): Promise<PayoutState> {
  const providerRef = row.id
  if (row.status === 'processed') return { status: 'settled', providerRef, settledAt: new Date(now()).toISOString() }
  if (row.status === 'cancelled') return { status: 'failed', providerRef, failure: PAYOUT_FAILURES.rejected, railCode: 'cancelled', message: 'Dwolla: the transfer was cancelled' }
  if (row.status === 'failed') {
    const r = await returnOf(client, row.id)
    return { status: 'failed', providerRef, failure: failureForReturn(r.code), railCode: r.code, message: `Dwolla: ${r.code} ${r.description}` }
  }
  return { status: 'sent', providerRef }
}

/** Our transfers (source: the master account) as report lines; failed ones are 'returned' or 'failed' by their return code. */
export async function reportLines(client: DwollaClient, rows: TransferRow[], masterFundingSourceId: string): Promise<RailReportLine[]> {
  const ours = rows.filter((r) => r._links['source-funding-source']?.href.endsWith(`/funding-sources/${masterFundingSourceId}`))
  const lines: RailReportLine[] = []
  for (const r of ours) {
    const code = r.status === 'failed' ? (await returnOf(client, r.id)).code : null
    lines.push({ providerRef: r.id, reference: r.metadata?.idempotencyKey ?? null, amount: parseDecimal(r.amount.value, r.amount.currency),
      currency: r.amount.currency, status: reportStatusOf(r.status, code), at: new Date(Date.parse(r.created)).toISOString() })
  }
  return lines
}
