import type { FormEvent } from 'react'
import { useState } from 'react'
import { ApiError } from '../api'
import { messageOf } from '../signup/signup-api'
import { appealMedia } from './media-api'

const MIN_REASON = 10

type AppealFormProps = { mediaId: string; token: string; deadline: string; onAppealed: () => void; onSessionExpired: () => void }

/** The creator asks a second moderator to look again, before the appeal window closes. */
export function AppealForm({ mediaId, token, deadline, onAppealed, onSessionExpired }: AppealFormProps) {
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (reason.trim().length < MIN_REASON) return setError(`Explain in at least ${MIN_REASON} characters why the decision is wrong.`)
    setBusy(true)
    setError(null)
    try {
      await appealMedia(mediaId, reason.trim(), token)
      onAppealed()
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) onSessionExpired()
      setError(messageOf(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="form media-appeal" onSubmit={(event) => void submit(event)} aria-label="Appeal the decision" data-testid="appeal-form">
      <p className="form-note">You can appeal until {new Date(deadline).toLocaleString()}.</p>
      <div className="field">
        <label htmlFor="appeal-reason">Appeal reason</label>
        <textarea id="appeal-reason" rows={4} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)}
          aria-invalid={error ? true : undefined} aria-describedby={error ? 'appeal-error' : undefined} data-testid="appeal-reason" />
      </div>
      {error && <p id="appeal-error" className="form-error" role="alert" data-testid="appeal-error">{error}</p>}
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="appeal-submit">{busy ? 'Sending…' : 'Appeal'}</button>
    </form>
  )
}
