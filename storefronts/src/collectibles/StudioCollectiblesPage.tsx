import { useCallback, useEffect } from 'react'
import type { Brand } from '../../../domain/brands'
import { ApiError } from '../api'
import type { FanSession } from '../fan-session'
import { mediaHref } from '../media/media-paths'
import { MediaShell } from '../media/MediaShell'
import { StudioGate } from '../media/StudioGate'
import '../payouts/payouts.css'
import { messageOf } from '../signup/signup-api'
import { usePoll } from '../signup/use-poll'
import type { Edition } from './collectibles-api'
import { collectiblesApi } from './collectibles-api'
import { EditionForm } from './EditionForm'
import { isSettling } from './format'
import { StudioEditions } from './StudioEditions'
import './collectibles.css'

type StudioCollectiblesPageProps = { brand: Brand; session: FanSession | null; onSignIn: () => void; onSessionExpired: () => void }

const POLL_MS = 3000
const settling = (editions: Edition[]) => editions.some((e) => isSettling(e.status))

/** /<brand>/studio/collectibles: the creator's editions (with why one was refused) and the form to make one from a published video. */
export function StudioCollectiblesPage({ brand, session, onSignIn, onSessionExpired }: StudioCollectiblesPageProps) {
  const videos = <a className="btn btn-ghost" href={mediaHref(brand.slug, { page: 'studio-list' })} data-testid="studio-collectibles-videos-link">Your videos</a>
  return (
    <MediaShell brand={brand} title="Your collectibles" testId="studio-collectibles-page" actions={session ? videos : undefined}>
      <StudioGate brand={brand} token={session?.token ?? null} onSignIn={onSignIn} onSessionExpired={onSessionExpired}>
        {session && <Studio brand={brand} token={session.token} onSessionExpired={onSessionExpired} />}
      </StudioGate>
    </MediaShell>
  )
}

function Studio({ brand, token, onSessionExpired }: { brand: Brand; token: string; onSessionExpired: () => void }) {
  // every brand's editions come back; this studio shows the ones of its brand
  const load = useCallback(async () => (await collectiblesApi.myEditions(token)).data.filter((e) => e.brand === brand.slug), [brand.slug, token])
  // while one is being checked or going on chain, ask again until it settles
  const editions = usePoll(load, POLL_MS, settling)
  const expired = editions.error instanceof ApiError && editions.error.status === 401
  useEffect(() => {
    if (expired) onSessionExpired()
  }, [expired, onSessionExpired])
  return (
    <div className="earnings">
      <StudioEditions editions={editions.value} error={editions.error ? messageOf(editions.error) : null} />
      <EditionForm brand={brand.slug} token={token} onSessionExpired={onSessionExpired} onCreated={editions.reload} />
    </div>
  )
}
