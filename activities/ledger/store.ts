/**
 * Writes to the double-entry ledger through its SQL functions: one round trip per batch, accounts locked in order.
 *
 * Entry writes are grouped (group commit): at most `writers` transactions per store are in flight, and calls that
 * arrive while they are busy wait and go together in the next one. Each call still commits atomically and answers
 * only after its commit. If a grouped transaction fails for any reason (an overdraft, one caller's bad reference, a
 * deadlock), each call in it goes back to the head of the queue to be sent alone, so one caller's failure never fails
 * another's entries. Fewer, larger transactions mean fewer round trips and less lock queuing on hot accounts (the
 * platform's own clearing and revenue accounts are in almost every entry).
 *
 * The overdraft check sees a group's net change per account, as it always has a multi-entry call's: a debit may be
 * covered by a credit of another call in the same transaction (both commit together, or neither does).
 */
import type pg from 'pg'
import { ACCOUNT_KINDS, accountKey, type AccountRef, type Posting } from '../../domain/ledger/accounts.ts'
import { assertBalanced, LEDGER_REFUSALS, type LedgerRefusalCode } from '../../domain/ledger/validate.ts'
import { CodedError } from '../../domain/coded-error.ts'

export { LEDGER_REFUSALS, type LedgerRefusalCode }

export class LedgerRefusal extends CodedError<LedgerRefusalCode> {}

/** The Temporal execution that caused a write; recorded on every entry. */
export type Cause = { workflowId: string; runId: string; activityType: string } | null

export type EntryInput = {
  idempotencyKey: string
  kind: string
  memo: string
  brand: string
  postings: Posting[]
  reversesId?: string
  fx?: Record<string, unknown>
  metadata?: Record<string, unknown>
}
export type PostedEntry = { idempotencyKey: string; entryId: string; created: boolean }

/** Translates the database's refusals into ledger refusal codes. */
function translate(err: unknown): never {
  const e = err as { code?: string; constraint?: string; message?: string }
  if (e.code === '23514' && e.constraint === 'ledger_accounts_no_overdraft') {
    throw new LedgerRefusal(LEDGER_REFUSALS.insufficientFunds, 'An account that may not go negative would be overdrawn.')
  }
  if (e.code === '23514') throw new LedgerRefusal(LEDGER_REFUSALS.unbalanced, e.message ?? 'unbalanced entry')
  if (e.code === '42501') throw new LedgerRefusal(LEDGER_REFUSALS.immutable, e.message ?? 'ledger rows are immutable')
  if (e.code === 'P0002') throw new LedgerRefusal(LEDGER_REFUSALS.unknownTransfer, e.message ?? 'unknown transfer')
  throw err
}

/** A named (server-side prepared) statement: each connection parses and plans it once, not per call. */
const named = (name: string, text: string, values: unknown[]): pg.QueryConfig => ({ name: `ledger_${name}`, text, values })

type EntryRow = { idempotency_key: string; entry_id: string; created: boolean }
type Call = { payload: unknown[]; resolve: (rows: PostedEntry[]) => void; reject: (err: unknown) => void; alone?: boolean }

/**
 * `writers`: entry transactions in flight at once, per store (at least 1); `maxGroup`: entries at most in one grouped
 * transaction (a single call larger than that still goes whole, alone).
 */
export type LedgerStoreOptions = { writers?: number; maxGroup?: number }

