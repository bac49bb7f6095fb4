/**
 * The Segpay sandbox's memory: every transaction row as SRS reports them, the purchases it rebills, Dynamic Recurring
 * prices, and replayable answers (it is the outside world).
 */
import { randomBytes } from 'node:crypto'
import { createReplies } from '../replies.ts'

/** One transaction row: a sale or a reversal of one. */
export type SandboxTransaction = {
  /** Segpay's TransID; a declined sale keeps the sandbox's own id, the merchant is answered TransID 0 */
  transId: string
  /** the purchase the row belongs to: for a One-Click on a one-time price point, the original purchase (the OCToken) */
  purchaseId: string
  eticketid: string
  /** SRS report Type */
  type: 'Sale' | 'Void' | 'Refund' | 'Chargeback'
  /** for reversals, the sale they reverse; '0' for sales */
  relatedTransId: string
  /** decimal major units as billed, e.g. '9.99' */
  amount: string
  currency: string
  approved: boolean
  authCode: string
  /** the sale's life: reversals of it change this; reversal rows stay 'approved' */
  state: 'approved' | 'declined' | 'voided' | 'refunded' | 'chargeback'
  /** voids are possible only before settlement (POST /sandbox/settle) */
  settled: boolean
  /** custom parameters of the request, echoed as `<extra NAME>` in postbacks */
  passThrough: Record<string, string>
  createdAt: string
}

/** A Dynamic Recurring price SRS encrypted (the sandbox keeps it under an opaque value instead). */
export type DynamicRecurringTerms = { initialAmount: string; initialLength: number; recurringAmount: string; recurringLength: number }

/** A purchase on the recurring price point, which Segpay rebills until it is cancelled. */
export type SandboxSubscription = {
  purchaseId: string
  eticketid: string
  terms: DynamicRecurringTerms
  currency: string
  /** the sale that opened it */
  initialTransId: string
  /** the first sale's custom parameters: Segpay keeps them with the purchase and echoes them in its rebills' postbacks */
  passThrough: Record<string, string>
  nextBillingAt: string
  cancelledAt: string | null
  rebills: { transId: string; approved: boolean; amount: string; at: string }[]
}

/** A recorded HTTP answer, replayed verbatim for a repeated X-Idempotency-Key. */
export type { Reply } from '../replies.ts'

/** An empty Segpay: no transactions, no remembered answers. */
export function createSegpayState() {
  const transactions = new Map<string, SandboxTransaction>()
  const subscriptions = new Map<string, SandboxSubscription>()
  const pricings = new Map<string, DynamicRecurringTerms>()
  // Segpay ids are integers; a seconds-based prefix keeps them unique across sandbox restarts
  const prefix = String(Math.floor(Date.now() / 1000))
  let counter = 0

  return {
    subscriptions,
    nextId: () => `${prefix}${String(++counter).padStart(3, '0')}`,
    /** A new PurchaseID: 10 digits, ending in 0 so that it also works as a test OCToken that approves. */
    nextPurchaseId: () => `${prefix.slice(-5)}${String(++counter).padStart(4, '0')}0`,
    /** Keeps a Dynamic Recurring price under a new opaque value, as SRS encrypts it. */
    price(terms: DynamicRecurringTerms): string {
      const value = randomBytes(18).toString('base64url')
      pricings.set(value, terms)
      return value
    },
    pricing: (value: string) => pricings.get(value),
    add(t: SandboxTransaction): SandboxTransaction {
      transactions.set(t.transId, t)
      return t
    },
    /** Answers from the first request with this key (per scope); computes and records it otherwise. */
    replay: createReplies(),
    find: (transId: string) => transactions.get(transId),
    byPurchase: (purchaseId: string) => [...transactions.values()].filter((t) => t.purchaseId === purchaseId),
    list: () => [...transactions.values()],
  }
}
export type SegpayState = ReturnType<typeof createSegpayState>

/** Currencies the sandbox bills in (Segpay's card currencies). */
export const SANDBOX_CURRENCIES: readonly string[] = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY', 'CHF', 'DKK', 'HKD', 'NOK', 'SEK']

/** '2026-03-01T11:59:58+00:00': GMT, as SRS reports write times. */
export const segpayTime = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}+00:00`
