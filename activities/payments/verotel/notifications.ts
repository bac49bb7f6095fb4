/**
 * Verifies and parses FlexPay postbacks. Verotel sends them as GET requests with the fields in the query string,
 * signed like every FlexPay message, and expects the body `OK` back (anything else is retried, and an unanswered
 * card sale is refunded automatically). Postbacks carry no timestamp, so there is no freshness check: a replayed
 * postback is harmless because its eventId is the same as the original's. A signed postback is Verotel's own, so one
 * whose event we do not act on (expiry, uncancel, extend, upgrade, downgrade…) is kept as 'other' and acknowledged.
 */
import type { InboundNotification, ProcessorEvent } from '../driver.ts'
import { contentTypeOf, isConsumed, reject } from '../notifications.ts'
import { fromMajorDecimal } from './amounts.ts'
import { POSTBACK_EVENTS, isVerotelCurrency } from './codes.ts'
import { verifyFlexpaySignature } from './signature.ts'

export type NotificationConfig = { shopId: string; signatureKey: string }

/** The query string, or a form-encoded body when the query has no signature (a route that re-posts the fields). */
function readFields(n: InboundNotification): Record<string, string> {
  const query = new URL(n.url, 'http://postback.invalid').searchParams
  const params = !query.has('signature') && contentTypeOf(n).includes('x-www-form-urlencoded') ? new URLSearchParams(n.rawBody) : query
  const fields: Record<string, string> = {}
  for (const [name, value] of params) {
    // a repeated name would make the signed set ambiguous
    if (Object.hasOwn(fields, name)) throw reject('malformed', `postback repeats the parameter ${name}`)
    fields[name] = value
  }
  return fields
}

function money(fields: Record<string, string>) {
  const amount = fields.priceAmount ?? fields.amount
  const currency = fields.priceCurrency ?? fields.currency
  if (amount === undefined || currency === undefined) return { amount: null, currency: null }
  if (!isVerotelCurrency(currency)) throw reject('malformed', `currency '${currency}' is not one we bill in`)
  try {
    return { amount: fromMajorDecimal(amount, currency), currency }
  } catch {
    throw reject('malformed', `amount '${amount}' is not a ${currency} amount`)
  }
}

export function createNotificationParser(config: NotificationConfig) {
  return (n: InboundNotification): ProcessorEvent => {
    const { signature, ...fields } = readFields(n)
    if (!signature) throw reject('badSignature', 'postback without a signature')
    if (!verifyFlexpaySignature(config.signatureKey, fields, signature)) throw reject('badSignature', 'postback signature does not match')
    if (fields.shopID !== config.shopId) throw reject('untrustedSource', `postback for shop ${fields.shopID ?? '?'}, not ours`)
    const event = fields.event ?? (fields.type === 'purchase' ? 'purchase' : '')
    if (!event) throw reject('malformed', 'postback without an event, and not a purchase')
    const type = (Object.hasOwn(POSTBACK_EVENTS, event) ? POSTBACK_EVENTS[event] : undefined) ?? 'other'
    const { saleID } = fields
    if (!saleID) throw reject('malformed', `${event} postback without saleID`)
    return {
      processor: 'verotel',
      // Verotel sends no event id; every money movement has its own transactionID, identical on each redelivery
      eventId: `${event}:${saleID}:${fields.transactionID ?? ''}`,
      type,
      processorType: event,
      // our transactionId for Verotel is its saleID, the id every Control Center action takes
      transactionId: saleID,
      ...(isConsumed(type) ? money(fields) : { amount: null, currency: null }),
      // postbacks carry no time of their own; Verotel posts immediately after the event
      occurredAt: new Date(n.receivedAt).toISOString(),
      reference: { workflowId: fields.custom1 || null, fanId: fields.custom2 || null },
      // an approved sale brings the fan's next one-click token: the one just charged is used up
      nextPaymentToken: (type === 'sale' && fields.oneClickToken) || null,
      raw: { ...fields, signature },
    }
  }
}
