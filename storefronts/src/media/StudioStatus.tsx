import type { ReactNode } from 'react'
import type { BrandSlug } from '../../../domain/brands'
import { AppealForm } from './AppealForm'
import { mediaHref } from './media-paths'
import { PERFORMER_STATUS, reasonText } from './media-status'
import type { MediaView } from './media-types'

type StudioStatusProps = { slug: BrandSlug; item: MediaView; token: string; onChanged: () => void; onSessionExpired: () => void }

/** What the status means for the creator, and what they can do about it now. */
export function StudioStatus({ slug, item, token, onChanged, onSessionExpired }: StudioStatusProps) {
  const line = (text: string) => <p className="status-line" role="status" data-testid="media-status-text" data-status={item.status}>{text}</p>
  switch (item.status) {
    case 'UPLOADING':
      return (
        <>
          {line('The file has not finished uploading.')}
          <p>To carry on, open <a href={mediaHref(slug, { page: 'studio-upload' })}>Upload video</a> in this browser and pick the same file again.</p>
        </>
      )
    case 'PROCESSING':
      return line('We are checking and converting your video. This page updates by itself.')
    case 'IN_REVIEW':
      return line('Waiting for a moderator')
    case 'AWAITING_PERFORMERS':
      return (
        <>
          {line('Approved. It is published as soon as every performer’s 2257 record is verified.')}
          <ul className="media-performers" aria-label="Performers" data-testid="media-performers">
            {(item.performers ?? []).map((p) => (
              <li key={p.id} data-testid={`performer-${p.id}`} data-status={p.status}>
                <strong>{p.alias}</strong> ({p.role === 'uploader' ? 'you' : 'co-performer'}): {PERFORMER_STATUS[p.status] ?? p.status}
              </li>
            ))}
          </ul>
        </>
      )
    case 'PUBLISHED':
      return (
        <>
          {line('Published.')}
          <a className="btn btn-primary" href={mediaHref(slug, { page: 'item', id: item.id })} data-testid="media-public-link">View the public page</a>
        </>
      )
    case 'REJECTED':
      return <Rejected item={item} token={token} onChanged={onChanged} onSessionExpired={onSessionExpired} line={line} />
    case 'FAILED':
      return line(item.failureReason ?? 'The video could not be processed.')
    case 'TAKEN_DOWN':
      return line(`Taken down: ${reasonText(item.decisionReason)}.`)
    default:
      return line('Deleted.')
  }
}

type RejectedProps = Omit<StudioStatusProps, 'slug'> & { line: (text: string) => ReactNode }

function Rejected({ item, token, onChanged, onSessionExpired, line }: RejectedProps) {
  const appealed = item.appealed ?? item.progress?.appealed ?? false
  const open = item.appealDeadline !== null && new Date(item.appealDeadline).getTime() > Date.now()
  return (
    <>
      {line(`Rejected: ${reasonText(item.decisionReason)}.`)}
      {appealed && <p data-testid="media-appealed">Your appeal is with a second moderator.</p>}
      {!appealed && open && item.appealDeadline && (
        <AppealForm mediaId={item.id} token={token} deadline={item.appealDeadline} onAppealed={onChanged} onSessionExpired={onSessionExpired} />
      )}
      {!appealed && !open && item.appealDeadline && (
        <p className="form-note" data-testid="media-appeal-closed">The appeal window closed on {new Date(item.appealDeadline).toLocaleString()}.</p>
      )}
    </>
  )
}
