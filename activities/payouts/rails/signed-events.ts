/** The steps every signed rail webhook shares once its signature is checked: a header by name, a JSON body of a known shape, freshness. */
import type { z } from 'zod'
import { RAIL_NOTIFICATION_ERRORS, RailNotificationRejected, type RailNotification } from '../rail.ts'

/** Events dated further than this from their arrival (either way) are refused as stale. */
export const MAX_EVENT_AGE_MS = 5 * 60_000

export const reject = (code: keyof typeof RAIL_NOTIFICATION_ERRORS, message: string) => new RailNotificationRejected(RAIL_NOTIFICATION_ERRORS[code], message)

/** A request header by name, whatever its case. */
export const header = (n: RailNotification, name: string) => Object.entries(n.headers).find(([k]) => k.toLowerCase() === name)?.[1]

/** The body as `schema` says it is; anything else is MALFORMED, with the first problem named. Returns the raw JSON too. */
export function parseEventBody<S extends z.ZodType>(rawBody: string, schema: S, what: string): { event: z.output<S>; raw: Record<string, unknown> } {
  let body: unknown
  try {
    body = JSON.parse(rawBody)
  } catch {
    throw reject('malformed', 'webhook body is not JSON')
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw reject('malformed', `not ${what}: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`)
  return { event: parsed.data, raw: body as Record<string, unknown> }
}

/** Refuses an event dated more than MAX_EVENT_AGE_MS from its arrival, either way (a replay, or a clock far off). */
export function assertFresh(datedAt: string, receivedAt: string): void {
  const ageMs = Date.parse(receivedAt) - Date.parse(datedAt)
  if (!(Math.abs(ageMs) <= MAX_EVENT_AGE_MS)) throw reject('stale', `event is dated ${Math.round(ageMs / 1000)} s before its arrival`)
}
