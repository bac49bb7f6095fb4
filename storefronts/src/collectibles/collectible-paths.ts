/** The collectible pages of a brand: the brand's editions, the fan's own tokens, the creator studio's editions. */
import type { BrandSlug } from '../../../domain/brands'
import { PAGES, pageHref } from '../signup/paths'

export type CollectibleRoute = { page: 'collectibles' } | { page: 'my-collectibles' } | { page: 'studio-collectibles' }

const PATHS: Readonly<Record<CollectibleRoute['page'], string>> = {
  collectibles: 'collectibles', 'my-collectibles': 'account/collectibles', 'studio-collectibles': 'studio/collectibles',
}

/** The collectible page a path names (/boyfanz/collectibles or, on the brand's host, /collectibles), or null. */
export function collectibleRouteOf(slug: BrandSlug, pathname: string): CollectibleRoute | null {
  const segments = pathname.split('/').filter(Boolean)
  const rest = segments[0]?.toLowerCase() === slug ? segments.slice(1) : segments
  const name = rest.join('/').toLowerCase()
  const page = (Object.keys(PATHS) as CollectibleRoute['page'][]).find((p) => PATHS[p] === name)
  return page ? { page } : null
}

/** Link to a collectible page, in the same form (host or path) the brand was opened with. */
export function collectibleHref(slug: BrandSlug, route: CollectibleRoute, loc: Pick<Location, 'host'> = window.location): string {
  const home = pageHref(slug, PAGES.home, loc)
  return `${home === '/' ? '' : home}/${PATHS[route.page]}`
}