export function createLedgerStore(pool: pg.Pool, { writers = 2, maxGroup = 2000 }: LedgerStoreOptions = {}) {
  if (!Number.isInteger(writers) || writers < 1) throw new Error(`a ledger store needs at least one writer, not ${writers}`)
  // Accounts are never deleted, so a key's id can be cached for the life of the process.
  const ids = new Map<string, string>()

  async function accountIds(refs: AccountRef[]): Promise<Map<string, string>> {
    const missing = [...new Map(refs.map((r) => [accountKey(r), r])).entries()].filter(([k]) => !ids.has(k))
    if (missing.length > 0) {
      const rows = missing.map(([key, r]) => ({ key, brand: r.brand, currency: r.currency, kind: ACCOUNT_KINDS[r.kind].code,
        owner: r.owner, normalSign: ACCOUNT_KINDS[r.kind].normal === 'debit' ? 1 : -1, allowOverdraft: ACCOUNT_KINDS[r.kind].allowOverdraft }))
      const res = await pool.query<{ key: string; id: string }>(named('ensure', 'SELECT key, id::text FROM ledger_ensure_accounts($1::jsonb)', [JSON.stringify(rows)]))
      for (const row of res.rows) ids.set(row.key, row.id)
    }
    return ids
  }

  const toRows = (postings: Posting[], map: Map<string, string>) =>
    postings.map((p) => ({ accountId: map.get(accountKey(p.account)), amount: p.amount, currency: p.account.currency }))

  async function post(payload: unknown[]): Promise<PostedEntry[]> {
    const res = await pool.query<EntryRow>(
      named('post', 'SELECT idempotency_key, entry_id::text, created FROM ledger_post_entries($1::jsonb)', [JSON.stringify(payload)]),
    ).catch(translate)
    // one row per input entry, in input order; a key repeated in one transaction is created by its first use only
    if (res.rows.length !== payload.length) throw new Error(`ledger_post_entries answered ${res.rows.length} rows for ${payload.length} entries`)
    const seen = new Set<string>()
    return res.rows.map((r) => {
      const created = r.created && !seen.has(r.idempotency_key)
      seen.add(r.idempotency_key)
      return { idempotencyKey: r.idempotency_key, entryId: r.entry_id, created }
    })
  }

  const queue: Call[] = []
  let inFlight = 0

  /** Sends the waiting calls, grouped, while fewer than `writers` transactions are in flight. */
  function drain(): void {
    while (inFlight < writers && queue.length > 0) {
      const group: Call[] = [queue.shift()!]
      let size = group[0]!.payload.length
      while (!group[0]!.alone && queue.length > 0 && !queue[0]!.alone && size + queue[0]!.payload.length <= maxGroup) {
        size += queue[0]!.payload.length
        group.push(queue.shift()!)
      }
      inFlight++
      void flush(group).finally(() => { inFlight--; drain() })
    }
  }

  async function flush(group: Call[]): Promise<void> {
    if (group.length === 1) return post(group[0]!.payload).then(group[0]!.resolve, group[0]!.reject)
    try {
      const rows = await post(group.flatMap((c) => c.payload))
      let at = 0
      for (const c of group) c.resolve(rows.slice(at, at += c.payload.length))
    } catch {
      // the failure may belong to one call: each goes again alone, first in line, on whichever writer is free
      queue.unshift(...group.map((c) => ({ ...c, alone: true })))
    }
  }

  return {
    /** Posts entries atomically; repeated idempotency keys post nothing and return the first entry. */
    async postEntries(entries: EntryInput[], cause: Cause): Promise<PostedEntry[]> {
      for (const e of entries) assertBalanced(e.postings) // fail fast; the database checks again
      const map = await accountIds(entries.flatMap((e) => e.postings.map((p) => p.account)))
      const payload = entries.map((e) => ({
        key: e.idempotencyKey, kind: e.kind, memo: e.memo, brand: e.brand, reversesId: e.reversesId ?? null,
        fx: e.fx ?? null, metadata: e.metadata ?? null, ...cause, postings: toRows(e.postings, map),
      }))
      return new Promise<PostedEntry[]>((resolve, reject) => { queue.push({ payload, resolve, reject }); drain() })
    },

    /** Phase one of a two-phase transfer: reserves the postings until posted, voided or expired. */
    async createPending(input: Omit<EntryInput, 'reversesId' | 'fx' | 'metadata'> & { expiresAt: string }, cause: Cause) {
      assertBalanced(input.postings)
      const map = await accountIds(input.postings.map((p) => p.account))
      const payload = { key: input.idempotencyKey, kind: input.kind, memo: input.memo, brand: input.brand,
        expiresAt: input.expiresAt, workflowId: cause?.workflowId, runId: cause?.runId, postings: toRows(input.postings, map) }
      const res = await pool.query<{ transfer_id: string; created: boolean }>(
        named('pending', 'SELECT transfer_id::text, created FROM ledger_create_pending($1::jsonb)', [JSON.stringify(payload)])).catch(translate)
      return { transferId: res.rows[0]!.transfer_id, created: res.rows[0]!.created }
    },

    /** Phase two: post (becomes an entry keyed `entryKey`) or void; repeating returns the first outcome. */
    async resolvePending(transferKey: string, action: 'post' | 'void', entryKey: string, cause: Cause) {
      const res = await pool.query<{ status: 'POSTED' | 'VOIDED' | 'EXPIRED'; entry_id: string | null }>(named('resolve',
        'SELECT status, entry_id::text FROM ledger_resolve_pending($1, $2, $3::jsonb)', [transferKey, action, JSON.stringify({ key: entryKey, ...cause })],
      )).catch(translate)
      return { status: res.rows[0]!.status, entryId: res.rows[0]!.entry_id }
    },
  }
}
export type LedgerStore = ReturnType<typeof createLedgerStore>
