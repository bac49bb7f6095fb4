/** What the processors' notification parsers share: one way to refuse, one freshness rule, one date format, one stored form. */
import { NOTIFICATION_ERRORS, NotificationRejected, type InboundNotification, type ProcessorEvent } from './driver.ts'

/** A NotificationRejected with our code for it. */
export const reject = (code: keyof typeof NOTIFICATION_ERRORS, message: string) => new NotificationRejected(NOTIFICATION_ERRORS[code], message)

/** The Content-Type header, whatever the case of its name; '' when absent. */
export const contentTypeOf = (n: InboundNotification): string =>
  Object.entries(n.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? ''

/**
 * Events a processor sends that we keep (verified, stored raw, acknowledged) but do not act on: a refusal would only
 * make the processor send them again and again.
 */
export const UNCONSUMED_TYPES: readonly ProcessorEvent['type'][] = ['sale_failed', 'other']
export const isConsumed = (type: ProcessorEvent['type']) => !UNCONSUMED_TYPES.includes(type)

/** Events of a subscription the processor rebills: they name it (subscriptionRef) and go to the subscription's workflow. */
export const SUBSCRIPTION_EVENT_TYPES = ['rebill', 'rebill_failed', 'cancellation'] as const satisfies readonly ProcessorEvent['type'][]
export type SubscriptionEventType = (typeof SUBSCRIPTION_EVENT_TYPES)[number]
export const isSubscriptionEvent = (type: ProcessorEvent['type']): type is SubscriptionEventType =>
  (SUBSCRIPTION_EVENT_TYPES as readonly string[]).includes(type)

/** Refuses an event whose own time is more than maxAgeMs from its arrival, either way: a replay, or a clock gone wrong. */
export function assertFresh(occurred: Date, receivedAt: string, maxAgeMs: number, what: string): void {
  const ageMs = Date.parse(receivedAt) - occurred.getTime()
  if (!(Math.abs(ageMs) <= maxAgeMs)) throw reject('stale', `${what} is ${Math.round(ageMs / 1000)} s from its arrival`)
}

/** 'YYYY-MM-DD HH:MM:SS' (a MySQL datetime, as CCBill and Epoch write it); neither names a zone, we read UTC. */
export function parseUtcDateTime(text: string | undefined, field: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text ?? '')
  if (!m) throw reject('malformed', `${field} '${text ?? ''}' is not 'YYYY-MM-DD HH:MM:SS'`)
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number]
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s))
  // Date.UTC rolls 30 February over to March and 25:00 to the next day; a real time survives the round trip
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw reject('malformed', `${field} '${text}' is not a date`)
  }
  return date
}

/**
 * The event as processor_events keeps it: a payment token the processor issued with it is a live credential, kept
 * only encrypted (payment_methods), so every copy of it in the raw fields is replaced.
 */
export function storableEvent(event: ProcessorEvent): Omit<ProcessorEvent, 'nextPaymentToken'> {
  const { nextPaymentToken: token, ...rest } = event
  if (!token) return rest
  return { ...rest, raw: Object.fromEntries(Object.entries(rest.raw).map(([k, v]) => [k, v === token ? 'REDACTED' : v])) }
}
