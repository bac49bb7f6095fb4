/** The webhook bodies the sandbox sends, with the fields CCBill's Webhooks User Guide lists for each event. */
import { SANDBOX_CURRENCIES, webhookTimestamp, type SandboxTransaction } from './state.ts'

const common = (t: SandboxTransaction, transactionId: string | null, now: number) => ({
  ...(transactionId === null ? {} : { transactionId }),
  subscriptionId: t.subscriptionId ?? '',
  clientAccnum: t.clientAccnum,
  clientSubacc: t.clientSubacc,
  timestamp: webhookTimestamp(now),
})

const day = (iso: string) => iso.slice(0, 10)

/** The recurring terms NewSaleSuccess carries for a sale that opened a subscription. */
const recurringFields = (t: SandboxTransaction): Record<string, string> => (t.recurring ? {
  recurringPeriod: String(t.recurring.periodDays),
  rebills: '99',
  billedRecurringPrice: t.recurring.price,
  accountingRecurringPrice: t.recurring.price,
  nextRenewalDate: day(t.recurring.nextRenewalAt),
} : {})

/** NewSaleSuccess: the sale as billed; accounting amounts equal the billed ones (the sandbox does no FX to USD). */
export function saleEvent(t: SandboxTransaction, now: number): Record<string, string> {
  return {
    ...common(t, t.transactionId, now),
    paymentType: 'CREDIT',
    initialPeriod: String(t.initialPeriod),
    billedInitialPrice: t.initialPrice,
    billedCurrencyCode: String(t.currencyCode),
    billedCurrency: SANDBOX_CURRENCIES[t.currencyCode] ?? '',
    accountingInitialPrice: t.initialPrice,
    accountingCurrencyCode: String(t.currencyCode),
    ...recurringFields(t),
    ...t.passThrough,
  }
}

/**
 * RenewalSuccess: one rebill as billed, with its own transaction id. The Webhooks User Guide does not list X- fields for
 * renewals; the sandbox echoes the first sale's, as this platform routes by them.
 */
export function renewalEvent(t: SandboxTransaction, transactionId: string, now: number): Record<string, string> {
  const price = t.recurring?.price ?? ''
  return {
    ...common(t, transactionId, now),
    billedAmount: price,
    billedCurrency: SANDBOX_CURRENCIES[t.currencyCode] ?? '',
    billedCurrencyCode: String(t.currencyCode),
    accountingAmount: price,
    accountingCurrencyCode: String(t.currencyCode),
    renewalDate: day(new Date(now).toISOString()),
    nextRenewalDate: t.recurring ? day(t.recurring.nextRenewalAt) : '',
    paymentType: 'CREDIT',
    cardType: 'VISA',
    ...t.passThrough,
  }
}

/** RenewalFailure: the rebill the bank declined, and when CCBill tries again. */
export function renewalFailureEvent(t: SandboxTransaction, transactionId: string, now: number): Record<string, string> {
  return {
    ...common(t, transactionId, now),
    renewalDate: day(new Date(now).toISOString()),
    nextRetryDate: day(new Date(now + 86_400_000).toISOString()),
    failureCode: 'BE-140',
    failureReason: 'Insufficient Funds',
    paymentType: 'CREDIT',
    cardType: 'VISA',
    ...t.passThrough,
  }
}

/** Cancellation: rebilling stops; access runs on to the paid period's end. No transaction, so no transactionId. */
export function cancellationEvent(t: SandboxTransaction, reason: string, now: number): Record<string, string> {
  return { ...common(t, null, now), reason, ...t.passThrough }
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
