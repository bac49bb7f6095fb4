import { formatBytes } from '../../../domain/media/upload-policy.ts'
import { formatDuration, progressPercent } from '../../../domain/media/upload-plan.ts'
import { ProgressBar } from './ProgressBar'
import type { UploadState } from './use-upload'

type UploadStatusProps = { state: UploadState; fileName: string | null; onPause: () => void; onResume: () => void }

const transferText = (s: UploadState) => {
  const parts = [`${formatBytes(s.sentBytes)} of ${formatBytes(s.totalBytes)}`]
  if (s.phase === 'uploading') {
    parts.push(s.rate === null ? 'measuring speed…' : `${formatBytes(s.rate)}/s`)
    if (s.secondsLeft !== null) parts.push(`about ${formatDuration(s.secondsLeft)} left`)
  }
  return parts.join(' · ')
}

/** Where the upload stands: the checksum, the transfer with speed and time left, pause and resume, what went wrong. */
export function UploadStatus({ state, fileName, onPause, onResume }: UploadStatusProps) {
  if (state.phase === 'hashing') {
    return (
      <div className="media-upload-status" data-testid="upload-status" data-phase={state.phase}>
        <p role="status" data-testid="upload-hashing">Checking file… {state.hashPercent} %</p>
        <ProgressBar label="Checksum progress" percent={state.hashPercent} testId="upload-hash-progress" />
      </div>
    )
  }
  if (state.phase === 'starting') {
    return <p className="media-upload-status" role="status" data-testid="upload-status" data-phase={state.phase}>Preparing the upload…</p>
  }
  const percent = progressPercent(state.sentBytes, state.totalBytes)
  return (
    <div className="media-upload-status" data-testid="upload-status" data-phase={state.phase}>
      {fileName && <p className="form-note">{fileName}</p>}
      <ProgressBar label="Upload progress" percent={percent} testId="upload-progress" tone={state.phase === 'failed' ? 'failed' : undefined} />
      <p className="media-transfer" data-testid="upload-transfer">{transferText(state)}</p>
      <p role="status" data-testid="upload-phase">
        {state.phase === 'paused' && 'Paused. Resume whenever you like, even after closing this page: pick the same file again.'}
        {state.phase === 'completing' && 'Finishing the upload…'}
        {state.phase === 'done' && 'Upload complete. Opening your video…'}
      </p>
      {state.phase === 'failed' && state.error && <p className="form-error" role="alert" data-testid="upload-error">{state.error.message}</p>}
      <div className="actions">
        {state.phase === 'uploading' && (
          <button type="button" className="btn btn-ghost" onClick={onPause} data-testid="upload-pause">Pause</button>
        )}
        {(state.phase === 'paused' || state.phase === 'failed') && (
          <button type="button" className="btn btn-primary" onClick={onResume} data-testid="upload-resume-transfer">
            {state.phase === 'paused' ? 'Resume' : 'Try again'}
          </button>
        )}
      </div>
    </div>
  )
}
