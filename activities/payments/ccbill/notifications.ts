/** Verifies and parses CCBill webhooks: source address allow-list, freshness, then the documented fields. */
import type { InboundNotification, ProcessorEvent } from '../driver.ts'
import { assertFresh, contentTypeOf, isConsumed, isSubscriptionEvent, parseUtcDateTime, reject } from '../notifications.ts'
import { fromMajorDecimal } from './amounts.ts'
import { createCidrMatcher } from './cidr.ts'
import { WEBHOOK_EVENTS, currencyForNumeric } from './codes.ts'

/**
 * CCBill names the event only in the query string it appends to our URL (`?eventType=Refund`), so the receiving
 * route must pass the request URL (path and query) along with the notification.
 */
export type CcbillInboundNotification = InboundNotification & { url?: string }

export type NotificationConfig = { clientAccnum: string; allowedSourceCidrs: readonly string[]; maxNotificationAgeMs: number }

/** Form-encoded (CCBill's original format) or JSON (selectable since 2017) into flat strings. */
function parseFields(n: InboundNotification): Record<string, string> {
  if (!contentTypeOf(n).includes('json')) return Object.fromEntries(new URLSearchParams(n.rawBody))
  let parsed: unknown
  try {
    parsed = JSON.parse(n.rawBody)
  } catch {
    throw reject('malformed', 'webhook body is not valid JSON')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw reject('malformed', 'webhook body is not an object')
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]))
}

/**
 * `timestamp`. CCBill does not document the zone; we read it as UTC. If CCBill's clock turns out to be Phoenix time
 * (UTC-7, no DST), events look 7 h younger, well inside the default 24 h window either way. Every event we act on
 * carries one; of those we only keep, some do not (UserReactivation): they count from their arrival.
 */
function occurred(fields: Record<string, string>, consumed: boolean, receivedAt: string): Date {
  return consumed || fields.timestamp ? parseUtcDateTime(fields.timestamp, 'timestamp') : new Date(receivedAt)
}

/** The subscription CCBill rebills, on its renewals and cancellation, and on a sale that opened one (recurringPeriod > 0). */
function subscriptionRefOf(type: ProcessorEvent['type'], fields: Record<string, string>): string | null {
  const recurringSale = type === 'sale' && Number(fields.recurringPeriod ?? '0') > 0
  return (isSubscriptionEvent(type) || recurringSale) && fields.subscriptionId ? fields.subscriptionId : null
}

function money(fields: Record<string, string>, amountField: string | null, currencyField: string | null) {
  const [amount, code] = [amountField ? fields[amountField] : undefined, currencyField ? fields[currencyField] : undefined]
  if (amount === undefined || code === undefined) return { amount: null, currency: null }
  const currency = currencyForNumeric(code)
  if (!currency) throw reject('malformed', `currency code '${code}' is not one we bill in`)
  try {
    return { amount: fromMajorDecimal(amount, currency), currency }
  } catch {
    throw reject('malformed', `amount '${amount}' is not a ${currency} amount`)
  }
}

export function createNotificationParser(config: NotificationConfig) {
  const trusted = createCidrMatcher(config.allowedSourceCidrs)
  return (n: CcbillInboundNotification): ProcessorEvent => {
    if (!trusted(n.sourceIp)) throw reject('untrustedSource', `webhook from ${n.sourceIp}, outside CCBill's ranges`)
    const eventType = new URL(n.url ?? '/', 'http://webhook.invalid').searchParams.get('eventType') ?? ''
    const mapping = Object.hasOwn(WEBHOOK_EVENTS, eventType) ? WEBHOOK_EVENTS[eventType] : undefined
    if (!mapping) throw reject('malformed', `eventType '${eventType}' is missing or not one CCBill documents`)
    const fields = parseFields(n)
    const { subscriptionId, transactionId, clientAccnum } = fields
    const consumed = isConsumed(mapping.type)
    // a declined sale (NewSaleFailure) made no subscription: its transactionId is all there is
    const subject = consumed ? subscriptionId : subscriptionId || transactionId
    if (!subject) throw reject('malformed', `${eventType} webhook without subscriptionId${consumed ? '' : ' or transactionId'}`)
    if (clientAccnum !== config.clientAccnum) throw reject('untrustedSource', `webhook for account ${clientAccnum ?? '?'}, not ours`)
    const at = occurred(fields, consumed, n.receivedAt)
    assertFresh(at, n.receivedAt, config.maxNotificationAgeMs, `${eventType} webhook`)
    return {
      processor: 'ccbill',
      // CCBill sends no event id; these fields are identical on every redelivery of the same event
      eventId: `${eventType}:${subscriptionId ?? ''}:${transactionId ?? fields.timestamp ?? ''}`,
      type: mapping.type,
      processorType: eventType,
      // our transactionId for CCBill is its subscriptionId, the id every DataLink action takes
      transactionId: subject,
      ...money(fields, mapping.amountField, mapping.currencyField),
      occurredAt: at.toISOString(),
      reference: { workflowId: fields['X-workflowId'] || null, fanId: fields['X-fanId'] || null },
      nextPaymentToken: null,
      // CCBill's webhooks carry no fee; its settlement report does
      processorFee: null,
      subscriptionRef: subscriptionRefOf(mapping.type, fields),
      raw: fields,
    }
  }
}
