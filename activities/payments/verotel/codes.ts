/** Verotel's wire vocabulary (FlexPay one-click purchases, postbacks, Control Center API) mapped to ours. */
import { DECLINES, type DeclineCode, type ProcessorEvent } from '../driver.ts'

/** FlexPay protocol version we speak; one-click purchases without the order page need at least 3.3. */
export const FLEXPAY_VERSION = '4'

/**
 * The Control Center API selects its version through the Accept header (public integrations send
 * `application/json; version=1.5.0` or `2.0.0`); the full API reference is only given to merchants.
 */
export const CONTROL_CENTER_ACCEPT = 'application/json; version=2.0.0'

/** FlexPay sale currencies (USD EUR GBP AUD CAD CHF DKK NOK SEK) that we also bill in; JPY and USDC are not among them. */
export const VEROTEL_CURRENCIES = ['USD', 'EUR', 'GBP', 'AUD', 'CAD'] as const
export type VerotelCurrency = (typeof VEROTEL_CURRENCIES)[number]
export const isVerotelCurrency = (c: string): c is VerotelCurrency => (VEROTEL_CURRENCIES as readonly string[]).includes(c)

/** The `response` line of a one-click purchase answer (an assumption: the format is not public, see flexpay-client.ts). */
export const ONE_CLICK_RESPONSES = { approved: 'APPROVED', declined: 'DECLINED', error: 'ERROR' } as const

/** Kinds of money movement in a Control Center sale record, each with its own transaction id. */
export const SALE_TRANSACTION_TYPES = { sale: 'sale', void: 'void', credit: 'credit', chargeback: 'chargeback' } as const

export const VEROTEL_FAILURES = {
  unsupportedCurrency: 'VEROTEL_UNSUPPORTED_CURRENCY',
  badRequest: 'VEROTEL_BAD_REQUEST',
  unknownTransaction: 'VEROTEL_UNKNOWN_TRANSACTION',
  chargedBack: 'VEROTEL_ALREADY_CHARGED_BACK',
  refused: 'VEROTEL_API_REFUSED',
} as const

/**
 * Postback `event` values we consume; any other signed event is kept as 'other'. A one-off purchase's sale postback
 * carries no `event` at all, only `type=purchase`; it is keyed here as 'purchase'. Verotel has no void postback: a
 * reversal arrives as `credit`.
 */
export const POSTBACK_EVENTS: Readonly<Record<string, ProcessorEvent['type']>> = {
  purchase: 'sale', initial: 'sale', rebill: 'rebill', credit: 'refund', chargeback: 'chargeback', cancel: 'cancellation',
}

/** Maps the wording of a decline to ours; Verotel publishes no decline code table, so the text is all there is. */
export function declineFor(reason: string | null | undefined): DeclineCode {
  const text = (reason ?? '').toLowerCase()
  if (text.includes('insufficient')) return DECLINES.insufficientFunds
  if (text.includes('expired')) return DECLINES.expiredCard
  if (/fraud|stolen|lost|pick ?up|risk/.test(text)) return DECLINES.fraudSuspected
  return DECLINES.cardDeclined
}
