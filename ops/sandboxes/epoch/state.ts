/** The Epoch sandbox's memory: sales, their Data Plus history and replayable answers (it is the outside world). */
import type { Response } from 'express'
import { createReplies, type Reply } from '../replies.ts'

export type SandboxSale = {
  /** Epoch's transaction id (numeric, like ets_transaction_id); declines get none */
  transactionId: string | null
  memberId: string
  coCode: string
  /** decimal major units as charged, e.g. '9.99' */
  amount: string
  currency: string
  description: string
  ans: string
  approved: boolean
  state: 'approved' | 'declined' | 'voided' | 'credited' | 'chargeback'
  /** a credit before settlement (POST /sandbox/settle) is a void of the whole sale */
  settled: boolean
  passThrough: Record<string, string>
  idempotencyKey: string | null
  createdAt: string
}

/** One EpochTransStats row, as Data Plus posts it and Customer Search lists it. */
export type DataPlusRow = Record<string, string>

/** A recorded HTTP answer, replayed verbatim for a repeated X-Idempotency-Key. */
export type { Reply } from '../replies.ts'

export function createEpochState() {
  const sales: SandboxSale[] = []
  const rows: DataPlusRow[] = []
  // ets_transaction_id is an int(11) column: seconds since 1970 keep ids rising across sandbox restarts
  let last = Math.floor(Date.now() / 1000)

  return {
    nextId: () => String(++last),
    addSale: (sale: SandboxSale) => void sales.push(sale),
    addRow: (row: DataPlusRow) => void rows.push(row),
    /** Answers from the first request with this key (per scope); computes and records it otherwise. */
    replay: createReplies(),
    /** The approved sale with this transaction id. */
    findSale: (transactionId: string) => sales.find((s) => s.approved && s.transactionId === transactionId),
    /** The sale's own row and every row that refers to it. */
    history: (transactionId: string) =>
      rows.filter((r) => r.ets_transaction_id === transactionId || r.ets_ref_trans_ids === transactionId),
    sales: () => [...sales],
    rows: () => [...rows],
  }
}
export type EpochState = ReturnType<typeof createEpochState>

/** Data Plus's 'YYYY-MM-DD HH:MM:SS', in UTC. */
export const dataPlusDate = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ')

/** Writes a recorded answer. */
export const send = (res: Response, reply: Reply) => res.status(reply.status).type(reply.contentType).send(reply.body)
