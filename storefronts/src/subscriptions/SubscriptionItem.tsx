import { useState } from 'react'
import { ApiError } from '../api'
import { formatPrice } from '../money'
import { cancelSubscription, pauseSubscription, resumeSubscription } from './subscription-api'
import type { FanSubscription } from './types'
import { LIVE_STATUSES, periodText } from './types'

const STATUS_TEXT: Record<FanSubscription['status'], string> = {
  PENDING: 'Starting', TRIALING: 'Free trial', ACTIVE: 'Active', PAST_DUE: 'Payment failed — retrying', GRACE: 'Payment failed — limited access',
  PAUSED: 'Paused', CANCELLED: 'Cancelled', ENDED: 'Ended', FAILED: 'Not started',
}
const PAUSE_DAYS = 30
const date = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : '—')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const SETTLE_TRIES = 30
const ended = (x: FanSubscription) => !LIVE_STATUSES.includes(x.status)

type SubscriptionItemProps = { subscription: FanSubscription; token: string; onChanged: () => Promise<FanSubscription[] | undefined>; onSessionExpired: () => void }

/** One subscription: creator, tier, price, status and next billing date, with what the fan may do about it now. */
export function SubscriptionItem({ subscription: s, token, onChanged, onSessionExpired }: SubscriptionItemProps) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const live = LIVE_STATUSES.includes(s.status) && s.status !== 'PENDING'
  const creator = s.creator.handle ? `@${s.creator.handle}` : s.creator.displayName

  // the workflow answers the update at once; an immediate cancel shows in the list once the run has ended it
  const act = (action: () => Promise<unknown>, done: (x: FanSubscription) => boolean) => async () => {
    setBusy(true)
    setError(null)
    try {
      await action()
      for (let i = 0; i < SETTLE_TRIES; i++) {
        const next = (await onChanged())?.find((x) => x.id === s.id)
        if (!next || done(next)) break
        await sleep(500)
      }
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) onSessionExpired()
      setError(caught instanceof Error ? caught.message : 'That did not work. Please try again.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <li className="subscription-item" data-testid={`subscription-${s.id}`} data-status={s.status}>
      <p>
        <strong>{s.planName ?? 'Subscription'}</strong> · {s.tierName} · {creator}
      </p>
      <p>{formatPrice(s.price, s.currency)} every {periodText(s.periodMonths)}</p>
      <p data-testid="subscription-status">{STATUS_TEXT[s.status]}{s.cancelAtPeriodEnd && live ? ` — ends ${date(s.currentPeriodEnd)}` : ''}</p>
      {live && !s.cancelAtPeriodEnd && <p data-testid="subscription-next-billing">Next billing: {date(s.nextBillingAt)}</p>}
      {error && <p className="form-error" role="alert" data-testid="subscription-error">{error}</p>}
      {live && (
        <div className="actions">
          {!s.cancelAtPeriodEnd && (
            <button type="button" className="btn btn-ghost" disabled={busy} data-testid="subscription-cancel-period-end"
              onClick={act(() => cancelSubscription(s.id, 'period-end', 'cancelled from the account page', token), (x) => x.cancelAtPeriodEnd || ended(x))}>
              Cancel at period end
            </button>
          )}
          <button type="button" className="btn btn-ghost" disabled={busy} data-testid="subscription-cancel-now"
            onClick={act(() => cancelSubscription(s.id, 'immediate', 'cancelled now from the account page', token), ended)}>
            Cancel now
          </button>
          {s.renewalMode === 'MERCHANT' && s.status === 'ACTIVE' && (
            <button type="button" className="btn btn-ghost" disabled={busy} data-testid="subscription-pause"
              onClick={act(() => pauseSubscription(s.id, PAUSE_DAYS, token), (x) => x.status === 'PAUSED')}>
              Pause {PAUSE_DAYS} days
            </button>
          )}
          {s.status === 'PAUSED' && (
            <button type="button" className="btn btn-primary" disabled={busy} data-testid="subscription-resume"
              onClick={act(() => resumeSubscription(s.id, token), (x) => x.status !== 'PAUSED')}>
              Resume
            </button>
          )}
        </div>
      )}
    </li>
  )
}
