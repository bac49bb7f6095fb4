/**
 * Sends Segpay transaction postbacks after a delay, retrying while the merchant answers anything but 2xx. Like Segpay,
 * the sandbox fills the registered URL: `<name>` and `<extra NAME>` tokens take the values; a URL without tokens gets
 * every parameter appended. The request is a POST whose values sit in the query string.
 */
import { createNotificationPoster, type PosterSettings } from '../notification-poster.ts'
import type { Postback } from './events.ts'

/** Where and how postbacks are delivered. */
export type PostbackPosterOptions = PosterSettings

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
  const poster = createNotificationPoster<Delivery>({
    ...options,
    request: (_template, d) => ({ url: d.url, init: { method: 'POST' } }),
    accept: async (res, d) => {
      d.lastStatus = res.status
      await res.arrayBuffer()
      return res.ok
    },
  })
  return {
    ...poster,
    /** Schedules delivery of one postback (twice when duplicating); a no-op without a postback URL. */
    post(postback: Postback): void {
      if (!options.url) return
      const url = postbackUrl(options.url, postback)
      poster.post(() => ({ postback, url, attempts: 0, delivered: false, lastStatus: null }))
    },
  }
}
/** The poster's interface. */
export type PostbackPoster = ReturnType<typeof createPostbackPoster>
