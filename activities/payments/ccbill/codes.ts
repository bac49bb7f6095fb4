/** CCBill's wire vocabulary (RESTful Transaction API, DataLink subscriptionManagement.cgi, Webhooks) mapped to ours. */
import { DECLINES, type DeclineCode, type ProcessorEvent } from '../driver.ts'

/** Media type CCBill's RESTful API requires on every call; v2 sends prices as JSON numbers. */
export const CCBILL_ACCEPT = 'application/vnd.mcn.transaction-service.api.v.2+json'

/** Ranges CCBill documents as the sources of its webhook posts (Webhooks User Guide). */
export const CCBILL_WEBHOOK_CIDRS = ['64.38.212.0/24', '64.38.215.0/24', '64.38.240.0/24', '64.38.241.0/24'] as const

/** ISO 4217 numeric codes of the currencies CCBill bills in (its Appendix A); USDC is not one of them. */
export const CCBILL_CURRENCIES = { USD: 840, EUR: 978, GBP: 826, CAD: 124, AUD: 36, JPY: 392 } as const
export type CcbillCurrency = keyof typeof CCBILL_CURRENCIES

/** What subscriptionManagement.cgi answers in its single "results" column. */
export const DATALINK_RESULTS = {
  success: '1', failed: '0', badCredentials: '-1', invalidSubscription: '-2', noRecord: '-3',
  otherAccount: '-4', badArguments: '-5', badAction: '-6', internalError: '-7',
} as const

/** RESTful API error codes that mean "this payment token cannot be charged" rather than "our request is wrong". */
export const TOKEN_ERROR_CODES = { invalidToken: 100101, expiredToken: 100102 } as const

/** The issuer response codes CCBill passes through as declineCode; anything else is a plain decline. */
const DECLINE_BY_CODE: Record<string, DeclineCode> = {
  '51': DECLINES.insufficientFunds, '61': DECLINES.insufficientFunds, '65': DECLINES.insufficientFunds,
  '2': DECLINES.expiredCard, '33': DECLINES.expiredCard, '54': DECLINES.expiredCard,
  '4': DECLINES.fraudSuspected, '7': DECLINES.fraudSuspected, '41': DECLINES.fraudSuspected,
  '43': DECLINES.fraudSuspected, '59': DECLINES.fraudSuspected,
}

/** Maps CCBill's declineCode (or, when it is unknown to us, the wording of declineText) to our decline. */
export function declineFor(declineCode: string | number | null | undefined, declineText: string | null | undefined): DeclineCode {
  const byCode = declineCode == null ? undefined : DECLINE_BY_CODE[String(declineCode)]
  if (byCode) return byCode
  const text = (declineText ?? '').toLowerCase()
  if (text.includes('insufficient')) return DECLINES.insufficientFunds
  if (text.includes('expired')) return DECLINES.expiredCard
  if (/fraud|stolen|lost|pick ?up|risk/.test(text)) return DECLINES.fraudSuspected
  return DECLINES.cardDeclined
}

type EventMapping = { type: ProcessorEvent['type']; amountField: string | null; currencyField: string | null }

const kept = (type: 'sale_failed' | 'other'): EventMapping => ({ type, amountField: null, currencyField: null })

/**
 * Every eventType the Webhooks User Guide documents. The first seven we act on (the amount is the billed one, in the
 * fan's currency); the rest we store and acknowledge: sales on CCBill's own forms, which we do not use (we charge
 * through the RESTful API), declines, and account changes. Return is a returned check; we take cards only.
 */
export const WEBHOOK_EVENTS: Readonly<Record<string, EventMapping>> = {
  NewSaleSuccess: { type: 'sale', amountField: 'billedInitialPrice', currencyField: 'billedCurrencyCode' },
  RenewalSuccess: { type: 'rebill', amountField: 'billedAmount', currencyField: 'billedCurrencyCode' },
  RenewalFailure: { type: 'rebill_failed', amountField: null, currencyField: null },
  Refund: { type: 'refund', amountField: 'amount', currencyField: 'currencyCode' },
  Void: { type: 'void', amountField: 'amount', currencyField: 'currencyCode' },
  Chargeback: { type: 'chargeback', amountField: 'amount', currencyField: 'currencyCode' },
  Cancellation: { type: 'cancellation', amountField: null, currencyField: null },
  NewSaleFailure: kept('sale_failed'), UpSaleFailure: kept('sale_failed'), CrossSaleFailure: kept('sale_failed'),
  UpgradeFailure: kept('sale_failed'), UpSaleSuccess: kept('other'), CrossSaleSuccess: kept('other'), UpgradeSuccess: kept('other'),
  Expiration: kept('other'), Return: kept('other'), BillingDateChange: kept('other'), CustomerDataUpdate: kept('other'),
  UserReactivation: kept('other'),
}

/** Numeric currency code back to ours, or null if CCBill sent one we never bill in. */
export function currencyForNumeric(code: string): CcbillCurrency | null {
  const hit = Object.entries(CCBILL_CURRENCIES).find(([, n]) => String(n) === String(Number(code)))
  return hit ? (hit[0] as CcbillCurrency) : null
}
