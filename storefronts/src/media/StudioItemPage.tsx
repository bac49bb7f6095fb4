import { useCallback, useEffect } from 'react'
import type { Brand } from '../../../domain/brands'
import { DELETABLE } from '../../../domain/media/review.ts'
import { formatBytes } from '../../../domain/media/upload-policy.ts'
import { ApiError } from '../api'
import type { FanSession } from '../fan-session'
import { formatPrice } from '../money'
import { messageOf } from '../signup/signup-api'
import { usePoll } from '../signup/use-poll'
import { DeleteMedia } from './DeleteMedia'
import { IngestProgressView } from './IngestProgressView'
import { getMedia } from './media-api'
import { mediaHref } from './media-paths'
import { IN_FLIGHT } from './media-status'
import type { MediaView } from './media-types'
import { MediaShell } from './MediaShell'
import { StatusChip } from './StatusChip'
import { StudioGate } from './StudioGate'
import { StudioStatus } from './StudioStatus'

const POLL_MS = 2_000
const inFlight = (item: MediaView) => IN_FLIGHT.includes(item.status)

type StudioItemPageProps = { brand: Brand; id: string; session: FanSession | null; onSignIn: () => void; onSessionExpired: () => void }

/** /<brand>/studio/media/<id>: one of the creator's videos, live while it is processed, then its outcome. */
export function StudioItemPage({ brand, id, session, onSignIn, onSessionExpired }: StudioItemPageProps) {
  const back = <a className="btn btn-ghost" href={mediaHref(brand.slug, { page: 'studio-list' })} data-testid="studio-list-link">Your videos</a>
  return (
    <MediaShell brand={brand} title="Your video" testId="studio-item-page" actions={back}>
      <StudioGate brand={brand} token={session?.token ?? null} onSignIn={onSignIn} onSessionExpired={onSessionExpired}>
        {session && <StudioItem brand={brand} id={id} token={session.token} onSessionExpired={onSessionExpired} />}
      </StudioGate>
    </MediaShell>
  )
}

function StudioItem({ brand, id, token, onSessionExpired }: { brand: Brand; id: string; token: string; onSessionExpired: () => void }) {
  const load = useCallback(() => getMedia(id, token), [id, token])
  const { value: item, error, reload } = usePoll(load, POLL_MS, inFlight)

  useEffect(() => {
    if (error instanceof ApiError && error.status === 401) onSessionExpired()
  }, [error, onSessionExpired])

  if (!item) return error ? <p className="form-error" role="alert" data-testid="studio-item-error">{messageOf(error)}</p> : <p role="status">Loading…</p>
  const price = item.access === 'ppv' && item.priceMinor !== null && item.currency ? formatPrice(item.priceMinor, item.currency) : null
  return (
    <article className="media-studio-item" data-testid="studio-item" data-status={item.status}>
      <div className="media-studio-head">
        {item.thumbnailUrl && <img className="media-thumb" src={item.thumbnailUrl} alt="" />}
        <div>
          <h2 className="media-item-title" data-testid="studio-item-title">{item.title}</h2>
          <p><StatusChip status={item.status} /></p>
          <p className="form-note">
            {item.fileName} · {formatBytes(item.sizeBytes)} · {price ? `pay-per-view ${price}` : 'subscribers only'} · uploaded {new Date(item.createdAt).toLocaleString()}
          </p>
        </div>
      </div>
      {item.progress && inFlight(item) && <IngestProgressView progress={item.progress} />}
      <StudioStatus slug={brand.slug} item={item} token={token} onChanged={reload} onSessionExpired={onSessionExpired} />
      {error !== null && <p className="form-error" role="alert">{messageOf(error)}</p>}
      {DELETABLE.has(item.status) && (
        <div className="actions">
          <DeleteMedia mediaId={item.id} token={token} processing={inFlight(item)} onSessionExpired={onSessionExpired}
            onDeleted={() => window.location.assign(mediaHref(brand.slug, { page: 'studio-list' }))} />
        </div>
      )}
    </article>
  )
}
