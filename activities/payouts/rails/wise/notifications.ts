/** Verifies and parses Wise `transfers#state-change` webhooks: RSA-SHA256 over the raw body with Wise's public key. */
import { createPublicKey, verify, type KeyObject } from 'node:crypto'
import { z } from 'zod'
import type { RailEvent, RailNotification } from '../../rail.ts'
import { assertFresh, header, parseEventBody, reject } from '../signed-events.ts'
import { payoutStateOf } from './codes.ts'

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
    const { event, raw } = parseEventBody(n.rawBody, eventSchema, 'a transfers#state-change event')
    const { data, sent_at: sentAt } = event
    assertFresh(sentAt ?? data.occurred_at, n.receivedAt)
    const providerRef = String(data.resource.id)
    const occurredAt = new Date(Date.parse(data.occurred_at)).toISOString()
    return {
      rail: 'wise', eventId: `${providerRef}:${data.current_state}:${occurredAt}`, providerRef, workflowId: null,
      state: payoutStateOf(providerRef, data.current_state, occurredAt), occurredAt, raw,
    }
  }
}
