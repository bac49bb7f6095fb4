/** Verifies and parses Veriff decision webhooks: HMAC over the raw body, our integration, then freshness and shape. */
import { z } from 'zod'
import { KYC_PROVIDERS, NOTIFICATION_ERRORS, NotificationRejected, type InboundNotification, type KycEvent } from '../provider.ts'
import { firstIssue, toDecision, verificationSchema } from './decision.ts'
import { signatureMatches } from './hmac.ts'

/** The integration the webhooks must come from, and the freshness bounds. */
export type WebhookConfig = {
  apiKey: string
  sharedSecret: string
  /**
   * Veriff's webhooks carry no delivery timestamp, and a redelivery keeps the original body (and signature) while
   * Veriff retries, for up to a week. So staleness is bounded by `decisionTime`: older than this is refused.
   */
  maxDecisionAgeMs: number
  /** how far in the future a decisionTime may be before we call the clocks (or the payload) wrong */
  maxClockSkewMs: number
}

const webhookSchema = z.object({ verification: verificationSchema })

const reject = (code: keyof typeof NOTIFICATION_ERRORS, message: string) => new NotificationRejected(NOTIFICATION_ERRORS[code], message)

/** A header by name, whatever case the receiving framework kept. */
const header = (n: InboundNotification, name: string) =>
  Object.entries(n.headers).find(([k]) => k.toLowerCase() === name)?.[1]

function parseJson(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody)
  } catch {
    throw reject('malformed', 'webhook body is not valid JSON')
  }
}

function checkFreshness(decidedAt: string, receivedAt: string, config: WebhookConfig): void {
  const ageMs = Date.parse(receivedAt) - Date.parse(decidedAt)
  if (ageMs < -config.maxClockSkewMs) throw reject('stale', `decision is dated ${Math.round(-ageMs / 1000)} s in the future`)
  if (!(ageMs <= config.maxDecisionAgeMs)) throw reject('stale', `decision was made ${Math.round(ageMs / 60_000)} min before it arrived`)
}

/** Builds the parser for one integration (API key and shared secret). */
export function createWebhookParser(config: WebhookConfig) {
  return (n: InboundNotification): KycEvent => {
    // authenticity first: nothing in an unsigned body is read, not even to explain why it is malformed
    const signature = header(n, 'x-hmac-signature') ?? header(n, 'vrf-hmac-signature')
    if (!signatureMatches(config.sharedSecret, n.rawBody, signature)) throw reject('badSignature', 'X-HMAC-SIGNATURE does not match the body')
    const client = header(n, 'x-auth-client') ?? header(n, 'vrf-auth-client')
    if (client !== config.apiKey) throw reject('untrustedSource', 'webhook names another Veriff integration')
    const body = parseJson(n.rawBody)
    if (typeof body === 'object' && body !== null && 'action' in body && !('verification' in body)) {
      throw reject('malformed', 'an event webhook (started/submitted) reached the decision webhook URL')
    }
    const parsed = webhookSchema.safeParse(body)
    if (!parsed.success) throw reject('malformed', `decision webhook ${firstIssue(parsed.error)}`)
    const { verification } = parsed.data
    const decision = toDecision(verification)
    checkFreshness(decision.decidedAt, n.receivedAt, config)
    return {
      provider: KYC_PROVIDERS.veriff,
      // Veriff sends no event id; these fields are identical on every redelivery and differ between decisions
      eventId: `${verification.id}:${verification.attemptId ?? '-'}:${verification.status}:${decision.decidedAt}`,
      ...decision,
    }
  }
}
