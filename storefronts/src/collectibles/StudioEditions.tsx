import { formatPrice } from '../money'
import type { Edition } from './collectibles-api'
import { EDITION_STATUS_LABEL, royaltyText } from './format'

type Props = { editions: Edition[] | undefined; error: string | null }

/** The creator's editions on this brand, newest first: where each stands, and why one was refused or failed. */
export function StudioEditions({ editions, error }: Props) {
  return (
    <section className="earnings-section" aria-labelledby="studio-editions-title" data-testid="studio-editions">
      <h2 id="studio-editions-title">Your editions</h2>
      {error && <p className="form-error" role="alert" data-testid="studio-editions-error">{error}</p>}
      {!editions && !error && <p role="status">Loading…</p>}
      {editions?.length === 0 && <p data-testid="studio-editions-empty">No collectibles yet. Make one from a published video below.</p>}
      {editions && editions.length > 0 && (
        <div className="earnings-table-wrap">
          <table className="earnings-table">
            <thead>
              <tr><th>Title</th><th>Status</th><th className="num">Price</th><th className="num">Sold</th><th className="num">Royalty</th><th>Created</th></tr>
            </thead>
            <tbody>
              {editions.map((e) => (
                <tr key={e.id} data-testid="studio-edition" data-id={e.id} data-status={e.status} data-sold={e.sold}>
                  <td>
                    <span data-testid="studio-edition-title">{e.title}</span>
                    {e.refusal && (
                      <small className="collectible-refusal" data-testid="studio-edition-refusal" data-code={e.refusal.code}>
                        {e.refusal.reason ?? e.refusal.code}
                      </small>
                    )}
                  </td>
                  <td><span className="media-chip earnings-chip" data-status={e.status} data-testid="studio-edition-status">{EDITION_STATUS_LABEL[e.status] ?? e.status}</span></td>
                  <td className="num">{formatPrice(e.priceMinor, e.currency)}</td>
                  <td className="num" data-testid="studio-edition-supply">{e.sold} / {e.maxSupply}</td>
                  <td className="num">{royaltyText(e.royaltyBps)}</td>
                  <td>{new Date(e.createdAt).toLocaleDateString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
