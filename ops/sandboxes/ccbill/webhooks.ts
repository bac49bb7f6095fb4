/** Posts CCBill-style webhooks (form-encoded, `?eventType=` in the query) after a delay, retrying while the receiver is down. */

export type WebhookPosterOptions = {
  url?: string
  delayMs: number
  /** deliver every event twice, as CCBill occasionally does */
  duplicate: boolean
  attempts?: number
  fetch?: typeof fetch
}

export type Delivery = { eventType: string; fields: Record<string, string>; attempts: number; delivered: boolean }

/** CCBill posts from IPv4 addresses only; so does the sandbox, even when the receiver is configured as localhost. */
function targetUrl(base: string, eventType: string): URL {
  const url = new URL(base)
  if (url.hostname === 'localhost') url.hostname = '127.0.0.1'
  url.searchParams.set('eventType', eventType)
  return url
}

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
    doFetch(targetUrl(url, delivery.eventType), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(delivery.fields).toString(),
    }).then((res) => {
      if (!res.ok) throw new Error(`receiver answered HTTP ${res.status}`)
      delivery.delivered = true
    }).catch(() => {
      if (delivery.attempts < attempts) later(250 * 2 ** (delivery.attempts - 1), () => attempt(url, delivery))
    })
  }

  return {
    deliveries,
    /** Schedules delivery of one event (twice when duplicating); a no-op without a webhook URL. */
    post(eventType: string, fields: Record<string, string>): void {
      const url = options.url
      if (!url) return
      for (let copy = 0; copy < (options.duplicate ? 2 : 1); copy++) {
        const delivery: Delivery = { eventType, fields, attempts: 0, delivered: false }
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
export type WebhookPoster = ReturnType<typeof createWebhookPoster>
