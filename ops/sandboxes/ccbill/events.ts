/** The webhook bodies the sandbox sends, with the fields CCBill's Webhooks User Guide lists for each event. */
import { SANDBOX_CURRENCIES, webhookTimestamp, type SandboxTransaction } from './state.ts'

const common = (t: SandboxTransaction, transactionId: string, now: number) => ({
  transactionId,
  subscriptionId: t.subscriptionId ?? '',
  clientAccnum: t.clientAccnum,
  clientSubacc: t.clientSubacc,
  timestamp: webhookTimestamp(now),
})

/** NewSaleSuccess: the sale as billed; accounting amounts equal the billed ones (the sandbox does no FX to USD). */
export function saleEvent(t: SandboxTransaction, now: number): Record<string, string> {
  return {
    ...common(t, t.transactionId, now),
    paymentType: 'CREDIT',
    initialPeriod: '30',
    billedInitialPrice: t.initialPrice,
    billedCurrencyCode: String(t.currencyCode),
    billedCurrency: SANDBOX_CURRENCIES[t.currencyCode] ?? '',
    accountingInitialPrice: t.initialPrice,
    accountingCurrencyCode: String(t.currencyCode),
    ...t.passThrough,
  }
}

/** Refund, Void and Chargeback share one shape: their own transaction id, the amount and a reason. */
export function reversalEvent(t: SandboxTransaction, transactionId: string, amount: string, reason: string, now: number):
  Record<string, string> {
  return {
    ...common(t, transactionId, now),
    amount,
    currency: SANDBOX_CURRENCIES[t.currencyCode] ?? '',
    currencyCode: String(t.currencyCode),
    accountingAmount: amount,
    accountingCurrencyCode: String(t.currencyCode),
    reason,
    ...t.passThrough,
  }
}
