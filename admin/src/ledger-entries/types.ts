/** One leg of a journal entry: signed minor units, positive = debit, negative = credit. */
export type Posting = { accountKey: string; kind: string; owner: string | null; currency: string; amount: number }

/** Journal entry read model (GET /api/ledger-entries, /api/ledger-entries/:id). */
export type LedgerEntry = {
  id: string
  idempotencyKey: string
  kind: string
  memo: string
  brand: string
  createdAt: string
  workflowId: string | null
  runId: string | null
  activityType: string | null
  reversesId: string | null
  /** the exchange rate a converted creator share used: from, currency (to), rate, asOf, source */
  fx: { from: string; currency: string; rate: string; asOf: string; source: string } | null
  postings: Posting[]
}
