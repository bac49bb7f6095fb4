/** The Verotel sandbox's memory: sales, declined attempts and replayable answers (it is the outside world). */
import { createHash } from 'node:crypto'
import { createReplies, type Reply } from '../replies.ts'

/** One money movement of a sale, with its own transaction id, as Verotel's postbacks and API describe them. */
export type SandboxTransaction = { transactionID: string; type: 'sale' | 'void' | 'credit' | 'chargeback'; amount: string; parentID: string | null }

export type SandboxSale = {
  /** Verotel's sale id; null for a declined attempt, which has a transaction id only */
  saleID: string | null
  /** the id of the sale transaction (or of the declined attempt) */
  transactionID: string
  referenceID: string | null
  shopID: string
  /** the token this purchase was charged with, and the fresh one issued with an approval */
  oneClickToken: string
  nextOneClickToken: string | null
  priceAmount: string
  priceCurrency: string
  description: string
  /** custom1..3 as sent: echoed in every postback of the sale */
  custom: Record<string, string>
  approved: boolean
  declineReason: string | null
  state: 'approved' | 'declined' | 'voided' | 'refunded' | 'chargeback'
  /** voids are possible only before settlement (POST /sandbox/settle) */
  settled: boolean
  transactions: SandboxTransaction[]
  createdAt: string
}

/** A recorded HTTP answer, replayed verbatim for a repeated referenceID or X-Idempotency-Key. */
export type { Reply } from '../replies.ts'

export function createVerotelState() {
  const sales = new Map<string, SandboxSale>()
  // numeric ids like Verotel's; a time-based prefix keeps them unique across sandbox restarts
  const prefix = String(Date.now())
  let counter = 0

  return {
    nextId: () => `${prefix}${String(++counter).padStart(4, '0')}`,
    /** Keeps an attempt under its sale id, or its transaction id when declined. */
    record(sale: SandboxSale): void {
      sales.set(sale.saleID ?? sale.transactionID, sale)
    },
    /** Answers from the first request with this key (per scope); computes and records it otherwise. */
    replay: createReplies(),
    /** An approved sale by its sale id; declined attempts are not sales. */
    findSale: (saleID: string) => {
      const sale = sales.get(saleID)
      return sale?.saleID ? sale : undefined
    },
    list: () => [...sales.values()],
  }
}
export type VerotelState = ReturnType<typeof createVerotelState>

/** The sandbox's own FlexPay signer, written apart from the driver's so that a mistake in one is caught by the other. */
export function sandboxSignature(signatureKey: string, params: Record<string, string>): string {
  const pairs = Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v}`)
  return createHash('sha256').update([signatureKey, ...pairs].join(':'), 'utf8').digest('hex')
}

/** Flat `name: value` lines, the text format of FlexPay's machine-readable answers. */
export const flatYaml = (status: number, fields: Record<string, string | null>): Reply => ({
  status, contentType: 'text/plain',
  body: `${Object.entries(fields).filter(([, v]) => v !== null && v !== '').map(([k, v]) => `${k}: ${v}`).join('\n')}\n`,
})

/** JSON answers in the Control Center API's shape. */
export const json = (status: number, body: unknown): Reply => ({ status, contentType: 'application/json', body: JSON.stringify(body) })
