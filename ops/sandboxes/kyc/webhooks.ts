/** Posts Veriff-style decision webhooks (JSON, signed) after a delay, retrying while the receiver is down. */
import { createHmac } from 'node:crypto'

/** Where and how webhooks are delivered, signed with the integration's credentials. */
export type WebhookPosterOptions = {
  url?: string
  apiKey: string
  sharedSecret: string
  delayMs: number
  /** deliver every webhook twice, as at-least-once delivery allows */
  duplicate: boolean
  attempts?: number
  fetch?: typeof fetch
}

/** One delivery of one webhook, with its retry count, for the controls and tests. */
export type Delivery = { sessionId: string; status: string; body: string; attempts: number; delivered: boolean; lastAnswer: number | null }

/** The headers Veriff signs its webhooks and answers with: the integration's API key and the body's HMAC. */
export const signedHeaders = (apiKey: string, sharedSecret: string, body: string | Buffer) => ({
  'X-AUTH-CLIENT': apiKey,
  'X-HMAC-SIGNATURE': createHmac('sha256', sharedSecret).update(body).digest('hex'),
})

/** A poster that retries with exponential backoff (250 ms, 500 ms, ...) up to `attempts` times. */
export function createWebhookPoster(options: WebhookPosterOptions) {
  const doFetch = options.fetch ?? globalThis.fetch
  const attempts = options.attempts ?? 5
  const timers = new Set<NodeJS.Timeout>()
  const deliveries: Delivery[] = []

  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      fn()
    }, ms)
    // pending deliveries never keep a process alive on their own
    timer.unref()
    timers.add(timer)
  }

  const attempt = (url: string, delivery: Delivery) => {
    delivery.attempts += 1
    doFetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...signedHeaders(options.apiKey, options.sharedSecret, delivery.body) },
      body: delivery.body,
    }).then((res) => {
      delivery.lastAnswer = res.status
      // Veriff counts a 200 as delivered and redelivers anything else
      if (res.status !== 200) throw new Error(`receiver answered HTTP ${res.status}`)
      delivery.delivered = true
    }).catch(() => {
      if (delivery.attempts < attempts) later(250 * 2 ** (delivery.attempts - 1), () => attempt(url, delivery))
    })
  }

  return {
    deliveries,
    /** Schedules delivery of one decision (twice when duplicating); a no-op without a webhook URL. */
    post(sessionId: string, status: string, payload: unknown): void {
      const url = options.url
      if (!url) return
      // serialised once: every copy and retry carries the same bytes, hence the same signature
      const body = JSON.stringify(payload)
      for (let copy = 0; copy < (options.duplicate ? 2 : 1); copy++) {
        const delivery: Delivery = { sessionId, status, body, attempts: 0, delivered: false, lastAnswer: null }
        deliveries.push(delivery)
        later(options.delayMs + copy * 50, () => attempt(url, delivery))
      }
    },
    /** Drops every pending delivery and retry. */
    stop(): void {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    },
  }
}
/** The poster's interface. */
export type WebhookPoster = ReturnType<typeof createWebhookPoster>
