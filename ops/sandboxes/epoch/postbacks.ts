/** Posts signed Data Plus rows to the merchant after a delay, optionally twice, retrying while it answers non-2xx. */
import { signParams } from '../../../activities/payments/epoch/digest.ts'
import type { DataPlusRow } from './state.ts'

export type PostbackPosterOptions = {
  url?: string
  hmacKey: string
  delayMs: number
  /** deliver every row twice, as a re-sent Data Plus batch does */
  duplicate: boolean
  attempts?: number
  fetch?: typeof fetch
}

export type Delivery = { type: string; fields: Record<string, string>; attempts: number; delivered: boolean; lastStatus: number | null }

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

  const attempt = (url: string, delivery: Delivery) => {
    delivery.attempts += 1
    doFetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(delivery.fields).toString(),
    }).then((res) => {
      delivery.lastStatus = res.status
      if (!res.ok) throw new Error(`merchant answered HTTP ${res.status}`)
      delivery.delivered = true
    }).catch(() => {
      if (delivery.attempts < attempts) later(250 * 2 ** (delivery.attempts - 1), () => attempt(url, delivery))
    })
  }

  return {
    deliveries,
    /** Signs and schedules one row (twice when duplicating); a no-op without a postback URL. */
    post(row: DataPlusRow): void {
      const url = options.url
      if (!url) return
      const fields = signParams(row, options.hmacKey)
      for (let copy = 0; copy < (options.duplicate ? 2 : 1); copy++) {
        const delivery: Delivery = { type: row.ets_transaction_type ?? '', fields, attempts: 0, delivered: false, lastStatus: null }
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
export type PostbackPoster = ReturnType<typeof createPostbackPoster>
