/** Dwolla webhooks: `{id, resourceId, topic, timestamp, _links}` JSON, HMAC-SHA256 of the body (hex) in X-Request-Signature-SHA-256. */
import { createHmac, randomUUID } from 'node:crypto'
import { createNotificationPoster, type AnsweredDelivery, type PosterSettings } from '../notification-poster.ts'
import type { DwollaTransfer } from './state.ts'

/** One webhook and what became of it; the body (and signature) is the same on every retry, as with Dwolla. */
export type Delivery = AnsweredDelivery & { topic: string; body: string }

/** The sandbox's own signer, apart from the driver's. */
export const sandboxSignature = (secret: string, body: string) => createHmac('sha256', secret).update(body, 'utf8').digest('hex')

/** The event of a transfer topic (transfer_created, transfer_completed, transfer_failed, transfer_cancelled). */
export function transferEvent(t: DwollaTransfer, accountId: string, topic: string, at: string) {
  const id = randomUUID()
  return {
    id, resourceId: t.id, topic, timestamp: at, created: at,
    _links: { self: { href: `${t.base}/events/${id}` }, account: { href: `${t.base}/accounts/${accountId}` }, resource: { href: `${t.base}/transfers/${t.id}` } },
  }
}

/** A poster retrying with backoff until the subscriber answers 2xx. */
export function createDwollaWebhookPoster(options: PosterSettings & { secret: string }) {
  const poster = createNotificationPoster<Delivery>({
    ...options,
    request: (url, d) => ({ url, init: { method: 'POST', body: d.body, headers: {
      'Content-Type': 'application/json', 'X-Request-Signature-SHA-256': sandboxSignature(options.secret, d.body), 'X-Dwolla-Topic': d.topic } } }),
    recordAnswers: true,
  })
  return {
    ...poster,
    /** Schedules one event (twice when duplicating, same id); a no-op without a webhook URL. */
    post(event: { topic: string }): void {
      const body = JSON.stringify(event)
      poster.post(() => ({ topic: event.topic, body, attempts: 0, delivered: false, answers: [] }))
    },
  }
}
export type DwollaWebhookPoster = ReturnType<typeof createDwollaWebhookPoster>
