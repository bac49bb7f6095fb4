/** Moves funded transfers through Wise's states on timers, books refunds, and announces every change by webhook. */
import type { WiseState, WiseTransfer, WiseTransferState } from './state.ts'
import { createTimers } from '../notification-poster.ts'
import { stateChangeEvent, type WiseWebhookPoster } from './webhooks.ts'

/** Magic holder names (case-sensitive substrings), checked in this order. */
export const MAGIC_HOLDERS = { invalid: 'Invalid', bounce: 'Bounce', cancel: 'Cancel' } as const

export type LifecycleDeps = { state: WiseState; webhooks: WiseWebhookPoster; settleDelayMs: number; now: () => number }

export function createLifecycle(deps: LifecycleDeps) {
  const { later, clear } = createTimers()

  function move(t: WiseTransfer, next: WiseTransferState): void {
    const previous = t.status
    const at = new Date(deps.now()).toISOString()
    t.status = next
    t.history.push({ state: next, at })
    // money comes back to the balance when the payout bounces or is cancelled after funding
    if (next === 'bounced_back' || next === 'cancelled') deps.state.book(t, t.sourceAmount, at)
    deps.webhooks.post(stateChangeEvent(t, previous, at))
  }

  return {
    /** Announces a newly created transfer (previous_state null). */
    created(t: WiseTransfer): void {
      deps.webhooks.post(stateChangeEvent(t, null, t.created))
    },
    /** Funded: processing now; after settleDelayMs the holder name decides the outcome. */
    funded(t: WiseTransfer): void {
      deps.state.book(t, -t.sourceAmount, new Date(deps.now()).toISOString())
      move(t, 'processing')
      const holder = deps.state.recipients.get(t.targetAccount)?.accountHolderName ?? ''
      later(deps.settleDelayMs, () => {
        if (holder.includes(MAGIC_HOLDERS.cancel)) return move(t, 'cancelled')
        move(t, 'outgoing_payment_sent')
        if (holder.includes(MAGIC_HOLDERS.bounce)) later(deps.settleDelayMs, () => move(t, 'bounced_back'))
      })
    },
    stop: clear,
  }
}
export type Lifecycle = ReturnType<typeof createLifecycle>
