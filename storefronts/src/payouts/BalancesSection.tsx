import { BALANCE_LINES, cadenceText, money } from './format'
import type { Balance } from './payouts-api'

type Props = { balances: Balance[] | undefined; error?: string; brand: string }

/** What the platform holds for the creator, per brand and currency: the five balances, each with what it means. */
export function BalancesSection({ balances, error, brand }: Props) {
  return (
    <section className="earnings-section" aria-labelledby="earnings-balances-title" data-testid="earnings-balances">
      <h2 id="earnings-balances-title">Balances</h2>
      {error && <p className="form-error" role="alert" data-testid="earnings-balances-error">{error}</p>}
      {!balances && !error && <p role="status">Loading…</p>}
      {balances?.length === 0 && <p data-testid="earnings-balances-empty">No earnings yet. Sales and subscriptions show up here.</p>}
      <div className="earnings-balances">
        {/* this brand first, then the others the creator earns on */}
        {[...(balances ?? [])].sort((a, b) => Number(b.brand === brand) - Number(a.brand === brand)).map((b) => <BalanceCard key={`${b.brand}:${b.currency}`} b={b} />)}
      </div>
    </section>
  )
}

function BalanceCard({ b }: { b: Balance }) {
  const toGo = Math.max(0, b.minimum - b.available)
  const share = b.minimum > 0 ? Math.min(100, Math.round((b.available / b.minimum) * 100)) : 100
  return (
    <article className="earnings-balance" data-testid="earnings-balance" data-brand={b.brand} data-currency={b.currency}>
      <header className="earnings-balance-head">
        <strong>{b.brand}</strong>
        <span>{b.currency}</span>
      </header>
      <dl className="earnings-figures">
        {BALANCE_LINES.map((line) => (
          <div key={line.key} className={`earnings-figure earnings-figure-${line.key}`}>
            <dt>{line.label}</dt>
            <dd data-testid={line.testId} data-amount={b[line.key]}>{money(b[line.key], b.currency)}</dd>
            <dd className="earnings-note">{line.note(b)}</dd>
          </div>
        ))}
      </dl>
      <div className="earnings-minimum" data-testid="earnings-balance-minimum" data-amount={b.minimum}>
        <div className="media-progress-track" role="progressbar" aria-label="Towards your minimum payout" aria-valuenow={share} aria-valuemin={0} aria-valuemax={100}>
          <div className="media-progress-fill" style={{ width: `${share}%` }} />
        </div>
        <p>
          Minimum payout {money(b.minimum, b.currency)}{toGo > 0 ? ` · ${money(toGo, b.currency)} to go` : ' · reached'} · {cadenceText(b.cadence)}
          {b.reservePercent ? ` · ${b.reservePercent}% reserve` : ''}
        </p>
      </div>
    </article>
  )
}
