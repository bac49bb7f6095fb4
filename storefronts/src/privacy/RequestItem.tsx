import { useState } from 'react'
import { ArchiveButton } from './ArchiveButton'
import { dateText, daysLeftText, KIND_LABEL, STATUS_LABEL } from './format'
import { ReceiptView } from './ReceiptView'
import { RequestSteps } from './RequestSteps'
import type { PrivacyRequest } from './types'
import { isOpen } from './types'
import { VerifyForm } from './VerifyForm'

type RequestItemProps = { request: PrivacyRequest; token: string; onChanged: () => void; onSessionExpired: () => void }

/** One of the fan's requests: what was asked, where it stands, the deadline, each system's progress, and what the fan can do now. */
export function RequestItem({ request: r, token, onChanged, onSessionExpired }: RequestItemProps) {
  const [showReceipt, setShowReceipt] = useState(false)
  const open = isOpen(r.status)
  return (
    <li className="privacy-request" data-testid={`privacy-request-${r.id}`} data-request-id={r.id} data-kind={r.kind} data-status={r.status}>
      <h3 className="privacy-request-title">{KIND_LABEL[r.kind] ?? r.kind}</h3>
      <p className="status-line" data-tone={open ? undefined : 'done'} data-testid="privacy-request-status">
        {STATUS_LABEL[r.status] ?? r.status}{r.status === 'REJECTED' && r.rejectedReason ? `: ${r.rejectedReason}` : ''}
      </p>
      <dl className="privacy-facts">
        <dt>Received</dt>
        <dd data-testid="privacy-request-received">{dateText(r.receivedAt)}</dd>
        <dt>Due</dt>
        <dd data-testid="privacy-request-due" data-days-left={r.daysLeft}>
          {dateText(r.dueAt)}{open && r.daysLeft !== null ? ` (${daysLeftText(r.daysLeft)})` : ''}
        </dd>
        {r.completedAt && <><dt>Finished</dt><dd data-testid="privacy-request-completed">{dateText(r.completedAt)}</dd></>}
        <dt>Law</dt>
        <dd>{r.jurisdiction}</dd>
      </dl>
      {r.extensions.map((x) => (
        <p key={x.at} className="form-note" data-testid="privacy-request-extension">
          Deadline extended by {x.days} days on {dateText(x.at)}: {x.reason}
        </p>
      ))}
      {r.steps.length > 0 && <RequestSteps kind={r.kind} steps={r.steps} />}
      {r.status === 'AWAITING_VERIFICATION' && (
        <VerifyForm requestId={r.id} token={token} onVerified={onChanged} onSessionExpired={onSessionExpired} />
      )}
      {r.kind === 'access' && r.status === 'COMPLETED' && r.download && (
        <ArchiveButton request={r} token={token} onSessionExpired={onSessionExpired} />
      )}
      {r.receipt && (
        <div className="actions privacy-request-actions">
          <button type="button" className="btn btn-ghost" onClick={() => setShowReceipt(true)} data-testid="privacy-receipt-open">Receipt</button>
        </div>
      )}
      {showReceipt && <ReceiptView request={r} token={token} onSessionExpired={onSessionExpired} onClose={() => setShowReceipt(false)} />}
    </li>
  )
}
