/** The wire sandbox's memory: payments keyed by MsgId, their lifecycle over time, the account's balances, test settings. */
import { createFailNext } from '../payout-controls.ts'

export const FAILING_BIC = 'FAILDEFFXXX'
/** A creditor name containing this settles, then comes back (RJCT AC04 after ACSC). */
export const RETURNING_NAME = 'Return'

export type WirePayment = {
  msgId: string
  endToEndId: string
  /** the bank's reference (AcctSvcrRef): our driver's providerRef */
  bankRef: string
  /** minor units */
  amount: number
  currency: string
  creditor: { name: string; iban: string; bic: string; country: string }
  remittance: string
  acceptedAt: string
  /** a rejection before settlement, at acceptance (AM04, AC01 bad IBAN…) or at the first status poll (FAILDEFFXXX) */
  rejection: { code: string; text: string } | null
  polled: boolean
  settledAt: string | null
  returnedAt: string | null
  /** set by POST /sandbox/report-adjust: the amount the camt.053 shows instead */
  reportAmount: number | null
  /** set by POST /sandbox/report-adjust: the AcctSvcrRef the camt.053 shows instead (banks may use another one there) */
  reportRef: string | null
  /** true for a statement line added by POST /sandbox/report-extra: nobody asked for it */
  extra: boolean
}

export function createWireState(options: { balance: number; settleDelayMs: number; now: () => number }) {
  const payments = new Map<string, WirePayment>()
  // indexes, so a bank holding 100,000 payments answers lookups at once
  const byEndToEnd = new Map<string, WirePayment>()
  const byRef = new Map<string, WirePayment>()
  const balances = new Map<string, number>()
  const prefix = String(Date.now()).slice(-6)
  let counter = 0
  const balance = (currency: string) => balances.get(currency) ?? options.balance
  const move = (currency: string, delta: number) => balances.set(currency, balance(currency) + delta)
  const iso = (ms: number) => new Date(ms).toISOString()

  /** Moves a payment along its timeline up to now: ACSP, ACSC after settleDelayMs, back again after twice that. */
  function advance(p: WirePayment): void {
    if (p.rejection || p.extra) return
    if (p.creditor.bic === FAILING_BIC) {
      if (p.polled) p.rejection = { code: 'AC01', text: 'Incorrect account number' }
      return
    }
    const accepted = Date.parse(p.acceptedAt)
    const t = options.now()
    if (!p.settledAt && t >= accepted + options.settleDelayMs) p.settledAt = iso(accepted + options.settleDelayMs)
    if (p.settledAt && !p.returnedAt && p.creditor.name.includes(RETURNING_NAME) && t >= accepted + 2 * options.settleDelayMs) {
      p.returnedAt = iso(accepted + 2 * options.settleDelayMs)
      move(p.currency, p.amount)
    }
  }

  return {
    ...createFailNext(),
    nextRef: () => `WB${prefix}${String(++counter).padStart(5, '0')}`,
    balance,
    /** Keeps a new payment; one that will move money is debited now, as the bank reserves it at acceptance. */
    accept(p: WirePayment): void {
      payments.set(p.msgId, p)
      if (!p.extra) byEndToEnd.set(p.endToEndId, p)
      byRef.set(p.bankRef, p)
      if (!p.rejection && !p.extra && p.creditor.bic !== FAILING_BIC) move(p.currency, -p.amount)
    },
    /** A payment by MsgId or EndToEndId, brought up to date; `poll` marks it as asked about by the customer. */
    find(id: string, poll = false): WirePayment | undefined {
      const p = payments.get(id) ?? byEndToEnd.get(id)
      if (p && poll) p.polled = true
      if (p) advance(p)
      return p
    },
    findByRef: (bankRef: string) => byRef.get(bankRef),
    list(): WirePayment[] {
      for (const p of payments.values()) advance(p)
      return [...payments.values()]
    },
    balances(): Record<string, number> {
      for (const p of payments.values()) advance(p)
      return Object.fromEntries(balances)
    },
  }
}
export type WireState = ReturnType<typeof createWireState>
