/**
 * Sends FlexPay postbacks as Verotel does: a GET to the postback URL with the signed fields in the query string,
 * after a delay. Only a 200 whose body is `OK` counts as received; anything else is retried with backoff.
 */
import { sandboxSignature } from './state.ts'

export type PostbackPosterOptions = {
  url?: string
  signatureKey: string
  delayMs: number
  /** deliver every postback twice, as a retry after a lost answer would */
  duplicate: boolean
  /** default 6 */
  attempts?: number
  /** first retry after this long, doubling each time; default 250 ms */
  retryBaseMs?: number
  fetch?: typeof fetch
}

/** One postback and what became of it; `answers` holds what the merchant replied each time, for the test controls. */
export type Delivery = { params: Record<string, string>; attempts: number; delivered: boolean; answers: string[] }

function signedUrl(base: string, params: Record<string, string>, signatureKey: string): URL {
  const url = new URL(base)
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value)
  url.searchParams.set('signature', sandboxSignature(signatureKey, params))
  return url
}

export function createPostbackPoster(options: PostbackPosterOptions) {
  const doFetch = options.fetch ?? globalThis.fetch
  const attempts = options.attempts ?? 6
  const retryBaseMs = options.retryBaseMs ?? 250
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

  async function attempt(url: string, delivery: Delivery): Promise<void> {
    delivery.attempts += 1
    try {
      const res = await doFetch(signedUrl(url, delivery.params, options.signatureKey))
      const body = await res.text()
      delivery.answers.push(`${res.status} ${body.slice(0, 40)}`)
      delivery.delivered = res.status === 200 && body.trim() === 'OK'
    } catch (err) {
      delivery.answers.push(`unreachable: ${String(err)}`)
    }
    if (!delivery.delivered && delivery.attempts < attempts) {
      later(retryBaseMs * 2 ** (delivery.attempts - 1), () => void attempt(url, delivery))
    }
  }

  return {
    deliveries,
    /** Schedules one postback (twice when duplicating); a no-op without a postback URL. */
    post(params: Record<string, string>): void {
      const url = options.url
      if (!url) return
      for (let copy = 0; copy < (options.duplicate ? 2 : 1); copy++) {
        const delivery: Delivery = { params, attempts: 0, delivered: false, answers: [] }
        deliveries.push(delivery)
        later(options.delayMs + copy * 50, () => void attempt(url, delivery))
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
