import type { FormEvent, ReactNode } from 'react'
import { useState } from 'react'
import type { BrandSlug } from '../../../domain/brands'
import { InputField } from '../signup/Fields'
import { ApiErrorNote, isSessionEnded } from './ApiErrorNote'
import { EraseConfirm } from './EraseConfirm'
import { privacyApi } from './privacy-api'
import type { DsrKind, NewPrivacyRequest, PrivacyRequest } from './types'

type PrivacyActionsProps = { brand: BrandSlug; token: string; displayName: string; onStarted: () => void; onSessionExpired: () => void }
type Outcome = { kind: DsrKind; error: unknown } | { kind: DsrKind; note: string }

const STARTED: Readonly<Record<DsrKind, string>> = {
  access: 'Request received. We are gathering your data; the download appears under Your requests when it is ready.',
  rectification: 'Request received. Your new display name is on its way to every system.',
  erasure: 'Request received. Progress shows under Your requests.',
}
const noteOf = (request: PrivacyRequest) => request.status === 'AWAITING_VERIFICATION'
  ? 'We have emailed a 6-digit code to your account\'s address. Enter it under Your requests to confirm it is you.'
  : STARTED[request.kind]

/** The three rights the fan can exercise here: a copy of the data, a correction, the deletion of the account and data. */
export function PrivacyActions({ brand, token, displayName, onStarted, onSessionExpired }: PrivacyActionsProps) {
  const [busy, setBusy] = useState<DsrKind | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [name, setName] = useState(displayName)
  const [confirmingErase, setConfirmingErase] = useState(false)

  const start = async (input: Omit<NewPrivacyRequest, 'brand'>) => {
    setBusy(input.kind)
    setOutcome(null)
    try {
      const request = await privacyApi.create({ ...input, brand }, token)
      setOutcome({ kind: input.kind, note: noteOf(request) })
      if (input.kind === 'erasure') setConfirmingErase(false)
      onStarted()
    } catch (caught) {
      setOutcome({ kind: input.kind, error: caught })
      // a refusal such as DSR_ALREADY_OPEN points at a request the list shows too
      if (isSessionEnded(caught)) onSessionExpired()
      else onStarted()
    } finally {
      setBusy(null)
    }
  }

  const correct = (event: FormEvent) => {
    event.preventDefault()
    void start({ kind: 'rectification', rectification: { displayName: name.trim() } })
  }

  const shown = (kind: DsrKind): ReactNode => {
    if (outcome?.kind !== kind) return null
    return 'error' in outcome
      ? <ApiErrorNote error={outcome.error} testId={`privacy-${kind}-error`} />
      : <p className="status-line" data-tone="done" role="status" data-testid={`privacy-${kind}-note`}>{outcome.note}</p>
  }

  return (
    <section className="privacy-actions" aria-labelledby="privacy-actions-title" data-testid="privacy-actions">
      <h2 id="privacy-actions-title">Your rights</h2>
      <p>Ask for a copy of your data, correct it, or delete your account. Each request shows below with its due date.</p>

      <div className="privacy-action">
        <h3>A copy of your data</h3>
        <p>Everything Fanz holds about you, as a zip archive: your records from every system and the files you uploaded.</p>
        <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={() => void start({ kind: 'access' })}
          data-testid="privacy-access">
          {busy === 'access' ? 'Sending the request…' : 'Download my data'}
        </button>
        {shown('access')}
      </div>

      <form className="privacy-action" onSubmit={correct} aria-labelledby="privacy-rectify-title">
        <h3 id="privacy-rectify-title">Correct your data</h3>
        <InputField label="Display name" testId="privacy-display-name" autoComplete="nickname" required maxLength={100}
          value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="btn btn-primary" disabled={busy !== null || !name.trim()} data-testid="privacy-rectify">
          {busy === 'rectification' ? 'Sending the request…' : 'Correct my data'}
        </button>
        {shown('rectification')}
      </form>

      <div className="privacy-action">
        <h3>Delete your account</h3>
        {confirmingErase
          ? <EraseConfirm busy={busy === 'erasure'} onConfirm={() => void start({ kind: 'erasure' })} onCancel={() => setConfirmingErase(false)} />
          : (
            <button type="button" className="btn btn-ghost" disabled={busy !== null} data-testid="privacy-erase"
              onClick={() => { setOutcome(null); setConfirmingErase(true) }}>
              Delete my account and data
            </button>
          )}
        {shown('erasure')}
      </div>
    </section>
  )
}
