import { useState } from 'react'
import { ApiError } from '../api'
import { ApiErrorNote, isSessionEnded } from './ApiErrorNote'
import { dateText, downloadExpired } from './format'
import { downloadArchive } from './privacy-api'
import type { PrivacyRequest } from './types'

type ArchiveButtonProps = { request: PrivacyRequest; token: string; onSessionExpired: () => void }

/** A completed access request's archive, fetched with the session's token; once the link has run out, a new request is needed. */
export function ArchiveButton({ request, token, onSessionExpired }: ArchiveButtonProps) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [gone, setGone] = useState(false)

  if (gone || downloadExpired(request)) {
    return (
      <p className="form-note" data-testid="privacy-download-expired">
        Download link expired{request.download?.expiresAt ? ` on ${dateText(request.download.expiresAt)}` : ''}. Ask for a new copy with
        {' '}"Download my data".
      </p>
    )
  }
  if (!request.download?.available) return null

  const download = async () => {
    setBusy(true)
    setError(null)
    try {
      await downloadArchive(request.id, token)
    } catch (caught) {
      if (isSessionEnded(caught)) onSessionExpired()
      if (caught instanceof ApiError && caught.status === 410) setGone(true)
      else setError(caught)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="privacy-download">
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void download()} data-testid="privacy-download">
        {busy ? 'Preparing the download…' : 'Download archive'}
      </button>
      {request.download.expiresAt && <p className="form-note">Available until {new Date(request.download.expiresAt).toLocaleString()}.</p>}
      {error !== null && <ApiErrorNote error={error} testId="privacy-download-error" />}
    </div>
  )
}
