/**
 * Delivers a sandbox's notifications (webhooks, postbacks) to the merchant after a delay, optionally twice, retrying
 * with exponential backoff until an answer is accepted or the attempts run out. Each sandbox says how a request is
 * built and what answer counts; this module owns the timing, the deliveries record and `stop()`.
 */

/** What every delivery records; a sandbox adds the fields its controls show. */
export type DeliveryRecord = { attempts: number; delivered: boolean }

/** A delivery that also keeps the HTTP status of every answer, oldest first. */
export type AnsweredDelivery = DeliveryRecord & { answers: number[] }

/** Where and when notifications go; shared by every sandbox's poster options. */
export type PosterSettings = {
  /** the merchant's URL; without one, posting is a no-op */
  url?: string
  delayMs: number
  /** deliver every notification twice, 50 ms apart, as processors occasionally do */
  duplicate: boolean
  /** default 5 */
  attempts?: number
  /** first retry after this long, doubling each time; default 250 ms */
  retryBaseMs?: number
  fetch?: typeof fetch
}

/** The request of one attempt: its target and fetch options. */
export type NotificationRequest = { url: string | URL; init?: RequestInit }

/** Settings plus how one sandbox speaks to the merchant. */
export type NotificationPosterOptions<D extends DeliveryRecord> = PosterSettings & {
  /** builds the request of one attempt at `delivery`, given the merchant URL */
  request: (url: string, delivery: D) => NotificationRequest
  /** records the answer on the delivery and says whether it was accepted; default: any 2xx */
  accept?: (res: Response, delivery: D) => boolean | Promise<boolean>
  /** push each answer's HTTP status onto the delivery's `answers` before `accept` judges it (deliveries that keep them) */
  recordAnswers?: D extends AnsweredDelivery ? boolean : never
  /** records an attempt that got no (readable) answer */
  unreachable?: (err: unknown, delivery: D) => void
}

/** Timers a sandbox can drop at once (`clear`, on stop); pending ones never keep a process alive on their own. */
export function createTimers() {
  const timers = new Set<NodeJS.Timeout>()
  return {
    later(ms: number, fn: () => void): void {
      const timer = setTimeout(() => {
        timers.delete(timer)
        fn()
      }, ms)
      timer.unref()
      timers.add(timer)
    },
    clear(): void {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
    },
  }
}

/** A poster with its own timers; `stop()` drops whatever is pending. */
export function createNotificationPoster<D extends DeliveryRecord>(options: NotificationPosterOptions<D>) {
  const doFetch = options.fetch ?? globalThis.fetch
  const attempts = options.attempts ?? 5
  const retryBaseMs = options.retryBaseMs ?? 250
  const accept = options.accept ?? ((res: Response) => res.ok)
  const { later, clear } = createTimers()
  const deliveries: D[] = []

  async function attempt(url: string, delivery: D): Promise<void> {
    delivery.attempts += 1
    try {
      const { url: target, init } = options.request(url, delivery)
      const res = await doFetch(target, init)
      // recordAnswers is only allowed (typed) when D keeps answers
      if (options.recordAnswers) (delivery as D & AnsweredDelivery).answers.push(res.status)
      if (await accept(res, delivery)) delivery.delivered = true
    } catch (err) {
      options.unreachable?.(err, delivery)
    }
    if (!delivery.delivered && delivery.attempts < attempts) {
      later(retryBaseMs * 2 ** (delivery.attempts - 1), () => void attempt(url, delivery))
    }
  }

  return {
    deliveries,
    /** Schedules one notification (twice when duplicating), `create` making each copy's record; a no-op without a URL. */
    post(create: (url: string) => D): void {
      const url = options.url
      if (!url) return
      for (let copy = 0; copy < (options.duplicate ? 2 : 1); copy++) {
        const delivery = create(url)
        deliveries.push(delivery)
        later(options.delayMs + copy * 50, () => void attempt(url, delivery))
      }
    },
    /** Drops every pending delivery and retry. */
    stop(): void {
      clear()
    },
  }
}
