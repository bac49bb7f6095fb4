/** Moves pending transfers to processed or failed on timers, as the ACH network would, and announces each change. */
import { createTimers } from '../notification-poster.ts'
import { transferEvent, type DwollaWebhookPoster } from './events.ts'
import { RETURN_CODES, type DwollaState, type DwollaTransfer } from './state.ts'

/** Magic destination account numbers (suffixes). */
export const MAGIC_ACCOUNTS = { noAccount: '0003', closed: '0002' } as const

export type LifecycleDeps = { state: DwollaState; webhooks: DwollaWebhookPoster; accountId: string; settleDelayMs: number; now: () => number }

export function createLifecycle(deps: LifecycleDeps) {
  const timers = createTimers()
  const later = (fn: () => void) => timers.later(deps.settleDelayMs, fn)
  const announce = (t: DwollaTransfer, topic: string) => deps.webhooks.post(transferEvent(t, deps.accountId, topic, new Date(deps.now()).toISOString()))

  function fail(t: DwollaTransfer, code: keyof typeof RETURN_CODES): void {
    t.status = 'failed'
    t.failure = { code, description: RETURN_CODES[code] }
    // the returned credit comes back to the master balance
    deps.state.move(t.amount)
    announce(t, 'transfer_failed')
  }

  return {
    /** A new transfer: announced now, settled (or failed) after settleDelayMs by its destination's account number. */
    created(t: DwollaTransfer): void {
      announce(t, 'transfer_created')
      const account = deps.state.fundingSources.get(t.destinationId)?.accountNumber ?? ''
      later(() => {
        if (t.status !== 'pending') return
        if (account.endsWith(MAGIC_ACCOUNTS.noAccount)) return fail(t, 'R03')
        t.status = 'processed'
        announce(t, 'transfer_completed')
        if (account.endsWith(MAGIC_ACCOUNTS.closed)) later(() => fail(t, 'R02'))
      })
    },
    stop: timers.clear,
  }
}
export type Lifecycle = ReturnType<typeof createLifecycle>
