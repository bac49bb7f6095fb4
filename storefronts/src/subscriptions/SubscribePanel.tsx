import type { FormEvent } from 'react'
import { useEffect, useRef, useState } from 'react'
import { ApiError } from '../api'
import { COUNTRIES, TEST_CARDS } from '../checkout/types'
import { Modal } from '../components/Modal'
import { formatPrice } from '../money'
import { subscribe, subscriptionErrorMessage, waitForStart } from './subscription-api'
import { SubscriptionOutcome } from './SubscriptionOutcome'
import type { Plan, SubscriptionDetail } from './types'
import { periodText } from './types'

type SubscribePanelProps = { plan: Plan; token: string; subscriptionsHref: string; onSessionExpired: () => void; onClose: () => void }

/** Choose tier, period and an optional promo code, pay the first period with a sandbox test card, then show the outcome. */
export function SubscribePanel({ plan, token, subscriptionsHref, onSessionExpired, onClose }: SubscribePanelProps) {
  const [tierId, setTierId] = useState(plan.tiers[0]?.id ?? '')
  const [months, setMonths] = useState(1)
  const [promoCode, setPromoCode] = useState('')
  const [card, setCard] = useState<string>(TEST_CARDS[0].token)
  const [country, setCountry] = useState<string>(COUNTRIES[0].code)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<SubscriptionDetail | null>(null)
  const closed = useRef(false)
  useEffect(() => {
    closed.current = false
    return () => {
      // a subscription still opening when the panel closes carries on; the account page shows it
      closed.current = true
    }
  }, [])

  const tier = plan.tiers.find((t) => t.id === tierId) ?? plan.tiers[0]
  const price = tier?.prices.find((p) => p.months === months) ?? tier?.prices[0]

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const started = await subscribe({ planId: plan.id, tierId, periodMonths: months, paymentToken: card, jurisdiction: country,
        ...(promoCode.trim() ? { promoCode: promoCode.trim() } : {}) }, token)
      const result = await waitForStart(started.id, token, () => closed.current)
      if (closed.current) return
      if (!result) setError('Your subscription is still being set up. Your subscriptions page shows it as soon as it is ready.')
      else setOutcome(result)
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) onSessionExpired()
      setError(subscriptionErrorMessage(caught))
    } finally {
      if (!closed.current) setBusy(false)
    }
  }

  return (
    <Modal title={`Subscribe to ${plan.name}`} testId="subscribe" onClose={onClose}>
      {outcome ? (
        <SubscriptionOutcome subscription={outcome} subscriptionsHref={subscriptionsHref} onRetry={() => setOutcome(null)} />
      ) : (
        <form className="form" onSubmit={(event) => void submit(event)}>
          <p className="form-note">Sandbox checkout: payments go to the local CCBill test processor and no real card is charged.</p>
          <label className="field">
            <span>Tier</span>
            <select value={tierId} onChange={(e) => setTierId(e.target.value)} data-testid="subscribe-tier">
              {plan.tiers.map((t) => <option key={t.id} value={t.id}>{t.name} — {formatPrice(t.monthlyPrice, plan.currency)} a month</option>)}
            </select>
          </label>
          <label className="field">
            <span>Billing period</span>
            <select value={months} onChange={(e) => setMonths(Number(e.target.value))} data-testid="subscribe-period">
              {tier?.prices.map((p) => (
                <option key={p.months} value={p.months}>
                  {formatPrice(p.amount, plan.currency)} every {periodText(p.months)}{p.discountBps > 0 ? ` (${p.discountBps / 100} % off)` : ''}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Promo code (optional)</span>
            <input value={promoCode} onChange={(e) => setPromoCode(e.target.value)} autoComplete="off" data-testid="subscribe-promo" />
          </label>
          <label className="field">
            <span>Payment method</span>
            <select value={card} onChange={(e) => setCard(e.target.value)} data-testid="subscribe-card">
              {TEST_CARDS.map((c) => <option key={c.token} value={c.token}>{c.label}</option>)}
            </select>
          </label>
          <label className="field">
            <span>Country (decides VAT / sales tax, included in the price)</span>
            <select value={country} onChange={(e) => setCountry(e.target.value)} data-testid="subscribe-country">
              {COUNTRIES.map((c) => <option key={c.code} value={c.code}>{c.label} ({c.code})</option>)}
            </select>
          </label>
          {error && <p className="form-error" role="alert" data-testid="subscribe-error">{error}</p>}
          <button type="submit" className="btn btn-primary" disabled={busy || !price} data-testid="subscribe-submit">
            {busy ? 'Setting up your subscription…' : `Subscribe for ${price ? formatPrice(price.amount, plan.currency) : '—'}`}
          </button>
        </form>
      )}
    </Modal>
  )
}
