import type { BrandSlug } from '../../../domain/brands'
import { mediaHref } from './media-paths'
import './media.css'

/** The compact video search of the storefront header: a plain GET form to the search page (works before scripts load). */
export function HeaderSearch({ slug }: { slug: BrandSlug }) {
  return (
    <form className="header-search" role="search" action={mediaHref(slug, { page: 'search', q: '' })} method="get" data-testid="header-search">
      <input type="search" name="q" aria-label="Search videos" placeholder="Search videos" autoComplete="off" maxLength={200}
        data-testid="header-search-input" />
      <button type="submit" className="btn btn-ghost" data-testid="header-search-submit">Search</button>
    </form>
  )
}
