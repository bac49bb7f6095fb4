/** The CCBill sandbox's memory: transactions, issued OAuth tokens and replayable answers (it is the outside world). */
import { randomBytes } from 'node:crypto'
import { createReplies } from '../replies.ts'

export type SandboxTransaction = {
  /** CCBill's subscription id for an approval, its denial id for a decline: the key of the record */
  subscriptionId: string | null
  denialId: string | null
  /** the id of the sale transaction itself, as webhooks carry it */
  transactionId: string
  paymentTokenId: string
  clientAccnum: string
  clientSubacc: string
  initialPrice: string
  currencyCode: number
  approved: boolean
  declineCode: number | null
  declineText: string | null
  state: 'approved' | 'declined' | 'voided' | 'refunded' | 'chargeback'
  /** voids are possible only before settlement (POST /sandbox/settle) */
  settled: boolean
  refundedAmount: string | null
  passThrough: Record<string, string>
  createdAt: string
  /** days of access the sale bought; for a subscription, until its first rebill */
  initialPeriod: number
  /** a subscription CCBill rebills (recurringPrice every recurringPeriod days); null for a one-time sale */
  recurring: SandboxRecurring | null
}

/** What CCBill keeps of a subscription it rebills; rebills happen when a test asks (POST /sandbox/subscriptions/:id/rebill). */
export type SandboxRecurring = {
  price: string
  periodDays: number
  nextRenewalAt: string
  /** set by DataLink cancelSubscription: no further rebills */
  cancelledAt: string | null
  renewals: { transactionId: string; approved: boolean; amount: string; at: string }[]
}

/** A recorded HTTP answer, replayed verbatim for a repeated X-Idempotency-Key. */
export type { Reply } from '../replies.ts'

export function createCcbillState(options: { tokenTtlSeconds: number }) {
  const transactions = new Map<string, SandboxTransaction>()
  const tokens = new Map<string, number>()
  // CCBill ids are 19-digit numbers; a time-based prefix keeps them unique across sandbox restarts
  const prefix = String(Date.now())
  let counter = 0

  return {
    transactions,
    nextId: () => `${prefix}${String(++counter).padStart(6, '0')}`,
    issueToken(now: number): { token: string; expiresIn: number } {
      const token = randomBytes(24).toString('hex')
      tokens.set(token, now + options.tokenTtlSeconds * 1000)
      return { token, expiresIn: options.tokenTtlSeconds }
    },
    tokenValid: (token: string, now: number) => (tokens.get(token) ?? 0) > now,
    tokensIssued: () => tokens.size,
    /** Answers from the first request with this key (per scope); computes and records it otherwise. */
    replay: createReplies(),
    find: (subscriptionId: string) => transactions.get(subscriptionId),
    list: () => [...transactions.values()],
  }
}
export type CcbillState = ReturnType<typeof createCcbillState>

/** CCBill's currency table as the sandbox knows it (ISO 4217 numeric -> alphabetic). */
export const SANDBOX_CURRENCIES: Record<number, string> = { 840: 'USD', 978: 'EUR', 826: 'GBP', 124: 'CAD', 36: 'AUD', 392: 'JPY' }

/** 'YYYY-MM-DD HH:MM:SS' in UTC, the webhook timestamp format. */
export const webhookTimestamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ')
