/**
 * Verifies and parses Segpay transaction postbacks and Cancellation postbacks: source address allow-list, merchant
 * package, freshness, then fields.
 */
import type { InboundNotification, ProcessorEvent } from '../driver.ts'
import { assertFresh, contentTypeOf, isConsumed, reject } from '../notifications.ts'
// CIDR matching is processor-neutral; it lives with CCBill, the first driver that needed it
import { createCidrMatcher } from '../ccbill/cidr.ts'
import { fromMajorDecimal } from './amounts.ts'
import { PASS_THROUGH, eventTypeFor, isSegpayCurrency } from './codes.ts'

/**
 * Our package (postbacks name it in eticketid), its recurring price point if we open subscriptions (their rebills are
 * told apart by it), Segpay's source addresses and how old a postback may be.
 */
export type NotificationConfig = {
  packageId: string; recurringPricePointId?: string; allowedSourceCidrs: readonly string[]; maxNotificationAgeMs: number
}

/**
 * Segpay fills the postback URL we registered (the values sit in its query string) and may also send a form body;
 * both are read, the query winning. Segpay's parameter names are case-insensitive (`transGUID`), so keys are lower-cased.
 */
function parseFields(n: InboundNotification): Record<string, string> {
  const body = contentTypeOf(n).includes('x-www-form-urlencoded') ? [...new URLSearchParams(n.rawBody)] : []
  const query = [...new URL(n.url, 'http://postback.invalid').searchParams]
  return Object.fromEntries([...body, ...query].map(([k, v]) => [k.toLowerCase(), v.trim()]))
}

/**
 * `transtime`. Segpay runs on GMT and its SRS reports write '2023-03-01T00:03:01+00:00'; Segpay does not document
 * the postback format, so that form, with or without the zone (then GMT) or with a space for the T, is accepted.
 */
function parseTransTime(text: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:\d{2})?$/.exec(text)
  if (!m) throw reject('malformed', `transtime '${text}' is not 'YYYY-MM-DDTHH:MM:SS[+HH:MM]'`)
  const [, y = '', mo = '', d = '', time = '', zone = 'Z'] = m
  const date = new Date(`${y}-${mo}-${d}T${time}${zone}`)
  // Date.UTC rolls 30 February over to March; a real date survives the round trip
  if (Number.isNaN(date.getTime()) || new Date(Date.UTC(+y, +mo - 1, +d)).getUTCDate() !== +d) {
    throw reject('malformed', `transtime '${text}' is not a date`)
  }
  return date
}

function money(fields: Record<string, string>): { amount: number | null; currency: ProcessorEvent['currency'] } {
  const { price, currencycode } = fields
  if (!price || !currencycode) return { amount: null, currency: null }
  if (!isSegpayCurrency(currencycode)) throw reject('malformed', `currency '${currencycode}' is not one we bill in`)
  try {
    return { amount: fromMajorDecimal(price, currencycode), currency: currencycode }
  } catch {
    throw reject('malformed', `price '${price}' is not a ${currencycode} amount`)
  }
}

function occurred(fields: Record<string, string>, receivedAt: string, maxAgeMs: number): string {
  if (!fields.transtime) return receivedAt
  const at = parseTransTime(fields.transtime)
  assertFresh(at, receivedAt, maxAgeMs, 'postback transtime')
  return at.toISOString()
}

type Fields = Record<string, string>
type Reference = ProcessorEvent['reference']

/**
 * A Cancellation postback (member management, action Cancel): rebilling of the purchase ends, by the fan or by us.
 * Segpay posts those to the URL registered for Cancellation postbacks; ours is the same /webhooks/segpay.
 */
