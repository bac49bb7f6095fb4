import { formatPrice } from '../money'
import type { Edition } from './collectibles-api'

type EditionCardProps = { edition: Edition; own: boolean; onBuy: (edition: Edition) => void }

/** One edition on sale: preview, title, creator, price, how many of its tokens are sold, and Buy (or the sold-out badge). */
export function EditionCard({ edition: e, own, onBuy }: EditionCardProps) {
  const price = formatPrice(e.priceMinor, e.currency)
  const soldOut = e.status === 'SOLD_OUT' || e.remaining <= 0
  const share = e.maxSupply > 0 ? Math.min(100, Math.round((e.sold / e.maxSupply) * 100)) : 100
  return (
    <article className="post-card collectible-card" data-testid={`edition-${e.id}`} data-status={e.status} data-sold={e.sold} data-max-supply={e.maxSupply}
      data-price-minor={e.priceMinor} data-currency={e.currency}>
      {e.thumbnailUrl ? <img className="collectible-thumb" src={e.thumbnailUrl} alt="" /> : <span className="collectible-thumb media-thumb-empty" aria-hidden="true" />}
      <h3 className="post-title" data-testid="edition-title">{e.title}</h3>
      <p className="post-creator" data-testid="edition-creator">{e.creator.name}</p>
      {e.description && <p className="collectible-description">{e.description}</p>}
      <p className="post-price" data-testid="edition-price">{price}</p>
      <div className="collectible-supply">
        <div className="media-progress-track" role="progressbar" aria-label="Tokens sold" aria-valuenow={share} aria-valuemin={0} aria-valuemax={100}>
          <div className="media-progress-fill" style={{ width: `${share}%` }} />
        </div>
        <span><span data-testid="edition-supply">{e.sold} / {e.maxSupply}</span> sold</span>
      </div>
      {soldOut ? (
        <p className="post-unlocked" data-testid="edition-sold-out">Sold out</p>
      ) : own ? (
        <p className="collectible-own" data-testid="edition-own">Your edition</p>
      ) : (
        <button type="button" className="btn btn-primary" onClick={() => onBuy(e)} data-testid={`edition-buy-${e.id}`}>Buy for {price}</button>
      )}
    </article>
  )
}
