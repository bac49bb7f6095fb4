import { useCallback, useEffect, useState } from 'react'
import type { Brand } from '../../../domain/brands'
import { ApiError } from '../api'
import type { FanSession } from '../fan-session'
import { messageOf } from '../signup/signup-api'
import { accessText } from './format'
import { HlsVideo } from './HlsVideo'
import { LockedOffer } from './LockedOffer'
import type { PlaybackAnswer } from './media-api'
import { getMedia, getPlayback } from './media-api'
import type { MediaView } from './media-types'
import { MediaShell } from './MediaShell'

type MediaItemPageProps = { brand: Brand; id: string; session: FanSession | null; onSignIn: () => void; onSessionExpired: () => void }

/** /<brand>/media/<id>: a published video; fans who may watch get the player, others the offer that unlocks it. */
export function MediaItemPage({ brand, id, session, onSignIn, onSessionExpired }: MediaItemPageProps) {
  const token = session?.token ?? null
  const [item, setItem] = useState<MediaView | null>(null)
  const [answer, setAnswer] = useState<PlaybackAnswer | null>(null)
  const [error, setError] = useState<string | null>(null)

  const refused = useCallback((caught: unknown) => {
    if (caught instanceof ApiError && caught.status === 401 && token) onSessionExpired()
    setError(caught instanceof ApiError && caught.status === 404 ? 'This video is not available.' : messageOf(caught))
  }, [token, onSessionExpired])

  useEffect(() => {
    getMedia(id, token).then(setItem, refused)
  }, [id, token, refused])

  const loadPlayback = useCallback(() => {
    setError(null)
    getPlayback(id, token).then((next) => {
      // a stored session the API no longer knows: signed out, then asked to sign in again
      if (next.kind === 'sign-in' && token) onSessionExpired()
      setAnswer(next)
    }, refused)
  }, [id, token, refused, onSessionExpired])

  useEffect(() => {
    loadPlayback()
  }, [loadPlayback])

  return (
    <MediaShell brand={brand} title={item?.title ?? 'Video'} testId="media-item-page">
      {error && <p className="form-error" role="alert" data-testid="media-item-error">{error}</p>}
      {item && (
        <article className="media-item" data-testid="media-item">
          {answer?.kind === 'play' && (
            <HlsVideo src={answer.playback.playlistUrl} poster={answer.playback.posterUrl ?? item.thumbnailUrl} onReload={loadPlayback} />
          )}
          {answer?.kind === 'locked' && token && (
            <LockedOffer slug={brand.slug} item={item} offer={answer.offer} message={answer.message} token={token}
              onUnlocked={loadPlayback} onSessionExpired={onSessionExpired} />
          )}
          {(answer?.kind === 'sign-in' || (answer?.kind === 'locked' && !token)) && (
            <div className="media-locked" data-testid="media-signin-needed">
              {item.thumbnailUrl && <img className="media-locked-poster" src={item.thumbnailUrl} alt="" />}
              <div className="media-locked-body">
                <button type="button" className="btn btn-primary" onClick={onSignIn} data-testid="media-signin">Sign in to watch</button>
              </div>
            </div>
          )}
          <p className="post-creator" data-testid="media-creator">{item.creatorName}</p>
          <p className="form-note" data-testid="media-access">{accessText(item.access, item.priceMinor, item.currency)}</p>
          {item.caption && <p className="media-caption" data-testid="media-caption">{item.caption}</p>}
          {item.tags.length > 0 && (
            <ul className="media-tags" aria-label="Tags" data-testid="media-tags">
              {item.tags.map((tag) => <li key={tag}>{tag}</li>)}
            </ul>
          )}
        </article>
      )}
    </MediaShell>
  )
}
