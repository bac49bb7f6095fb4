/** Verifies and parses Wise `transfers#state-change` webhooks: RSA-SHA256 over the raw body with Wise's public key. */
import { createPublicKey, verify, type KeyObject } from 'node:crypto'
import { z } from 'zod'
import { RAIL_NOTIFICATION_ERRORS, RailNotificationRejected, type RailEvent, type RailNotification } from '../../rail.ts'
import { payoutStateOf } from './codes.ts'

/** Events dated further than this from their arrival (either way) are refused as stale. */
export const MAX_EVENT_AGE_MS = 5 * 60_000

const eventSchema = z.object({
  event_type: z.literal('transfers#state-change'),
  data: z.object({
    resource: z.object({ type: z.string().optional(), id: z.number().int().positive() }),
    current_state: z.string().min(1),
    previous_state: z.string().nullable().optional(),
    occurred_at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a time'),
  }),
  sent_at: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a time').optional(),
})

const reject = (code: keyof typeof RAIL_NOTIFICATION_ERRORS, message: string) => new RailNotificationRejected(RAIL_NOTIFICATION_ERRORS[code], message)
const header = (n: RailNotification, name: string) => Object.entries(n.headers).find(([k]) => k.toLowerCase() === name)?.[1]

/** True when `signature` (base64) is Wise's RSA-SHA256 signature of exactly these bytes. */
export function signatureValid(publicKey: KeyObject, rawBody: string, signature: string | undefined): boolean {
  if (!signature || !/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return false
  return verify('RSA-SHA256', Buffer.from(rawBody, 'utf8'), publicKey, Buffer.from(signature, 'base64'))
}

/**
 * Builds the parser for one Wise public key. The event id is transfer id + state + occurred_at: identical on every
 * redelivery and duplicate (X-Delivery-Id changes per attempt, so it cannot dedupe). Freshness is judged by sent_at
 * (stamped per attempt), else occurred_at. Wise echoes none of our ids: events route by providerRef (the transfer id).
 */
export function createWiseNotificationParser(publicKeyPem: string) {
  const publicKey = createPublicKey(publicKeyPem)
  return (n: RailNotification): RailEvent => {
    // authenticity first: nothing in an unsigned body is read
    if (!signatureValid(publicKey, n.rawBody, header(n, 'x-signature-sha256'))) throw reject('badSignature', 'X-Signature-SHA256 does not match the body')
    let body: unknown
    try {
      body = JSON.parse(n.rawBody)
    } catch {
      throw reject('malformed', 'webhook body is not JSON')
    }
    const parsed = eventSchema.safeParse(body)
    if (!parsed.success) throw reject('malformed', `not a transfers#state-change event: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`)
    const { data, sent_at: sentAt } = parsed.data
    const ageMs = Date.parse(n.receivedAt) - Date.parse(sentAt ?? data.occurred_at)
    if (!(Math.abs(ageMs) <= MAX_EVENT_AGE_MS)) throw reject('stale', `event is dated ${Math.round(ageMs / 1000)} s before its arrival`)
    const providerRef = String(data.resource.id)
    const occurredAt = new Date(Date.parse(data.occurred_at)).toISOString()
    return {
      rail: 'wise', eventId: `${providerRef}:${data.current_state}:${occurredAt}`, providerRef, workflowId: null,
      state: payoutStateOf(providerRef, data.current_state, occurredAt), occurredAt, raw: body as Record<string, unknown>,
    }
  }
}
