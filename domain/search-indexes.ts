/** OpenSearch index templates the platform needs: pure data applied by the stack at start-up. */
export type IndexTemplate = { name: string; body: Record<string, unknown> }

const keyword = { type: 'keyword' } as const
const text = { type: 'text' } as const
const date = { type: 'date' } as const
// our OpenSearch has no analysis-common module: text fields use the built-in standard analyzer (Unicode word
// boundaries, lowercased; no stemming, no accent folding, no n-grams). Typo tolerance comes from fuzzy queries instead.
const textAndKeyword = { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } } as const

const settings = { number_of_shards: 1, number_of_replicas: 0 }

export const INDEX_TEMPLATES: readonly IndexTemplate[] = [
  { name: 'fanz-content', body: { index_patterns: ['fanz-content-*'], template: { settings, mappings: { properties: {
    contentId: keyword, brand: keyword, creatorId: keyword, title: text, caption: text, tags: textAndKeyword,
    publishedAt: date, status: keyword, postId: keyword, creatorName: textAndKeyword, access: keyword,
    priceMinor: { type: 'integer' }, currency: keyword, thumbnailKey: { type: 'keyword', index: false },
    durationSeconds: { type: 'float' }, explicit: { type: 'boolean' }, nsfwScore: { type: 'float' },
  } } } } },
  { name: 'fanz-creators', body: { index_patterns: ['fanz-creators-*'], template: { settings, mappings: { properties: {
    creatorId: keyword, brand: keyword, handle: keyword, displayName: text, bio: text, joinedAt: date,
  } } } } },
  { name: 'fanz-collectibles', body: { index_patterns: ['fanz-collectibles-*'], template: { settings, mappings: { properties: {
    editionId: keyword, brand: keyword, creatorId: keyword, creatorName: textAndKeyword, mediaId: keyword, title: text, description: text,
    status: keyword, maxSupply: { type: 'integer' }, sold: { type: 'integer' }, priceMinor: { type: 'integer' }, currency: keyword, liveAt: date,
  } } } } },
  { name: 'fanz-ops', body: { index_patterns: ['fanz-ops-*'], template: { settings, mappings: { properties: {
    checkId: keyword, note: text, at: date,
  } } } } },
]

/**
 * The concrete index each kind of document lives in (one per template today). A mapping change that an existing
 * index cannot take (a field's type) gets a new version: the stack creates it from the template at start-up.
 */
export const SEARCH_INDEXES = { content: 'fanz-content-v2', creators: 'fanz-creators-v1', collectibles: 'fanz-collectibles-v1', ops: 'fanz-ops-v1' } as const
