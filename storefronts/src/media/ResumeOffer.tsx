import type { RememberedUpload } from './upload-memory'

type ResumeOfferProps = { upload: RememberedUpload; disabled: boolean; onResume: () => void; onStartOver: () => void }

/** Shown when the picked file is one an unfinished upload was started with: carry on where it stopped, or start again. */
export function ResumeOffer({ upload, disabled, onResume, onStartOver }: ResumeOfferProps) {
  return (
    <div className="media-resume" role="group" aria-label="Unfinished upload" data-testid="upload-resume-offer">
      <p>
        You started uploading “{upload.title}” with this file on {new Date(upload.startedAt).toLocaleString()}.
        Only the parts that did not arrive will be sent.
      </p>
      <div className="actions">
        <button type="button" className="btn btn-primary" disabled={disabled} onClick={onResume} data-testid="upload-resume">Resume upload</button>
        <button type="button" className="btn btn-ghost" disabled={disabled} onClick={onStartOver} data-testid="upload-start-over">
          Start a new upload instead
        </button>
      </div>
    </div>
  )
}
