import { useCallback, useEffect, useState } from 'react'
import type { Brand } from '../../../domain/brands'
import type { FanSession } from '../fan-session'
import { MediaShell } from '../media/MediaShell'
import { messageOf } from '../signup/signup-api'
import { BuyPanel } from './BuyPanel'
import { collectibleHref } from './collectible-paths'
import type { Edition } from './collectibles-api'
import { collectiblesApi } from './collectibles-api'
import { EditionCard } from './EditionCard'
import './collectibles.css'

type CollectiblesPageProps = { brand: Brand; session: FanSession | null; onSignIn: () => void; onSessionExpired: () => void }

/** /<brand>/collectibles: the brand's editions on sale or sold out; buying asks for sign-in first, then opens the buy panel. */
export function CollectiblesPage({ brand, session, onSignIn, onSessionExpired }: CollectiblesPageProps) {
  const [editions, setEditions] = useState<Edition[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [wanted, setWanted] = useState<Edition | null>(null)
  const [round, setRound] = useState(0)
  const token = session?.token ?? null
  const myHref = collectibleHref(brand.slug, { page: 'my-collectibles' })

  useEffect(() => {
    let active = true
    collectiblesApi.editions(brand.slug).then(
      (page) => active && setEditions(page.data),
      (caught: unknown) => active && setError(messageOf(caught)),
    )
    return () => {
      active = false
    }
  }, [brand.slug, round])
  // a finished sale changes how many are sold: show the new count behind the outcome
  const reload = useCallback(() => setRound((r) => r + 1), [])

  const buy = (edition: Edition) => {
    setWanted(edition)
    if (!token) onSignIn()
  }

  const mine = session ? <a className="btn btn-ghost" href={myHref} data-testid="collectibles-mine-link">My collectibles</a> : undefined
  return (
    <MediaShell brand={brand} title="Collectibles" testId="collectibles-page" actions={mine}>
      <p className="collectibles-intro">Limited editions of creators’ videos. Each token is numbered and minted to your Fanz wallet.</p>
      {error && <p className="form-error" role="alert" data-testid="collectibles-error">{error}</p>}
      {!editions && !error && <p role="status">Loading…</p>}
      {editions?.length === 0 && <p className="posts-empty" data-testid="collectibles-empty">No collectibles on {brand.name} yet.</p>}
      <div className="posts-grid" data-testid="collectibles-grid">
        {editions?.map((e) => <EditionCard key={e.id} edition={e} own={session?.fan.id === e.creator.id} onBuy={buy} />)}
      </div>
      {wanted && token && (
        <BuyPanel edition={wanted} token={token} myCollectiblesHref={myHref} onSettled={reload} onSessionExpired={onSessionExpired}
          onClose={() => setWanted(null)} />
      )}
    </MediaShell>
  )
}
