import { useEffect, useState } from 'react'
import type { Brand } from '../../../domain/brands'
import type { FanSession } from '../fan-session'
import { mediaHref } from './media-paths'
import { MediaShell } from './MediaShell'
import { SearchResultCard } from './SearchResultCard'
import { useMediaSearch } from './use-media-search'

type SearchPageProps = { brand: Brand; initialQuery: string; session: FanSession | null }

/** /<brand>/search?q=: the brand's published videos matching what the fan types (typos forgiven), newest first when empty. */
export function SearchPage({ brand, initialQuery, session }: SearchPageProps) {
  const [text, setText] = useState(initialQuery)
  const search = useMediaSearch(brand.slug, text, session?.token ?? null)

  useEffect(() => {
    // keep the address shareable and the back button sensible without adding a history entry per keystroke
    window.history.replaceState(null, '', mediaHref(brand.slug, { page: 'search', q: search.query }))
  }, [brand.slug, search.query])

  return (
    <MediaShell brand={brand} title="Find videos" testId="search-page" search={false}>
      <form className="media-search-form" role="search" onSubmit={(event) => event.preventDefault()}>
        <label className="field">
          <span>Search videos</span>
          <input type="search" value={text} maxLength={200} autoComplete="off" autoFocus onChange={(e) => setText(e.target.value)}
            data-testid="search-input" />
        </label>
      </form>
      <p className="form-note" role="status" data-testid="search-summary">
        {search.loading && !search.loaded ? 'Searching…' : search.query ? `${search.total} ${search.total === 1 ? 'video' : 'videos'}` : ''}
      </p>
      {search.error && <p className="form-error" role="alert" data-testid="search-error">{search.error}</p>}
      {search.loaded && search.hits.length === 0 && (
        <p className="posts-empty" data-testid="search-empty">{search.query ? 'No videos match' : 'No videos here yet.'}</p>
      )}
      <ul className="media-grid" aria-label="Search results" data-testid="search-results">
        {search.hits.map((hit) => <SearchResultCard key={hit.id} slug={brand.slug} hit={hit} />)}
      </ul>
      {search.hasMore && (
        <button type="button" className="btn btn-ghost" disabled={search.loading} onClick={search.loadMore} data-testid="search-more">
          {search.loading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </MediaShell>
  )
}
