/** Posts CCBill-style webhooks (form-encoded, `?eventType=` in the query) after a delay, retrying while the receiver is down. */
import { createNotificationPoster, type PosterSettings } from '../notification-poster.ts'

/** Where and how webhooks are delivered. */
export type WebhookPosterOptions = PosterSettings

/** One delivery of one event, as the control endpoint shows it. */
export type Delivery = { eventType: string; fields: Record<string, string>; attempts: number; delivered: boolean }

/** CCBill posts from IPv4 addresses only; so does the sandbox, even when the receiver is configured as localhost. */
function targetUrl(base: string, eventType: string): URL {
  const url = new URL(base)
  if (url.hostname === 'localhost') url.hostname = '127.0.0.1'
  url.searchParams.set('eventType', eventType)
  return url
}

/** A poster that retries any non-2xx answer; `stop()` drops whatever is pending. */
export function createWebhookPoster(options: WebhookPosterOptions) {
  const poster = createNotificationPoster<Delivery>({
    ...options,
    request: (url, d) => ({ url: targetUrl(url, d.eventType), init: {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(d.fields).toString(),
    } }),
  })
  return {
    ...poster,
    /** Schedules delivery of one event (twice when duplicating); a no-op without a webhook URL. */
    post(eventType: string, fields: Record<string, string>): void {
      poster.post(() => ({ eventType, fields, attempts: 0, delivered: false }))
    },
  }
}
/** The poster's interface. */
export type WebhookPoster = ReturnType<typeof createWebhookPoster>
