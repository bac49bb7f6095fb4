import type { Brand } from '../../../domain/brands'
import type { FanSession } from '../fan-session'
import type { CollectibleRoute } from './collectible-paths'
import { CollectiblesPage } from './CollectiblesPage'
import { MyCollectiblesPage } from './MyCollectiblesPage'
import { StudioCollectiblesPage } from './StudioCollectiblesPage'

type CollectiblePageProps = { route: CollectibleRoute; brand: Brand; session: FanSession | null; onSignIn: () => void; onSessionExpired: () => void }

/** The collectible page the path names: the brand's editions, the fan's tokens, or the creator studio's editions. */
export function CollectiblePage({ route, ...props }: CollectiblePageProps) {
  switch (route.page) {
    case 'collectibles':
      return <CollectiblesPage {...props} />
    case 'my-collectibles':
      return <MyCollectiblesPage {...props} />
    case 'studio-collectibles':
      return <StudioCollectiblesPage {...props} />
  }
}
