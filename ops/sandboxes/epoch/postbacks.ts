/** Posts signed Data Plus rows to the merchant after a delay, optionally twice, retrying while it answers non-2xx. */
import { signParams } from '../../../activities/payments/epoch/digest.ts'
import { createNotificationPoster, type PosterSettings } from '../notification-poster.ts'
import type { DataPlusRow } from './state.ts'

/** Where postbacks go, and the key that signs them. */
export type PostbackPosterOptions = PosterSettings & { hmacKey: string }

/** One delivery of one row, as the control endpoint shows it. */
export type Delivery = { type: string; fields: Record<string, string>; attempts: number; delivered: boolean; lastStatus: number | null }

/** A poster with its own timers; `stop()` drops whatever is pending. */
export function createPostbackPoster(options: PostbackPosterOptions) {
  const poster = createNotificationPoster<Delivery>({
    ...options,
    request: (url, d) => ({ url, init: {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(d.fields).toString(),
    } }),
    accept: (res, d) => {
      d.lastStatus = res.status
      return res.ok
    },
  })
  return {
    ...poster,
    /** Signs and schedules one row (twice when duplicating); a no-op without a postback URL. */
    post(row: DataPlusRow): void {
      if (!options.url) return
      const fields = signParams(row, options.hmacKey)
      poster.post(() => ({ type: row.ets_transaction_type ?? '', fields, attempts: 0, delivered: false, lastStatus: null }))
    },
  }
}
/** The poster's interface. */
export type PostbackPoster = ReturnType<typeof createPostbackPoster>
