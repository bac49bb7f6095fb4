/** The media pages of a brand: creator studio (upload, list, one item, earnings), a public video, search. */
import type { BrandSlug } from '../../../domain/brands'
import { PAGES, pageHref } from '../signup/paths'

export type MediaRoute =
  | { page: 'studio-upload' }
  | { page: 'studio-list' }
  | { page: 'studio-item'; id: string }
  | { page: 'studio-earnings' }
  | { page: 'item'; id: string }
  | { page: 'search'; q: string }

// ids are uuids; anything else is not one of these pages
const ID = /^[0-9a-f-]{8,64}$/i
const decode = (segment: string) => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** The media page a path names (/boyfanz/studio/media/<id>, or on the brand's host /studio/media/<id>), or null. */
export function mediaRouteOf(slug: BrandSlug, pathname: string, search = ''): MediaRoute | null {
  const segments = pathname.split('/').filter(Boolean).map(decode)
  const rest = segments[0]?.toLowerCase() === slug ? segments.slice(1) : segments
  const [a = '', b = '', c = '', ...more] = rest
  if (more.length > 0) return null
  const first = a.toLowerCase()
  const second = b.toLowerCase()
  if (first === 'search' && !b) return { page: 'search', q: new URLSearchParams(search).get('q') ?? '' }
  if (first === 'media' && ID.test(b) && !c) return { page: 'item', id: b }
  if (first !== 'studio') return null
  if (second === 'upload' && !c) return { page: 'studio-upload' }
  if (second === 'media' && !c) return { page: 'studio-list' }
  if (second === 'earnings' && !c) return { page: 'studio-earnings' }
  if (second === 'media' && ID.test(c)) return { page: 'studio-item', id: c }
  return null
}

/** Link to a media page, in the same form (host or path) the brand was opened with. */
export function mediaHref(slug: BrandSlug, route: MediaRoute, loc: Pick<Location, 'host'> = window.location): string {
  const home = pageHref(slug, PAGES.home, loc)
  const prefix = home === '/' ? '' : home
  const id = 'id' in route ? encodeURIComponent(route.id) : ''
  switch (route.page) {
    case 'studio-upload':
      return `${prefix}/studio/upload`
    case 'studio-list':
      return `${prefix}/studio/media`
    case 'studio-item':
      return `${prefix}/studio/media/${id}`
    case 'studio-earnings':
      return `${prefix}/studio/earnings`
    case 'item':
      return `${prefix}/media/${id}`
    case 'search':
      return `${prefix}/search${route.q ? `?q=${encodeURIComponent(route.q)}` : ''}`
  }
}
