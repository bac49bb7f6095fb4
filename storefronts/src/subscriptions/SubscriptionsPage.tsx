import { useCallback, useEffect, useState } from 'react'
import type { Brand } from '../../../domain/brands'
import { ApiError } from '../api'
import type { FanSession } from '../fan-session'
import { PageShell } from '../signup/PageShell'
import { mySubscriptions } from './subscription-api'
import { SubscriptionItem } from './SubscriptionItem'
import type { FanSubscription } from './types'
import './subscriptions.css'

type SubscriptionsPageProps = { brand: Brand; session: FanSession | null; onSignIn: () => void; onSessionExpired: () => void }

/** /<brand>/account/subscriptions: the fan's subscriptions with status and next billing date; cancel, pause and resume. */
export function SubscriptionsPage({ brand, session, onSignIn, onSessionExpired }: SubscriptionsPageProps) {
  const [items, setItems] = useState<FanSubscription[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const token = session?.token ?? null

  const reload = useCallback(async (): Promise<FanSubscription[] | undefined> => {
    if (!token) return undefined
    try {
      const loaded = await mySubscriptions(token)
      setItems(loaded)
      setError(null)
      return loaded
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) onSessionExpired()
      setError(caught instanceof Error ? caught.message : 'Your subscriptions could not be loaded.')
      return undefined
    }
  }, [token, onSessionExpired])

  useEffect(() => {
    void reload()
  }, [reload])

  return (
    <PageShell brand={brand} title="Your subscriptions" testId="subscriptions-page">
      {!session ? (
        <>
          <p>Sign in to see your subscriptions.</p>
          <button type="button" className="btn btn-primary" onClick={onSignIn} data-testid="subscriptions-signin">Sign in</button>
        </>
      ) : (
        <>
          {error && <p className="form-error" role="alert">{error}</p>}
          {items?.length === 0 && <p data-testid="subscriptions-empty">You have no subscriptions yet.</p>}
          <ul className="subscription-list" data-testid="subscriptions">
            {items?.map((s) => <SubscriptionItem key={s.id} subscription={s} token={session.token} onChanged={reload} onSessionExpired={onSessionExpired} />)}
          </ul>
        </>
      )}
    </PageShell>
  )
}
