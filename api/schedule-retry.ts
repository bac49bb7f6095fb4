/** Ensuring Temporal Schedules at API start, while Temporal may not be reachable yet (the API starts without it). */
import type { Logger } from 'pino'

/** Runs `ensure` until it succeeds, every 2 s, at most 30 times; logs `done` on success, `gaveUp` with the error after. */
export async function ensureWhileTemporalStarts(ensure: () => Promise<Record<string, unknown>>,
  o: { log: Pick<Logger, 'info' | 'warn'>; done: string; gaveUp: string }): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      o.log.info(await ensure(), o.done)
      return
    } catch (err) {
      if (attempt >= 30) return void o.log.warn({ err }, o.gaveUp)
      await new Promise((r) => setTimeout(r, 2000))
    }
  }
}
