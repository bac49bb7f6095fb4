import type { FormEvent } from 'react'
import { useEffect, useRef, useState } from 'react'
import { ApiError } from '../api'
import { COUNTRIES, TEST_CARDS } from '../checkout/types'
import { Modal } from '../components/Modal'
import { formatPrice } from '../money'
import type { CollectiblePurchase, Edition, MintState } from './collectibles-api'
import { buyErrorMessage, collectiblesApi, waitForMint } from './collectibles-api'
import { MINT_STATE_LABEL } from './format'
import { MintOutcome } from './MintOutcome'

type BuyPanelProps = { edition: Edition; token: string; myCollectiblesHref: string; onSettled: () => void; onSessionExpired: () => void; onClose: () => void }

/** Buy one token with a sandbox test card (as the PPV checkout does), follow the sale while it charges and mints, then show the outcome. */
export function BuyPanel({ edition, token, myCollectiblesHref, onSettled, onSessionExpired, onClose }: BuyPanelProps) {
  const [card, setCard] = useState<string>(TEST_CARDS[0].token)
  const [country, setCountry] = useState<string>(COUNTRIES[0].code)
  const [busy, setBusy] = useState(false)
  const [state, setState] = useState<MintState | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<CollectiblePurchase | null>(null)
  const closed = useRef(false)
  useEffect(() => {
    closed.current = false
    return () => {
      // a sale still being followed when the panel closes carries on on the server; My collectibles shows the token
      closed.current = true
    }
  }, [])

  const pay = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setState(null)
    try {
      const started = await collectiblesApi.buy(edition.id, { processor: 'ccbill', paymentToken: card, jurisdiction: country }, token)
      const result = await waitForMint(started.purchaseId, token, () => closed.current, setState)
      if (closed.current) return
      if (!result) {
        setError(`Your purchase is still being processed (purchase ${started.purchaseId}). The token shows under My collectibles once it is minted.`)
        return
      }
      setOutcome(result)
      onSettled()
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) onSessionExpired()
      setError(buyErrorMessage(caught))
    } finally {
      if (!closed.current) setBusy(false)
    }
  }

  const price = formatPrice(edition.priceMinor, edition.currency)
  return (
    <Modal title={`Collect “${edition.title}”`} testId="collectible-buy" onClose={onClose}>
      {outcome ? (
        <>
          <MintOutcome purchase={outcome} myCollectiblesHref={myCollectiblesHref} />
          {outcome.status !== 'COMPLETED' && (
            <button type="button" className="btn btn-ghost" onClick={() => setOutcome(null)} data-testid="buy-retry">Try again</button>
          )}
        </>
      ) : (
        <form className="form" onSubmit={(event) => void pay(event)}>
          <p className="form-note">
            One token of {edition.maxSupply} ({edition.remaining} left), minted to your Fanz wallet. Sandbox checkout: payments go to the local
            CCBill test processor and no real card is charged.
          </p>
          <label className="field">
            <span>Payment method</span>
            <select value={card} onChange={(e) => setCard(e.target.value)} disabled={busy} data-testid="buy-card">
              {TEST_CARDS.map((c) => <option key={c.token} value={c.token}>{c.label}</option>)}
            </select>
          </label>
          <label className="field">
            <span>Country (decides VAT / sales tax, included in the price)</span>
            <select value={country} onChange={(e) => setCountry(e.target.value)} disabled={busy} data-testid="buy-country">
              {COUNTRIES.map((c) => <option key={c.code} value={c.code}>{c.label} ({c.code})</option>)}
            </select>
          </label>
          {busy && (
            <p className="status-line" role="status" data-testid="buy-progress" data-state={state ?? ''}>
              {state ? MINT_STATE_LABEL[state] : 'Starting your purchase…'}
            </p>
          )}
          {error && <p className="form-error" role="alert" data-testid="buy-error">{error}</p>}
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="buy-pay">
            {busy ? 'Processing…' : `Pay ${price}`}
          </button>
        </form>
      )}
    </Modal>
  )
}
