/** Posts Veriff-style decision webhooks (JSON, signed) after a delay, retrying while the receiver is down. */
import { createHmac } from 'node:crypto'
import { createNotificationPoster, type PosterSettings } from '../notification-poster.ts'

/** Where and how webhooks are delivered, signed with the integration's credentials. */
export type WebhookPosterOptions = PosterSettings & { apiKey: string; sharedSecret: string }

/** One delivery of one webhook, with its retry count, for the controls and tests. */
export type Delivery = { sessionId: string; status: string; body: string; attempts: number; delivered: boolean; lastAnswer: number | null }

/** The headers Veriff signs its webhooks and answers with: the integration's API key and the body's HMAC. */
export const signedHeaders = (apiKey: string, sharedSecret: string, body: string | Buffer) => ({
  'X-AUTH-CLIENT': apiKey,
  'X-HMAC-SIGNATURE': createHmac('sha256', sharedSecret).update(body).digest('hex'),
})

/** A poster that retries with exponential backoff (250 ms, 500 ms, ...) up to `attempts` times. */
export function createWebhookPoster(options: WebhookPosterOptions) {
  const poster = createNotificationPoster<Delivery>({
    ...options,
    request: (url, d) => ({ url, init: {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...signedHeaders(options.apiKey, options.sharedSecret, d.body) },
      body: d.body,
    } }),
    accept: (res, d) => {
      d.lastAnswer = res.status
      // Veriff counts a 200 as delivered and redelivers anything else
      return res.status === 200
    },
  })
  return {
    ...poster,
    /** Schedules delivery of one decision (twice when duplicating); a no-op without a webhook URL. */
    post(sessionId: string, status: string, payload: unknown): void {
      if (!options.url) return
      // serialised once: every copy and retry carries the same bytes, hence the same signature
      const body = JSON.stringify(payload)
      poster.post(() => ({ sessionId, status, body, attempts: 0, delivered: false, lastAnswer: null }))
    },
  }
}
/** The poster's interface. */
export type WebhookPoster = ReturnType<typeof createWebhookPoster>