function cancellation(f: Fields, reference: Reference, receivedAt: string, maxAgeMs: number): ProcessorEvent {
  if (!f.purchaseid) throw reject('malformed', 'Cancel postback without purchaseid')
  return {
    processor: 'segpay',
    // one per purchase and time; a redelivery repeats both
    eventId: `cancel:${f.purchaseid}:${f.transtime ?? ''}`,
    type: 'cancellation',
    processorType: 'cancel',
    transactionId: f.purchaseid,
    amount: null,
    currency: null,
    occurredAt: occurred(f, receivedAt, maxAgeMs),
    reference,
    nextPaymentToken: null,
    processorFee: null,
    subscriptionRef: f.purchaseid,
    raw: f,
  }
}

/** The purchase a transaction belongs to, when Segpay rebills it: a renewal's, or the sale that opened a subscription of ours. */
function subscriptionRefOf(type: ProcessorEvent['type'], recurringPricePoint: boolean, f: Fields): string | null {
  const subscribed = type === 'rebill' || type === 'rebill_failed' || (recurringPricePoint && type === 'sale')
  return subscribed && f.purchaseid ? f.purchaseid : null
}

/** A transaction postback: a sale, a rebill (or its decline), a void, a credit or a chargeback. */
function transaction(f: Fields, reference: Reference, recurringPricePoint: boolean, receivedAt: string, maxAgeMs: number): ProcessorEvent {
  const [action, trantype, stage] = [f.action ?? '', f.trantype ?? '', f.stage ?? ''].map((s) => s.toLowerCase()) as [string, string, string]
  const approved = (f.approved ?? '').toLowerCase()
  const type = eventTypeFor({ action, trantype, stage, approved: approved === 'yes', hasReference: !!reference.workflowId, recurringPricePoint })
  if (!type) throw reject('malformed', `postback ${action}/${trantype}/${stage}/${approved} is not a transaction postback`)
  const reversal = type === 'void' || type === 'refund' || type === 'chargeback'
  // our transactionId is the sale's TransID: a reversal names it in relatedtranid
  const transactionId = reversal ? f.relatedtranid : f.tranid
  if (!transactionId || transactionId === '0') throw reject('malformed', `${type} postback without the sale's transaction id`)
  return {
    processor: 'segpay',
    // Segpay sends no event id; every transaction has its own tranid, identical on each redelivery
    eventId: `${trantype}:${action}:${f.tranid}`,
    type,
    processorType: [trantype, action, stage, approved].join('/'),
    transactionId,
    ...(isConsumed(type) ? money(f) : { amount: null, currency: null }),
    occurredAt: occurred(f, receivedAt, maxAgeMs),
    reference,
    nextPaymentToken: null,
    // Segpay's postbacks carry no fee; its statements do
    processorFee: null,
    subscriptionRef: subscriptionRefOf(type, recurringPricePoint, f),
    raw: f,
  }
}

/** Builds parseNotification: throws NotificationRejected, otherwise returns the event. */
export function createNotificationParser(config: NotificationConfig) {
  const trusted = createCidrMatcher(config.allowedSourceCidrs)
  return (n: InboundNotification): ProcessorEvent => {
    // Segpay does not sign postbacks: it posts from the addresses SRS GetPostbackIPList names
    if (!trusted(n.sourceIp)) throw reject('untrustedSource', `postback from ${n.sourceIp}, outside Segpay's addresses`)
    const f = parseFields(n)
    const action = (f.action ?? '').toLowerCase()
    if (action !== 'cancel' && (!f.tranid || !action || !f.trantype)) throw reject('malformed', 'postback without tranid, action or trantype')
    const [packageId, pricePointId] = (f.eticketid ?? '').split(':')
    if (packageId !== config.packageId) throw reject('untrustedSource', `postback for package ${packageId || '?'}, not ours`)
    const reference = { workflowId: f[PASS_THROUGH.workflowId] || null, fanId: f[PASS_THROUGH.fanId] || null }
    if (action === 'cancel') return cancellation(f, reference, n.receivedAt, config.maxNotificationAgeMs)
    const recurringPricePoint = !!config.recurringPricePointId && pricePointId === config.recurringPricePointId
    return transaction(f, reference, recurringPricePoint, n.receivedAt, config.maxNotificationAgeMs)
  }
}
