import type { BrandSlug } from '../../../domain/brands'
import { accessText, formatClock } from './format'
import { highlightParts, plainText } from './highlight'
import { Highlighted } from './Highlighted'
import { mediaHref } from './media-paths'
import type { SearchHit } from './media-types'

/** One search result: thumbnail, title with the matched words marked, creator, length and how to get access. */
export function SearchResultCard({ slug, hit }: { slug: BrandSlug; hit: SearchHit }) {
  const parts = hit.highlight ? highlightParts(hit.highlight) : []
  // the highlight may come from the title or from the caption: mark the title only when it is the title
  const titleMarked = parts.length > 0 && plainText(parts) === hit.title
  return (
    <li className="media-card" data-testid={`search-hit-${hit.id}`}>
      <a className="media-card-link" href={mediaHref(slug, { page: 'item', id: hit.id })}>
        <span className="media-card-thumb">
          {hit.thumbnailUrl ? <img src={hit.thumbnailUrl} alt="" loading="lazy" /> : <span className="media-thumb-empty" aria-hidden="true" />}
          {hit.durationSeconds !== null && <span className="media-duration" data-testid="search-hit-duration">{formatClock(hit.durationSeconds)}</span>}
        </span>
        <span className="media-card-title" data-testid="search-hit-title">{titleMarked ? <Highlighted parts={parts} /> : hit.title}</span>
      </a>
      {parts.length > 0 && !titleMarked && <p className="media-card-snippet" data-testid="search-hit-snippet"><Highlighted parts={parts} /></p>}
      <p className="post-creator">{hit.creatorName}</p>
      <p className="form-note" data-testid="search-hit-access">{accessText(hit.access, hit.priceMinor, hit.currency)}</p>
    </li>
  )
}
