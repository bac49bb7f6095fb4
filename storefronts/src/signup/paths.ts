import type { BrandSlug } from '../../../domain/brands'

/** The storefront's pages besides the landing page, by their path under the brand. */
export const PAGES = {
  home: '', signup: 'signup', verifyEmail: 'verify-email', onboarding: 'onboarding', account: 'account',
  subscriptions: 'account/subscriptions', privacy: 'account/privacy',
} as const
export type Page = (typeof PAGES)[keyof typeof PAGES]

const KNOWN: readonly string[] = Object.values(PAGES)

// on a brand's own host (boyfanz.example.com) pages sit at the root; otherwise under the brand's path (/boyfanz)
const hostBrand = (host: string) => host.split(':')[0]?.split('.')[0]?.toLowerCase() ?? ''

/** The page a path names (/boyfanz/signup or, on the brand's host, /signup); unknown paths show the landing page. */
export function pageOf(slug: BrandSlug, pathname: string): Page {
  const segments = pathname.split('/').filter(Boolean)
  const rest = segments[0]?.toLowerCase() === slug ? segments.slice(1) : segments
  const name = rest.join('/').toLowerCase()
  return KNOWN.includes(name) ? (name as Page) : PAGES.home
}

/** Link to one of the brand's pages, in the same form (host or path) the brand was opened with. */
export function pageHref(slug: BrandSlug, page: Page, loc: Pick<Location, 'host'> = window.location): string {
  const prefix = hostBrand(loc.host) === slug ? '' : `/${slug}`
  return page === PAGES.home ? prefix || '/' : `${prefix}/${page}`
}
