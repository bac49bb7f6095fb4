import type { FormEvent } from 'react'
import { useEffect, useRef, useState } from 'react'
import { ApiError } from '../api'
import { Modal } from '../components/Modal'
import { formatPrice } from '../money'
import { purchaseErrorMessage, startPurchase, waitForOutcome } from './purchase-api'
import { Receipt } from './Receipt'
import type { Post, Purchase } from './types'
import { COUNTRIES, TEST_CARDS } from './types'

type CheckoutPanelProps = {
  post: Post
  token: string
  onUnlocked: (postId: string) => void
  onSessionExpired: () => void
  onClose: () => void
}

/** Pay for one post with a sandbox test card, then show the receipt once the payment workflow decides. */
export function CheckoutPanel({ post, token, onUnlocked, onSessionExpired, onClose }: CheckoutPanelProps) {
  const [card, setCard] = useState<string>(TEST_CARDS[0].token)
  const [country, setCountry] = useState<string>(COUNTRIES[0].code)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [purchase, setPurchase] = useState<Purchase | null>(null)
  const closed = useRef(false)
  useEffect(() => {
    closed.current = false
    return () => {
      // a payment still being polled when the panel closes is left to finish on the server
      closed.current = true
    }
  }, [])

  const pay = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const started = await startPurchase({ postId: post.id, paymentToken: card, jurisdiction: country }, token)
      const outcome = await waitForOutcome(started.id, token, () => closed.current)
      if (closed.current) return
      if (!outcome) {
        setError(`Your payment is still being processed (purchase ${started.id}). The post unlocks as soon as it completes.`)
        return
      }
      setPurchase(outcome)
      if (outcome.status === 'COMPLETED') onUnlocked(post.id)
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) onSessionExpired()
      setError(purchaseErrorMessage(caught))
    } finally {
      if (!closed.current) setBusy(false)
    }
  }

  const price = formatPrice(post.priceMinor, post.currency)
  return (
    <Modal title={`Unlock “${post.title}”`} testId="checkout" onClose={onClose}>
      {purchase ? (
        <>
          <Receipt purchase={purchase} />
          {purchase.status !== 'COMPLETED' && (
            <button type="button" className="btn btn-ghost" onClick={() => setPurchase(null)} data-testid="checkout-retry">
              Try another card
            </button>
          )}
        </>
      ) : (
        <form className="form" onSubmit={(event) => void pay(event)}>
          <p className="form-note">
            Sandbox checkout: payments go to the local CCBill test processor and no real card is charged.
          </p>
          <label className="field">
            <span>Payment method</span>
            <select value={card} onChange={(e) => setCard(e.target.value)} data-testid="checkout-card">
              {TEST_CARDS.map((c) => <option key={c.token} value={c.token}>{c.label}</option>)}
            </select>
          </label>
          <label className="field">
            <span>Country (decides VAT / sales tax, included in the price)</span>
            <select value={country} onChange={(e) => setCountry(e.target.value)} data-testid="checkout-country">
              {COUNTRIES.map((c) => <option key={c.code} value={c.code}>{c.label} ({c.code})</option>)}
            </select>
          </label>
          {error && <p className="form-error" role="alert" data-testid="checkout-error">{error}</p>}
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="checkout-pay">
            {busy ? 'Processing payment…' : `Pay ${price}`}
          </button>
        </form>
      )}
    </Modal>
  )
}
