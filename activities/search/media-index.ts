/** The storefront's media search: one document per media item in the content index, searched typo-tolerantly. */
import { SEARCH_INDEXES } from '../../domain/search-indexes.ts'
import type { SearchClient } from './client.ts'

/** What search knows of an item; `id` is the media id (also the document id). */
export type MediaSearchDoc = {
  id: string; postId: string; brand: string; creatorId: string; creatorName: string
  title: string; caption: string; tags: string[]; access: string; priceMinor: number | null; currency: string | null
  /** object key of the poster in the media bucket: the API presigns it per answer */
  thumbnailKey: string | null; durationSeconds: number | null
  /** safe search hides explicit items, and items not known to be safe (explicit unset) */
  explicit: boolean; nsfwScore: number | null
  status: string; publishedAt: string | null
}
export type MediaSearchHit = Omit<MediaSearchDoc, 'status' | 'explicit' | 'nsfwScore'> & { highlight?: string }
export type MediaSearchQuery = { brand: string; q: string; from: number; size: number; safe: boolean }
export type Refresh = boolean | 'wait_for'

const index = SEARCH_INDEXES.content
// title first, then tags and creator, then the caption; the phrase-prefix clause serves search-as-you-type ("leath")
const FIELDS = ['title^3', 'tags^2', 'creatorName^2', 'caption']
const HIGHLIGHT = { encoder: 'html' as const, pre_tags: ['<mark>'], post_tags: ['</mark>'], number_of_fragments: 1, fragment_size: 150,
  fields: { title: {}, caption: {} } }

/** Adds or replaces the item's document (published, or any later status change: the status filter does the rest). */
export async function indexMedia(search: SearchClient, doc: MediaSearchDoc, { refresh = false }: { refresh?: Refresh } = {}): Promise<void> {
  const { id, ...fields } = doc
  await search.index({ index, id, body: { ...fields, contentId: id }, refresh })
}

/** Removes the item's document; removing one that is not there is fine (retries, taken down twice). */
export async function deindexMedia(search: SearchClient, mediaId: string, { refresh = false }: { refresh?: Refresh } = {}): Promise<void> {
  await search.delete({ index, id: mediaId, refresh }, { ignore: [404] })
}

function textQuery(q: string) {
  return { bool: { minimum_should_match: 1, should: [
    // AUTO: 0 edits up to 2 characters, 1 up to 5, 2 beyond; the first character must match (keeps expansion cheap)
    { multi_match: { query: q, fields: FIELDS, type: 'best_fields' as const, fuzziness: 'AUTO', prefix_length: 1, tie_breaker: 0.3 } },
    { multi_match: { query: q, fields: ['title^3', 'tags^2', 'creatorName^2'], type: 'phrase_prefix' as const, boost: 2 } },
  ] } }
}

type StoredDoc = Omit<MediaSearchDoc, 'id'> & { contentId: string }

// field by field: moderation scores and whatever else the index holds stay out of the storefront's answer
const toHit = (d: StoredDoc): MediaSearchHit => ({
  id: d.contentId, postId: d.postId, brand: d.brand, creatorId: d.creatorId, creatorName: d.creatorName, title: d.title, caption: d.caption,
  tags: d.tags, access: d.access, priceMinor: d.priceMinor, currency: d.currency, thumbnailKey: d.thumbnailKey,
  durationSeconds: d.durationSeconds, publishedAt: d.publishedAt,
})

/** Published items of a brand matching `q` (typos forgiven), best first; an empty `q` lists the newest first. */
export async function searchMedia(search: SearchClient, { brand, q, from, size, safe }: MediaSearchQuery): Promise<{ total: number; hits: MediaSearchHit[] }> {
  const filter = [{ term: { brand } }, { term: { status: 'PUBLISHED' } }, ...(safe ? [{ term: { explicit: false } }] : [])]
  const text = q.trim()
  const { body } = await search.search({ index, body: {
    from, size, track_total_hits: true,
    query: { bool: { filter, ...(text ? { must: [textQuery(text)] } : {}) } },
    sort: text ? ['_score', { publishedAt: { order: 'desc' } }] : [{ publishedAt: { order: 'desc' } }, { contentId: { order: 'asc' } }],
    ...(text ? { highlight: HIGHLIGHT } : {}),
  } })
  const total = typeof body.hits.total === 'number' ? body.hits.total : body.hits.total?.value ?? 0
  const hits = body.hits.hits.map((h) => {
    const marked = h.highlight?.title?.[0] ?? h.highlight?.caption?.[0]
    return { ...toHit(h._source as StoredDoc), ...(marked ? { highlight: marked } : {}) }
  })
  return { total, hits }
}
