import { useState } from 'react'
import { ApiError } from '../api'
import { messageOf } from '../signup/signup-api'
import { deleteMedia } from './media-api'
import { forgetUpload } from './upload-memory'

type DeleteMediaProps = { mediaId: string; token: string; processing: boolean; onDeleted: () => void; onSessionExpired: () => void }

/** Delete, after a confirmation; while the video is still processing the pipeline stops and removes what it made. */
export function DeleteMedia({ mediaId, token, processing, onDeleted, onSessionExpired }: DeleteMediaProps) {
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const remove = async () => {
    setBusy(true)
    setError(null)
    try {
      await deleteMedia(mediaId, token)
      forgetUpload(window.localStorage, mediaId)
      onDeleted()
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) onSessionExpired()
      setError(messageOf(caught))
      setBusy(false)
    }
  }

  if (!confirming) {
    return <button type="button" className="btn btn-ghost" onClick={() => setConfirming(true)} data-testid="media-delete">Delete</button>
  }
  return (
    <div className="media-confirm" role="group" aria-label="Confirm delete" data-testid="media-delete-confirm">
      <p>Delete this video for good?{processing ? ' Processing stops and everything made so far is removed.' : ''}</p>
      {error && <p className="form-error" role="alert" data-testid="media-delete-error">{error}</p>}
      <div className="actions">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void remove()} data-testid="media-delete-yes">
          {busy ? 'Deleting…' : 'Yes, delete'}
        </button>
        <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => setConfirming(false)} data-testid="media-delete-no">
          Keep it
        </button>
      </div>
    </div>
  )
}
