import { day, gateLabel, money, PAYOUT_STATUS_LABEL, RAIL_LABEL } from './format'
import type { MyPayout } from './payouts-api'

type Props = { payouts: MyPayout[] | undefined; error?: string }

/** The creator's payouts, newest first; an on-hold one says which gates held it and what to do. */
export function PayoutHistory({ payouts, error }: Props) {
  return (
    <section className="earnings-section" aria-labelledby="earnings-history-title" data-testid="earnings-history">
      <h2 id="earnings-history-title">Payout history</h2>
      {error && <p className="form-error" role="alert" data-testid="earnings-history-error">{error}</p>}
      {!payouts && !error && <p role="status">Loading…</p>}
      {payouts?.length === 0 && <p data-testid="earnings-history-empty">No payouts yet.</p>}
      {payouts && payouts.length > 0 && (
        <div className="earnings-table-wrap">
          <table className="earnings-table">
            <thead>
              <tr><th>Date</th><th>Brand</th><th>Status</th><th className="num">Amount</th><th>Paid to</th><th>Sent</th><th>Settled</th><th>Details</th></tr>
            </thead>
            <tbody>
              {payouts.map((p) => <PayoutRow key={p.id} p={p} />)}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function PayoutRow({ p }: { p: MyPayout }) {
  const blocked = (p.gates ?? []).filter((g) => !g.passed)
  const kept = [p.reserve ? `${money(p.reserve, p.currency)} reserved` : '', p.netted ? `${money(p.netted, p.currency)} set off` : ''].filter(Boolean).join(', ')
  return (
    <tr data-testid="payout-row" data-id={p.id} data-status={p.status} data-amount={p.amount ?? ''}>
      <td>{day(p.createdAt)}</td>
      <td>{p.brand}</td>
      <td><span className="media-chip earnings-chip" data-status={p.status} data-testid="payout-row-status">{PAYOUT_STATUS_LABEL[p.status] ?? p.status}</span></td>
      <td className="num" data-testid="payout-row-amount">{money(p.amount, p.currency)}{kept && <small className="earnings-note"> ({kept})</small>}</td>
      <td>{p.rail ? RAIL_LABEL[p.rail] ?? p.rail : '—'}</td>
      <td>{day(p.sentAt)}</td>
      <td>{day(p.settledAt)}</td>
      <td>
        {p.reason && <span data-testid="payout-row-reason">{p.reason}</span>}
        {blocked.length > 0 && (
          <ul className="earnings-gates" data-testid="payout-row-gates" aria-label="Held by">
            {blocked.map((g) => <li key={g.gate} data-gate={g.gate} title={g.detail}><strong>{gateLabel(g.gate)}</strong>: {g.detail}</li>)}
          </ul>
        )}
        {!p.reason && blocked.length === 0 && '—'}
      </td>
    </tr>
  )
}
