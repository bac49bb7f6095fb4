import type { Brand } from '../../../domain/brands'
import type { FanSession } from '../fan-session'
import { MediaShell } from '../media/MediaShell'
import { useLoad } from '../payouts/use-load'
import { collectibleHref } from './collectible-paths'
import type { MyCollectibles, OwnedToken } from './collectibles-api'
import { collectiblesApi } from './collectibles-api'
import { shortHex } from './format'
import './collectibles.css'

type MyCollectiblesPageProps = { brand: Brand; session: FanSession | null; onSignIn: () => void; onSessionExpired: () => void }

/** /<brand>/account/collectibles: the fan's custodial wallet and every token minted to it, newest first. */
export function MyCollectiblesPage({ brand, session, onSignIn, onSessionExpired }: MyCollectiblesPageProps) {
  const browse = <a className="btn btn-ghost" href={collectibleHref(brand.slug, { page: 'collectibles' })} data-testid="my-collectibles-browse">Browse collectibles</a>
  return (
    <MediaShell brand={brand} title="My collectibles" testId="my-collectibles-page" actions={browse}>
      {session ? (
        <Owned token={session.token} onSessionExpired={onSessionExpired} />
      ) : (
        <>
          <p>Sign in to see your collectibles.</p>
          <button type="button" className="btn btn-primary" onClick={onSignIn} data-testid="my-collectibles-signin">Sign in</button>
        </>
      )}
    </MediaShell>
  )
}

function Owned({ token, onSessionExpired }: { token: string; onSessionExpired: () => void }) {
  const mine = useLoad<MyCollectibles>(collectiblesApi.mine, token, onSessionExpired)
  if (mine.error) return <p className="form-error" role="alert" data-testid="my-collectibles-error">{mine.error}</p>
  if (!mine.data) return <p role="status">Loading…</p>
  const { wallet, data } = mine.data
  return (
    <div className="collectibles-mine">
      <section className="collectible-wallet" data-testid="my-wallet" aria-label="Your wallet">
        <h2>Your wallet</h2>
        {wallet
          ? <p className="collectible-hex" data-testid="my-wallet-address">{wallet.address}</p>
          : <p data-testid="my-wallet-none">No wallet yet: Fanz opens one for you with your first collectible.</p>}
        <p className="form-note">A custodial wallet Fanz keeps for you; tokens are minted straight to it.</p>
      </section>
      {data.length === 0
        ? <p className="posts-empty" data-testid="my-tokens-empty">You have no collectibles yet.</p>
        : <ul className="collectible-tokens" data-testid="my-tokens">{data.map((t) => <TokenRow key={t.tokenId} t={t} />)}</ul>}
    </div>
  )
}

function TokenRow({ t }: { t: OwnedToken }) {
  const e = t.edition
  return (
    <li className="collectible-token" data-testid="my-token" data-token-id={t.tokenId} data-serial={t.serial} data-edition-id={e?.id ?? ''} data-tx-hash={t.txHash ?? ''}>
      {e?.thumbnailUrl ? <img className="media-thumb" src={e.thumbnailUrl} alt="" /> : <span className="media-thumb media-thumb-empty" aria-hidden="true" />}
      <div className="collectible-token-body">
        <strong data-testid="my-token-title">{e?.title ?? 'Collectible'}</strong>
        <span>
          <span data-testid="my-token-serial">#{t.serial}</span>{e ? ` of ${e.maxSupply}` : ''}{e ? ` · ${e.creator.name}` : ''}
          {e?.status === 'TAKEN_DOWN' ? ' · removed by the platform' : ''}
        </span>
        <small>Token id <span data-testid="my-token-id">{t.tokenId}</span></small>
        <small className="collectible-hex" title={t.txHash ?? ''}>Transaction {shortHex(t.txHash)}</small>
      </div>
      <time dateTime={t.mintedAt ?? undefined}>{t.mintedAt ? new Date(t.mintedAt).toLocaleDateString() : '—'}</time>
    </li>
  )
}
