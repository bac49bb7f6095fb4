import { useState } from 'react'
import { METHOD_STATUS_LABEL, RAIL_LABEL } from './format'
import type { PayoutMethod } from './payouts-api'

type Props = {
  method: PayoutMethod
  position: number
  count: number
  busy: boolean
  onMove: (by: -1 | 1) => void
  onRemove: () => Promise<void>
}

/** One payout method: masked destination, verification status (and why it failed), its place in the order, remove. */
export function MethodRow({ method, position, count, busy, onMove, onRemove }: Props) {
  const [confirming, setConfirming] = useState(false)
  return (
    <li className="earnings-method" data-testid="method-row" data-id={method.id} data-rail={method.rail} data-status={method.status}>
      <span className="earnings-method-order" aria-label={`Tried ${position + 1} of ${count}`}>{position + 1}</span>
      <div className="earnings-method-body">
        <strong data-testid="method-display">{method.display}</strong>
        <small>{RAIL_LABEL[method.rail] ?? method.rail}{method.verifiedAt ? ` · verified ${new Date(method.verifiedAt).toLocaleDateString()}` : ''}</small>
        {method.status === 'FAILED' && method.failure && <small className="field-error" data-testid="method-failure">{method.failure}</small>}
      </div>
      <span className="media-chip earnings-chip" data-status={method.status} data-testid="method-status">{METHOD_STATUS_LABEL[method.status] ?? method.status}</span>
      <div className="earnings-method-actions">
        <button type="button" className="link-button" disabled={busy || position === 0} onClick={() => onMove(-1)} aria-label={`Try ${method.display} earlier`}
          data-testid="method-up">↑</button>
        <button type="button" className="link-button" disabled={busy || position === count - 1} onClick={() => onMove(1)} aria-label={`Try ${method.display} later`}
          data-testid="method-down">↓</button>
        {confirming ? (
          <span role="group" aria-label="Confirm removal" data-testid="method-remove-confirm-group">
            Remove it?{' '}
            <button type="button" className="link-button" disabled={busy} onClick={() => void onRemove().finally(() => setConfirming(false))} data-testid="method-remove-confirm">Yes, remove</button>{' '}
            <button type="button" className="link-button" disabled={busy} onClick={() => setConfirming(false)} data-testid="method-remove-cancel">Keep</button>
          </span>
        ) : (
          <button type="button" className="link-button" disabled={busy} onClick={() => setConfirming(true)} data-testid="method-remove">Remove</button>
        )}
      </div>
    </li>
  )
}
