import type { IngestProgress } from './media-types'
import { STAGE_LABEL } from './media-status'
import { ProgressBar } from './ProgressBar'

const RENDITION_STATE = { pending: 'waiting', running: 'converting', done: 'done', failed: 'failed' } as const

/** The running ingest: its stage, overall progress, and each rendition's own progress as the transcoder reports it. */
export function IngestProgressView({ progress }: { progress: IngestProgress }) {
  return (
    <section className="media-ingest" aria-label="Processing" data-testid="ingest-progress" data-stage={progress.stage}>
      <p role="status" data-testid="ingest-stage">{STAGE_LABEL[progress.stage] ?? progress.stage}</p>
      <ProgressBar label="Processing progress" percent={progress.percent} testId="ingest-overall" />
      {progress.renditions.length > 0 && (
        <ul className="media-renditions" aria-label="Renditions">
          {progress.renditions.map((r) => (
            <li key={r.name} data-testid={`rendition-${r.name}`} data-state={r.state}>
              <ProgressBar label={`${r.name} rendition`} percent={r.percent} testId={`rendition-${r.name}-progress`}
                valueText={`${Math.round(r.percent)} % · ${RENDITION_STATE[r.state] ?? r.state}`}
                tone={r.state === 'failed' ? 'failed' : r.state === 'done' ? 'done' : undefined} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
