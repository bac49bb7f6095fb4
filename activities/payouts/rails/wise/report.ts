/** Wise's own record of our payouts: balance statements (what left each balance) joined with the transfers list (their state). */
import { CURRENCIES, assertCurrency, parseDecimal } from '../../../../domain/money.ts'
import type { RailReportLine } from '../../rail.ts'
import type { WiseClient } from './client.ts'
import { reportStatusOf } from './codes.ts'

/** A Wise JSON amount (a decimal number such as -12.34) as minor units, exactly. */
export function minorOf(value: unknown, currency: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`Wise amount ${String(value)} is not a number`)
  const text = String(value)
  return parseDecimal(/e/i.test(text) ? value.toFixed(CURRENCIES[assertCurrency(currency)].exponent) : text, currency)
}

export type WiseTransferRow = { id: number; status: string; customerTransactionId?: string; created: string }
type Money = { value?: unknown; currency?: string }
type StatementTx = { type?: string; date?: string; amount?: Money; totalFees?: Money; referenceNumber?: string }

const PAGE = 100

/** Every transfer of the profile created in [from, to], newest first: all pages, or up to the first page where `stop` holds for a row. */
export async function listTransfers(client: WiseClient, profileId: number, from: string, to: string,
  stop?: (row: WiseTransferRow) => boolean): Promise<WiseTransferRow[]> {
  const rows: WiseTransferRow[] = []
  for (let offset = 0; ; offset += PAGE) {
    const q = new URLSearchParams({ profile: String(profileId), createdDateStart: from, createdDateEnd: to, limit: String(PAGE), offset: String(offset) })
    const reply = await client.call('GET', `/v1/transfers?${q.toString()}`)
    if (reply.status !== 200 || !Array.isArray(reply.body)) throw new Error(`Wise GET /v1/transfers answered HTTP ${reply.status}`)
    const page = reply.body as WiseTransferRow[]
    rows.push(...page)
    if (page.length < PAGE || (stop && page.some(stop))) return rows
  }
}

async function statement(client: WiseClient, profileId: number, balance: { id: number; currency: string }, from: string, to: string): Promise<StatementTx[]> {
  const q = new URLSearchParams({ currency: balance.currency, intervalStart: from, intervalEnd: to, type: 'COMPACT' })
  const reply = await client.call('GET', `/v1/profiles/${profileId}/balance-statements/${balance.id}/statement.json?${q.toString()}`)
  const transactions = (reply.body as { transactions?: unknown } | null)?.transactions
  if (reply.status !== 200 || !Array.isArray(transactions)) throw new Error(`Wise statement of balance ${balance.id} answered HTTP ${reply.status}`)
  return transactions as StatementTx[]
}

/**
 * Payout debits dated in [from, to) on every STANDARD balance. The amount is the debit less Wise's fees (what was sent
 * on), the status comes from the transfer (looked up among transfers created up to `lookbackMs` before `from`), else
 * 'returned' when the statement also shows the money coming back. `reference` is the transfer's customerTransactionId.
 */
export async function wiseReport(client: WiseClient, profileId: number, range: { from: string; to: string }, lookbackMs: number): Promise<RailReportLine[]> {
  const balancesReply = await client.call('GET', `/v4/profiles/${profileId}/balances?types=STANDARD`)
  if (balancesReply.status !== 200 || !Array.isArray(balancesReply.body)) throw new Error(`Wise balances answered HTTP ${balancesReply.status}`)
  const balances = (balancesReply.body as { id: number; currency: string }[]).filter((b) => Object.hasOwn(CURRENCIES, b.currency))
  const [from, to] = [Date.parse(range.from), Date.parse(range.to)]
  const transfers = new Map((await listTransfers(client, profileId, new Date(from - lookbackMs).toISOString(), range.to)).map((t) => [String(t.id), t]))
  const lines: RailReportLine[] = []
  for (const balance of balances) {
    const txs = await statement(client, profileId, balance, range.from, range.to)
    const refunded = new Set(txs.filter((t) => t.type === 'CREDIT').map((t) => t.referenceNumber))
    for (const tx of txs) {
      const ref = /^TRANSFER-(\d+)$/.exec(tx.referenceNumber ?? '')?.[1]
      const at = Date.parse(tx.date ?? '')
      if (tx.type !== 'DEBIT' || !ref || !(at >= from && at < to)) continue
      const currency = tx.amount?.currency ?? balance.currency
      const fees = tx.totalFees?.value === undefined ? 0 : minorOf(tx.totalFees.value, currency)
      const transfer = transfers.get(ref)
      lines.push({
        providerRef: ref, reference: transfer?.customerTransactionId || null, amount: Math.abs(minorOf(tx.amount?.value, currency)) - fees, currency,
        status: transfer ? reportStatusOf(transfer.status) : refunded.has(tx.referenceNumber) ? 'returned' : 'settled', at: new Date(at).toISOString(),
      })
    }
  }
  return lines
}
