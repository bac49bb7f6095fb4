import { formatPrice } from '../money'
import type { SubscriptionDetail } from './types'

const OPEN = ['ACTIVE', 'TRIALING']

/** What became of the subscribe request: subscribed (with the first charge), or why not. */
export function SubscriptionOutcome({ subscription, subscriptionsHref, onRetry }: { subscription: SubscriptionDetail; subscriptionsHref: string; onRetry: () => void }) {
  const first = subscription.cycles.at(-1)
  const ok = OPEN.includes(subscription.status)
  return (
    <div className={`receipt receipt-${ok ? 'completed' : 'failed'}`} data-testid="subscribe-outcome" data-status={subscription.status}>
      <p className="receipt-status" data-testid="subscribe-outcome-status">
        {ok ? 'Subscribed' : `Not subscribed: ${first?.failureCode ?? subscription.endReason ?? subscription.status}`}
      </p>
      <dl>
        <dt>First charge</dt>
        <dd data-testid="subscribe-outcome-amount">{first ? formatPrice(first.amount, first.currency) : '—'}</dd>
        <dt>Next billing</dt>
        <dd data-testid="subscribe-outcome-next">{subscription.nextBillingAt ? new Date(subscription.nextBillingAt).toLocaleDateString() : '—'}</dd>
        <dt>Subscription</dt>
        <dd data-testid="subscribe-outcome-id">{subscription.id}</dd>
      </dl>
      {ok
        ? <a className="btn btn-ghost" href={subscriptionsHref} data-testid="subscribe-manage">Manage your subscriptions</a>
        : <button type="button" className="btn btn-ghost" onClick={onRetry} data-testid="subscribe-retry">Try another card</button>}
    </div>
  )
}
