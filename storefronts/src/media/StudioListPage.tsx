import { useCallback, useEffect, useState } from 'react'
import type { Brand } from '../../../domain/brands'
import { ApiError } from '../api'
import type { FanSession } from '../fan-session'
import { messageOf } from '../signup/signup-api'
import { listStudioMedia } from './media-api'
import { mediaHref } from './media-paths'
import type { MediaView } from './media-types'
import { MediaShell } from './MediaShell'
import { StatusChip } from './StatusChip'
import { StudioGate } from './StudioGate'

type StudioListPageProps = { brand: Brand; session: FanSession | null; onSignIn: () => void; onSessionExpired: () => void }

/** /<brand>/studio/media: the creator's videos on this brand, newest first, each with its status. */
export function StudioListPage({ brand, session, onSignIn, onSessionExpired }: StudioListPageProps) {
  const upload = <a className="btn btn-primary" href={mediaHref(brand.slug, { page: 'studio-upload' })} data-testid="studio-upload-link">Upload video</a>
  return (
    <MediaShell brand={brand} title="Your videos" testId="studio-list-page" actions={session ? upload : undefined}>
      <StudioGate brand={brand} token={session?.token ?? null} onSignIn={onSignIn} onSessionExpired={onSessionExpired}>
        {session && <StudioList brand={brand} token={session.token} onSessionExpired={onSessionExpired} />}
      </StudioGate>
    </MediaShell>
  )
}

function StudioList({ brand, token, onSessionExpired }: { brand: Brand; token: string; onSessionExpired: () => void }) {
  const [items, setItems] = useState<MediaView[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      setItems((await listStudioMedia(brand.slug, token)).items)
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) onSessionExpired()
      setError(messageOf(caught))
    }
  }, [brand.slug, token, onSessionExpired])

  useEffect(() => {
    void load()
  }, [load])

  if (error) return <p className="form-error" role="alert" data-testid="studio-list-error">{error}</p>
  if (!items) return <p role="status">Loading…</p>
  if (items.length === 0) return <p data-testid="studio-list-empty">You have not uploaded any videos yet.</p>
  return (
    <ul className="media-studio-list" data-testid="studio-list">
      {items.map((item) => (
        <li key={item.id} data-testid={`studio-media-${item.id}`} data-status={item.status}>
          <a className="media-studio-row" href={mediaHref(brand.slug, { page: 'studio-item', id: item.id })}>
            {item.thumbnailUrl ? <img className="media-thumb" src={item.thumbnailUrl} alt="" /> : <span className="media-thumb media-thumb-empty" aria-hidden="true" />}
            <span className="media-row-title">{item.title}</span>
            <StatusChip status={item.status} />
            <time dateTime={item.createdAt}>{new Date(item.createdAt).toLocaleDateString()}</time>
          </a>
        </li>
      ))}
    </ul>
  )
}
