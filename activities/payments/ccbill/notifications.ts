/** Verifies and parses CCBill webhooks: source address allow-list, freshness, then the documented fields. */
import { NOTIFICATION_ERRORS, NotificationRejected, type InboundNotification, type ProcessorEvent } from '../driver.ts'
import { fromMajorDecimal } from './amounts.ts'
import { createCidrMatcher } from './cidr.ts'
import { WEBHOOK_EVENTS, currencyForNumeric } from './codes.ts'

/**
 * CCBill names the event only in the query string it appends to our URL (`?eventType=Refund`), so the receiving
 * route must pass the request URL (path and query) along with the notification.
 */
export type CcbillInboundNotification = InboundNotification & { url?: string }

export type NotificationConfig = { clientAccnum: string; allowedSourceCidrs: readonly string[]; maxNotificationAgeMs: number }

const reject = (code: keyof typeof NOTIFICATION_ERRORS, message: string) => new NotificationRejected(NOTIFICATION_ERRORS[code], message)

/** Form-encoded (CCBill's original format) or JSON (selectable since 2017) into flat strings. */
function parseFields(n: InboundNotification): Record<string, string> {
  const contentType = Object.entries(n.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? ''
  if (!contentType.includes('json')) return Object.fromEntries(new URLSearchParams(n.rawBody))
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
 * 'YYYY-MM-DD HH:MM:SS'. CCBill does not document the zone; we read it as UTC. If CCBill's clock turns out to be
 * Phoenix time (UTC-7, no DST), events look 7 h younger, well inside the default 24 h window either way.
 */
function parseTimestamp(text: string | undefined): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text ?? '')
  if (!m) throw reject('malformed', `timestamp '${text ?? ''}' is not 'YYYY-MM-DD HH:MM:SS'`)
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number]
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s))
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) throw reject('malformed', `timestamp '${text}' is not a date`)
  return date
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
    const mapping = WEBHOOK_EVENTS[eventType]
    if (!mapping) throw reject('malformed', `eventType '${eventType}' is missing or not one we consume`)
    const fields = parseFields(n)
    const { subscriptionId, transactionId, clientAccnum } = fields
    if (!subscriptionId) throw reject('malformed', `${eventType} webhook without subscriptionId`)
    if (clientAccnum !== config.clientAccnum) throw reject('untrustedSource', `webhook for account ${clientAccnum ?? '?'}, not ours`)
    const occurred = parseTimestamp(fields.timestamp)
    const ageMs = Date.parse(n.receivedAt) - occurred.getTime()
    if (!(Math.abs(ageMs) <= config.maxNotificationAgeMs)) throw reject('stale', `${eventType} webhook is ${Math.round(ageMs / 1000)} s old`)
    return {
      processor: 'ccbill',
      // CCBill sends no event id; these fields are identical on every redelivery of the same event
      eventId: `${eventType}:${subscriptionId}:${transactionId ?? fields.timestamp}`,
      type: mapping.type,
      // our transactionId for CCBill is its subscriptionId, the id every DataLink action takes
      transactionId: subscriptionId,
      ...money(fields, mapping.amountField, mapping.currencyField),
      occurredAt: occurred.toISOString(),
      reference: { workflowId: fields['X-workflowId'] || null, fanId: fields['X-fanId'] || null },
      raw: fields,
    }
  }
}
