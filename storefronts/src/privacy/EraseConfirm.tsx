type EraseConfirmProps = { busy: boolean; onConfirm: () => void; onCancel: () => void }

/** The step between "Delete my account and data" and the request: what is deleted, what the law makes us keep, what comes next. */
export function EraseConfirm({ busy, onConfirm, onCancel }: EraseConfirmProps) {
  return (
    <div className="privacy-confirm" role="group" aria-labelledby="privacy-erase-confirm-title" data-testid="privacy-erase-confirm">
      <p id="privacy-erase-confirm-title"><strong>Delete your account and your data for good?</strong></p>
      <p>
        We delete your account and the personal data Fanz holds about you, in every system: profile, sign-in details, uploads,
        purchases and subscriptions, messages and search entries. This cannot be undone.
      </p>
      <p>Some records the law makes us keep for a while, even after you ask. These are held apart and deleted when the hold ends:</p>
      <ul data-testid="privacy-erase-holds">
        <li><strong>2257 records</strong>: if you have appeared in content, the age and identity records US law requires us to keep.</li>
        <li><strong>Open disputes</strong>: records of a payment still under dispute (a chargeback), until it is settled.</li>
        <li><strong>Tax records</strong>: payouts and tax forms, for as long as tax law requires.</li>
        <li>
          <strong>The payment ledger</strong> keeps its entries, pseudonymized: amounts and dates stay for the books, but no longer
          point to you.
        </li>
      </ul>
      <p>To make sure it is you, we email a 6-digit code to your account's address; the deletion starts once you enter it here.</p>
      <div className="actions">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={onConfirm} data-testid="privacy-erase-submit">
          {busy ? 'Sending the request…' : 'Yes, request deletion'}
        </button>
        <button type="button" className="btn btn-ghost" disabled={busy} onClick={onCancel} data-testid="privacy-erase-cancel">Cancel</button>
      </div>
    </div>
  )
}
