/** Fake subscription activities over a 10.00 USD monthly plan (two tiers), recording every call, for workflow tests and replay recordings. */
import type { SubscriptionQuote, SubscriptionState } from '../../workflows/subscription.contract.ts'

type Call = { name: string; args: Record<string, unknown> }

export type SubscriptionFakeOptions = {
  /** outcome of each chargeFan call in order; later calls approve */
  charges?: ('approve' | 'decline')[]
  quote?: Partial<SubscriptionQuote>
  /** renewal prices by billing date prefix (YYYY-MM): a price change in force from that month */
  priceFrom?: { month: string; price: number }
  /** what pendingShareOf answers (default: the hold's full amount) */
  pendingShare?: number
}

export const BASE_QUOTE: SubscriptionQuote = {
  brand: 'boyfanz', creatorId: 'creator-1', currency: 'USD', planName: 'Rex VIP', price: 1000, promo: null, trialDays: 0,
  tiers: [{ id: 'basic', rank: 1, name: 'Basic', monthlyPrice: 1000 }, { id: 'vip', rank: 2, name: 'VIP', monthlyPrice: 2000 }],
  bundles: [{ months: 3, discountBps: 1000 }], renewalMode: 'MERCHANT', taxBps: 0, creatorShareBps: 8000, shareRuleId: null, referral: null,
  settlement: null, chargebackWindowDays: 30, fanEmail: 'fan@fanz.demo', fanName: 'Fan',
}

export function subscriptionFakes(opts: SubscriptionFakeOptions = {}) {
  const calls: Call[] = []
  const script = [...(opts.charges ?? [])]
  let charges = 0
  let lastState: SubscriptionState | null = null
  const purchases = new Set<string>()
  const rec = <T>(name: string, result: (args: Record<string, unknown>) => T) => async (args: Record<string, unknown>) => {
    calls.push({ name, args: JSON.parse(JSON.stringify(args)) })
    return result(args)
  }
  const activities = {
    openSubscription: rec('openSubscription', () => ({ ...BASE_QUOTE, ...opts.quote })),
    renewalPrice: rec('renewalPrice', (a) => {
      const p = opts.priceFrom
      return p && String(a.at) >= p.month ? { price: p.price, priceChangeId: 'pc-1' } : { price: a.current as number, priceChangeId: null }
    }),
    recordSubscription: rec('recordSubscription', (a) => { lastState = a.state as SubscriptionState }),
    recordCycle: rec('recordCycle', () => undefined),
    notifySubscriber: rec('notifySubscriber', () => undefined),
    bookedSaleOf: rec('bookedSaleOf', (a) => {
      const sale = calls.find((c) => c.name === 'postJournalEntry' && c.args.idempotencyKey === `purchase:${a.purchaseId}:sale`)!
      return { saleEntryId: '42', salePostings: sale.args.postings, released: false }
    }),
    pendingShareOf: rec('pendingShareOf', () => opts.pendingShare ?? Number.MAX_SAFE_INTEGER),
    stopRebilling: rec('stopRebilling', () => ({ cancelled: true })),
    chargeFan: rec('chargeFan', () => {
      charges += 1
      return (script.shift() ?? 'approve') === 'decline'
        ? { status: 'declined', transactionId: `tx-d${charges}`, decline: 'INSUFFICIENT_FUNDS', message: 'Insufficient funds' }
        : { status: 'approved', transactionId: `tx-${charges}`, processorFee: 50, approvedAt: '2026-11-24T00:00:00Z', subscriptionRef: 'ccb-sub-1' }
    }),
    refundCharge: rec('refundCharge', () => ({ status: 'refunded', refundId: 'r-1', feeRefunded: false })),
    // like the real activity: a purchase row must be created (with `create`) before it is updated
    recordPurchase: rec('recordPurchase', (a) => {
      if (a.create) purchases.add(a.purchaseId as string)
      else if (!purchases.has(a.purchaseId as string)) throw new Error(`purchase ${String(a.purchaseId)} was never created`)
    }),
    postJournalEntry: rec('postJournalEntry', (a) => ({ idempotencyKey: a.idempotencyKey, entryId: String(calls.length), created: true })),
  }
  const named = (name: string) => calls.filter((c) => c.name === name)
  return { calls, activities, named, state: () => lastState, notices: () => named('notifySubscriber').map((c) => c.args.notice as string) }
}
