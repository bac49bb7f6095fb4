/** Verifies and parses Dwolla webhooks: hex HMAC-SHA256 of the raw body keyed by the subscription secret, then topic and age. */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { PAYOUT_FAILURES, type PayoutState, type RailEvent, type RailNotification } from '../../rail.ts'
import { assertFresh, header, parseEventBody, reject } from '../signed-events.ts'

// transfer_* (the account's side) and customer_transfer_* name the transfer itself; customer_bank_transfer_* name a
// separate bank-transfer resource whose id is not our providerRef, so they are not taken
const TRANSFER_TOPIC = /^(?:customer_)?transfer_(created|creation_failed|completed|failed|cancelled)$/

const eventSchema = z.object({
  id: z.string().min(1),
  resourceId: z.string().min(1),
  topic: z.string().min(1),
  timestamp: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a time'),
  _links: z.record(z.string(), z.unknown()),
})

/** True when the hex signature is the HMAC of these bytes; compared in constant time. */
export function signatureValid(secret: string, rawBody: string, signature: string | undefined): boolean {
  if (!signature || !/^[0-9a-fA-F]{64}$/.test(signature)) return false
  return timingSafeEqual(createHmac('sha256', secret).update(rawBody, 'utf8').digest(), Buffer.from(signature, 'hex'))
}

/**
 * What the topic says, without a call (the route parses synchronously): completed -> settled; failed -> failed with
 * railCode UNKNOWN, because the return code is only at GET /transfers/{id}/failure, which status() reads; the workflow
 * re-reads status() on a failure before acting on it.
 */
function stateOf(providerRef: string, outcome: string, at: string): PayoutState {
  if (outcome === 'completed') return { status: 'settled', providerRef, settledAt: at }
  if (outcome === 'cancelled') return { status: 'failed', providerRef, failure: PAYOUT_FAILURES.rejected, railCode: 'cancelled', message: 'Dwolla: the transfer was cancelled' }
  if (outcome === 'failed' || outcome === 'creation_failed') {
    return { status: 'failed', providerRef, failure: PAYOUT_FAILURES.rejected, railCode: 'UNKNOWN', message: 'Dwolla: the transfer failed; status() reads the ACH return code' }
  }
  return { status: 'sent', providerRef }
}

/** Builds the parser for one webhook subscription secret. Dedupe by the event id; Dwolla echoes none of our ids. */
export function createDwollaNotificationParser(webhookSecret: string) {
  return (n: RailNotification): RailEvent => {
    if (!signatureValid(webhookSecret, n.rawBody, header(n, 'x-request-signature-sha-256'))) throw reject('badSignature', 'X-Request-Signature-SHA-256 does not match the body')
    const { event: e, raw } = parseEventBody(n.rawBody, eventSchema, 'a Dwolla event')
    assertFresh(e.timestamp, n.receivedAt)
    const outcome = TRANSFER_TOPIC.exec(e.topic)?.[1]
    if (!outcome) throw reject('notAboutPayout', `topic ${e.topic} is not about a payout transfer`)
    const occurredAt = new Date(Date.parse(e.timestamp)).toISOString()
    return { rail: 'ach', eventId: e.id, providerRef: e.resourceId, workflowId: null, state: stateOf(e.resourceId, outcome, occurredAt), occurredAt,
      raw }
  }
}
