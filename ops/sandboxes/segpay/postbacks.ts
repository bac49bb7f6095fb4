/**
 * Sends Segpay transaction postbacks after a delay, retrying while the merchant answers anything but 2xx. Like Segpay,
 * the sandbox fills the registered URL: `<name>` and `<extra NAME>` tokens take the values; a URL without tokens gets
 * every parameter appended. The request is a POST whose values sit in the query string.
 */
import type { Postback } from './events.ts'

/** Where and how postbacks are delivered. */
export type PostbackPosterOptions = {
  url?: string
  delayMs: number
  /** deliver every postback twice, as processors occasionally do */
  duplicate: boolean
  attempts?: number
  fetch?: typeof fetch
}

/** One delivery of one postback, as the control endpoint shows it. */
export type Delivery = { postback: Postback; url: string; attempts: number; delivered: boolean; lastStatus: number | null }

/** The URL Segpay would call for this postback; Segpay posts from IPv4 addresses, so localhost becomes 127.0.0.1. */
export function postbackUrl(template: string, p: Postback): string {
  const filled = /<[^>]+>/.test(template)
    ? template.replace(/<\s*(extra\s+)?([\w-]+)\s*>/gi, (_whole, extra: string | undefined, name: string) =>
      encodeURIComponent((extra ? p.extras[name] : p.fields[name.toLowerCase()]) ?? ''))
    : template
  const url = new URL(filled)
  if (filled === template) for (const [k, v] of Object.entries({ ...p.extras, ...p.fields })) url.searchParams.set(k, v)
  if (url.hostname === 'localhost') url.hostname = '127.0.0.1'
  return url.toString()
}

/** A poster with its own timers; `stop()` drops whatever is pending. */
export function createPostbackPoster(options: PostbackPosterOptions) {
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

  const attempt = (delivery: Delivery) => {
    delivery.attempts += 1
    doFetch(delivery.url, { method: 'POST' }).then(async (res) => {
      delivery.lastStatus = res.status
      await res.arrayBuffer()
      if (!res.ok) throw new Error(`merchant answered HTTP ${res.status}`)
      delivery.delivered = true
    }).catch(() => {
      if (delivery.attempts < attempts) later(250 * 2 ** (delivery.attempts - 1), () => attempt(delivery))
    })
  }

  return {
    deliveries,
    /** Schedules delivery of one postback (twice when duplicating); a no-op without a postback URL. */
    post(postback: Postback): void {
      if (!options.url) return
      const url = postbackUrl(options.url, postback)
      for (let copy = 0; copy < (options.duplicate ? 2 : 1); copy++) {
        const delivery: Delivery = { postback, url, attempts: 0, delivered: false, lastStatus: null }
        deliveries.push(delivery)
        later(options.delayMs + copy * 50, () => attempt(delivery))
      }
    },
    /** Drops every pending delivery and retry. */
    stop(): void {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    },
  }
}
export type PostbackPoster = ReturnType<typeof createPostbackPoster>
