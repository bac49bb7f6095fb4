import { useCallback, useEffect, useState } from 'react'
import { ApiError } from '../api'
import { messageOf } from '../signup/signup-api'
import { day, money } from './format'
import type { Statement } from './payouts-api'
import { downloadStatementCsv, payoutsApi } from './payouts-api'

const SHOWN = 20

type Props = { currencies: string[]; token: string; onSessionExpired: () => void }

/** The last 90 days of what the creator earned and was paid, line by line with the running balance; the whole as CSV. */
/** What a ledger entry means to the creator, by its kind (the ledger's memos are for finance). */
const ENTRY_LABELS: Record<string, string> = {
  ppv_purchase: 'Pay-per-view sale', ppv_purchase_reversal: 'Sale cancelled', tip: 'Tip', tip_reversal: 'Tip cancelled',
  subscription: 'Subscription', subscription_reversal: 'Subscription payment cancelled', subscription_refund: 'Subscription refunded',
  creator_share_release: 'Earnings available after the chargeback window', refund: 'Refund to a fan', chargeback: 'Chargeback',
  payout_sent: 'Payout sent', payout_returned: 'Payout returned to your balance', payout_reserve: 'Rolling reserve kept back',
  payout_reserve_release: 'Rolling reserve released', payout_netting: 'Amount you owed, settled from this payout',
}
const whatHappened = (kind: string) => ENTRY_LABELS[kind] ?? kind.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase())

export function StatementSection({ currencies, token, onSessionExpired }: Props) {
  const [currency, setCurrency] = useState(currencies[0] ?? 'USD')
  const [statement, setStatement] = useState<Statement | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [downloading, setDownloading] = useState(false)
  const fail = useCallback((caught: unknown) => {
    if (caught instanceof ApiError && caught.status === 401) onSessionExpired()
    setError(messageOf(caught))
  }, [onSessionExpired])

  useEffect(() => {
    let active = true
    payoutsApi.statement(currency, token).then((s) => { if (active) { setStatement(s); setError(null) } }, (caught: unknown) => { if (active) fail(caught) })
    return () => {
      active = false
    }
  }, [currency, token, fail])

  const download = async () => {
    setDownloading(true)
    try {
      await downloadStatementCsv(currency, token)
    } catch (caught) {
      fail(caught)
    } finally {
      setDownloading(false)
    }
  }
  const lines = statement ? statement.lines.slice(-SHOWN).reverse() : []
  return (
    <section className="earnings-section" aria-labelledby="earnings-statement-title" data-testid="earnings-statement">
      <div className="earnings-section-head">
        <h2 id="earnings-statement-title">Statement</h2>
        <div className="earnings-actions">
          {currencies.length > 1 && (
            <select aria-label="Currency" value={currency} onChange={(e) => setCurrency(e.target.value)} data-testid="statement-currency">
              {currencies.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          )}
          <button type="button" className="btn btn-ghost" disabled={downloading} onClick={() => void download()} data-testid="statement-download">
            {downloading ? 'Preparing…' : 'Download CSV'}
          </button>
        </div>
      </div>
      {error && <p className="form-error" role="alert" data-testid="statement-error">{error}</p>}
      {!statement && !error && <p role="status">Loading…</p>}
      {statement && (
        <>
          <p className="form-note" data-testid="statement-period">
            {day(statement.from)} – {day(statement.to)} · opening {money(statement.openingBalance, currency)} · closing{' '}
            <strong data-testid="statement-closing" data-amount={statement.closingBalance}>{money(statement.closingBalance, currency)}</strong>
            {statement.lines.length > SHOWN ? ` · the last ${SHOWN} of ${statement.lines.length} lines; the CSV has them all` : ''}
          </p>
          {lines.length === 0 ? <p data-testid="statement-empty">Nothing moved in this period.</p> : (
            <div className="earnings-table-wrap">
              <table className="earnings-table">
                <thead><tr><th>When</th><th>What</th><th>Account</th><th className="num">Amount</th><th className="num">Balance</th></tr></thead>
                <tbody>
                  {lines.map((l, index) => (
                    <tr key={`${l.at}-${index}`} data-testid="statement-line" data-amount={l.amount}>
                      <td>{new Date(l.at).toLocaleString()}</td>
                      <td data-testid="statement-what" data-kind={l.entryKind}>{whatHappened(l.entryKind)}</td>
                      <td>{l.account === 'creator_pending' ? 'pending' : 'available'}</td>
                      <td className="num">{money(l.amount, currency)}</td>
                      <td className="num">{money(l.balance, currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  )
}
