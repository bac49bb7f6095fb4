/** The Wise sandbox's memory: recipients, quotes, transfers, the profile's balances and statement, and the controls' settings. */
import { CURRENCIES } from '../../../domain/money.ts'
import { createFailNext } from '../payout-controls.ts'

export const WISE_TRANSFER_STATES = ['incoming_payment_waiting', 'processing', 'funds_converted', 'outgoing_payment_sent',
  'bounced_back', 'funds_refunded', 'cancelled', 'charged_back'] as const
export type WiseTransferState = (typeof WISE_TRANSFER_STATES)[number]

/** A recipient account (POST /v1/accounts). */
export type WiseRecipient = { id: number; profile: number; accountHolderName: string; currency: string; type: string; details: Record<string, unknown> }

/** A quote; amounts in minor units of their currencies. */
export type WiseQuote = { id: string; profile: number; sourceCurrency: string; targetCurrency: string; sourceAmount: number; targetAmount: number; rate: string; createdTime: string }

export type WiseTransfer = {
  id: number
  profile: number
  targetAccount: number
  quoteUuid: string
  customerTransactionId: string
  reference: string
  status: WiseTransferState
  sourceCurrency: string
  /** minor units */
  sourceAmount: number
  targetCurrency: string
  targetAmount: number
  rate: string
  created: string
  /** every state with the time it was entered */
  history: { state: WiseTransferState; at: string }[]
  /** set by POST /sandbox/report-adjust: the amount the balance statement shows instead */
  reportAmount: number | null
  /** true for a payout added by POST /sandbox/report-extra: nobody asked for it */
  extra: boolean
}

/** One balance movement as the statement shows it (minor units, negative for money out). */
export type StatementEntry = { currency: string; amount: number; at: string; transferId: number; holderName: string; reference: string }

export function createWiseState(startingBalance: number) {
  const recipients = new Map<number, WiseRecipient>()
  const quotes = new Map<string, WiseQuote>()
  const transfers = new Map<number, WiseTransfer>()
  const byCustomerTransactionId = new Map<string, WiseTransfer>()
  const statement: StatementEntry[] = []
  // one STANDARD balance per currency the platform pays in, with numeric ids like Wise's
  const balances = Object.keys(CURRENCIES).filter((c) => c !== 'USDC')
    .map((currency, i) => ({ id: 200_100 + i, currency, amount: startingBalance }))
  let counter = Number(String(Date.now()).slice(-6)) * 100

  const balanceOf = (currency: string) => balances.find((b) => b.currency === currency)
  return {
    ...createFailNext(),
    nextId: () => ++counter,
    recipients, quotes, transfers, statement, balances, balanceOf,
    /** The transfer created with this customerTransactionId: Wise's idempotency check. */
    byCustomerTransactionId: (id: string) => byCustomerTransactionId.get(id),
    addTransfer(t: WiseTransfer): void {
      transfers.set(t.id, t)
      if (!t.extra) byCustomerTransactionId.set(t.customerTransactionId, t)
    },
    /** Moves money on a balance and writes the statement line. */
    book(t: WiseTransfer, amount: number, at: string): void {
      const balance = balanceOf(t.sourceCurrency)
      if (balance && !t.extra) balance.amount += amount
      const holderName = recipients.get(t.targetAccount)?.accountHolderName ?? 'Unknown recipient'
      statement.push({ currency: t.sourceCurrency, amount, at, transferId: t.id, holderName, reference: t.reference })
    },
    list: () => [...transfers.values()],
  }
}
export type WiseState = ReturnType<typeof createWiseState>
