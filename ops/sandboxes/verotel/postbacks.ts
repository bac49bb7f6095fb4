/**
 * Sends FlexPay postbacks as Verotel does: a GET to the postback URL with the signed fields in the query string,
 * after a delay. Only a 200 whose body is `OK` counts as received; anything else is retried with backoff.
 */
import { createNotificationPoster, type PosterSettings } from '../notification-poster.ts'
import { sandboxSignature } from './state.ts'

/** Where postbacks go (default 6 attempts), and the key that signs them. */
export type PostbackPosterOptions = PosterSettings & { signatureKey: string }

/** One postback and what became of it; `answers` holds what the merchant replied each time, for the test controls. */
export type Delivery = { params: Record<string, string>; attempts: number; delivered: boolean; answers: string[] }

function signedUrl(base: string, params: Record<string, string>, signatureKey: string): URL {
  const url = new URL(base)
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value)
  url.searchParams.set('signature', sandboxSignature(signatureKey, params))
  return url
}

/** A poster with its own timers; `stop()` drops whatever is pending. */
export function createPostbackPoster(options: PostbackPosterOptions) {
  const poster = createNotificationPoster<Delivery>({
    ...options,
    attempts: options.attempts ?? 6,
    request: (url, d) => ({ url: signedUrl(url, d.params, options.signatureKey) }),
    accept: async (res, d) => {
      const body = await res.text()
      d.answers.push(`${res.status} ${body.slice(0, 40)}`)
      return res.status === 200 && body.trim() === 'OK'
    },
    unreachable: (err, d) => d.answers.push(`unreachable: ${String(err)}`),
  })
  return {
    ...poster,
    /** Schedules one postback (twice when duplicating); a no-op without a postback URL. */
    post(params: Record<string, string>): void {
      poster.post(() => ({ params, attempts: 0, delivered: false, answers: [] }))
    },
  }
}
/** The poster's interface. */
export type PostbackPoster = ReturnType<typeof createPostbackPoster>
