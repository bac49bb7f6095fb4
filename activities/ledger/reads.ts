/** Reads of the ledger: balances now and at any past time, entries with their postings, the trial balance. */
import type pg from 'pg'
import { kindOfCode } from '../../domain/ledger/accounts.ts'
import type { KindTotal } from '../../domain/ledger/reports.ts'

export type AccountBalance = { key: string; kind: string; currency: string; balance: number; pendingDebits: number; pendingCredits: number }
export type TrialBalanceRow = { currency: string; debits: number; credits: number; net: number }

export function createLedgerReads(pool: pg.Pool) {
  return {
    /** Current balance of accounts by key (missing keys are absent from the result). */
    async balances(keys: string[]): Promise<Map<string, AccountBalance>> {
      const res = await pool.query<{ key: string; kind: string; currency: string; balance: string; pending_debits: string; pending_credits: string }>(
        'SELECT key, kind, currency, balance::text, pending_debits::text, pending_credits::text FROM ledger_accounts WHERE key = ANY($1)', [keys])
      return new Map(res.rows.map((r) => [r.key, { key: r.key, kind: r.kind, currency: r.currency, balance: Number(r.balance),
        pendingDebits: Number(r.pending_debits), pendingCredits: Number(r.pending_credits) }]))
    },

    /** Balance of one account as it stood at `at`, from the immutable postings. */
    async balanceAt(key: string, at: Date): Promise<number> {
      const res = await pool.query<{ total: string | null }>(
        `SELECT sum(p.amount)::text AS total FROM postings p JOIN ledger_accounts a ON a.id = p.account_id
         WHERE a.key = $1 AND p.created_at <= $2`, [key, at])
      return Number(res.rows[0]?.total ?? 0)
    },

    /** Sum of debits and credits per currency over every account: net is zero when the books balance. */
    async trialBalance(): Promise<TrialBalanceRow[]> {
      const res = await pool.query<{ currency: string; debits: string; credits: string; net: string }>(
        `SELECT currency, sum(greatest(balance, 0))::text AS debits, sum(greatest(-balance, 0))::text AS credits, sum(balance)::text AS net
         FROM ledger_accounts GROUP BY currency ORDER BY currency`)
      return res.rows.map((r) => ({ currency: r.currency, debits: Number(r.debits), credits: Number(r.credits), net: Number(r.net) }))
    },

    /** Recomputes every balance from postings and returns the accounts whose read model disagrees. */
    async driftedAccounts(): Promise<string[]> {
      const res = await pool.query<{ key: string }>(
        `SELECT a.key FROM ledger_accounts a LEFT JOIN (SELECT account_id, sum(amount) AS total FROM postings GROUP BY 1) p
           ON p.account_id = a.id WHERE a.balance <> coalesce(p.total, 0)`)
      return res.rows.map((r) => r.key)
    },

    /** Net postings per account kind and currency in (from, to], optionally for one brand. */
    async kindTotals(q: { from: Date; to: Date; brand?: string }): Promise<KindTotal[]> {
      const res = await pool.query<{ kind: string; currency: string; total: string }>(
        `SELECT a.kind, a.currency, sum(p.amount)::text AS total FROM postings p JOIN ledger_accounts a ON a.id = p.account_id
         WHERE p.created_at > $1 AND p.created_at <= $2 AND ($3::text IS NULL OR a.brand = $3) GROUP BY 1, 2`, [q.from, q.to, q.brand ?? null])
      return res.rows.map((r) => ({ kind: kindOfCode(r.kind), currency: r.currency, balance: Number(r.total) }))
    },

    /** Every posting on a creator's accounts in (from, to], with the opening balance and a running balance. */
    async creatorStatement(q: { creatorId: string; from: Date; to: Date; currency: string }) {
      const opening = await pool.query<{ total: string | null }>(
        `SELECT sum(p.amount)::text AS total FROM postings p JOIN ledger_accounts a ON a.id = p.account_id
         WHERE a.owner = $1 AND a.kind IN ('creator_pending', 'creator_available') AND a.currency = $3 AND p.created_at <= $2`, [q.creatorId, q.from, q.currency])
      const rows = await pool.query<{ at: Date; account: string; entry_kind: string; memo: string; workflow_id: string | null; amount: string }>(
        `SELECT p.created_at AS at, a.kind AS account, e.kind AS entry_kind, e.memo, e.workflow_id, p.amount::text
         FROM postings p JOIN ledger_accounts a ON a.id = p.account_id JOIN journal_entries e ON e.id = p.entry_id
         WHERE a.owner = $1 AND a.kind IN ('creator_pending', 'creator_available') AND a.currency = $4
           AND p.created_at > $2 AND p.created_at <= $3 ORDER BY p.id`, [q.creatorId, q.from, q.to, q.currency])
      // credit-normal accounts: what we owe the creator is the negated balance
      let balance = -Number(opening.rows[0]?.total ?? 0)
      const openingBalance = balance
      const lines = rows.rows.map((r) => {
        balance += -Number(r.amount)
        return { at: r.at.toISOString(), account: r.account, entryKind: r.entry_kind, memo: r.memo, workflowId: r.workflow_id,
          amount: -Number(r.amount), balance }
      })
      return { creatorId: q.creatorId, currency: q.currency, from: q.from.toISOString(), to: q.to.toISOString(), openingBalance, closingBalance: balance, lines }
    },

    /** One entry with its postings and the workflow run that caused it. */
    async entry(idempotencyKey: string) {
      const res = await pool.query<{ id: string; kind: string; workflow_id: string | null; run_id: string | null; activity_type: string | null;
        reverses_id: string | null; postings: { key: string; amount: number }[] }>(
        `SELECT e.id::text, e.kind, e.workflow_id, e.run_id, e.activity_type, e.reverses_id::text,
           json_agg(json_build_object('key', a.key, 'amount', p.amount) ORDER BY p.id) AS postings
         FROM journal_entries e JOIN postings p ON p.entry_id = e.id JOIN ledger_accounts a ON a.id = p.account_id
         WHERE e.idempotency_key = $1 GROUP BY e.id`, [idempotencyKey])
      return res.rows[0] ?? null
    },
  }
}
export type LedgerReads = ReturnType<typeof createLedgerReads>
