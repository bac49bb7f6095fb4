import type { Brand } from '../../../domain/brands'
import type { FanSession } from '../fan-session'
import { MediaItemPage } from './MediaItemPage'
import type { MediaRoute } from './media-paths'
import { SearchPage } from './SearchPage'
import { StudioItemPage } from './StudioItemPage'
import { StudioListPage } from './StudioListPage'
import { UploadPage } from './UploadPage'

type MediaPageProps = { route: MediaRoute; brand: Brand; session: FanSession | null; onSignIn: () => void; onSessionExpired: () => void }

/** The video page the path names: creator studio (upload, list, item), a public video, or search. */
export function MediaPage({ route, ...props }: MediaPageProps) {
  switch (route.page) {
    case 'studio-upload':
      return <UploadPage {...props} />
    case 'studio-list':
      return <StudioListPage {...props} />
    case 'studio-item':
      return <StudioItemPage id={route.id} {...props} />
    case 'item':
      return <MediaItemPage id={route.id} {...props} />
    case 'search':
      return <SearchPage brand={props.brand} session={props.session} initialQuery={route.q} />
  }
}
