/**
 * The OpenAI moderation categories (omni-moderation) the platform scores and acts on. The names are OpenAI's own, so
 * results from our endpoint and from OpenAI's read the same: OpenAI calls illegal activity `illicit`.
 */
export const MODERATION_CATEGORIES = [
  'sexual', 'sexual/minors', 'harassment', 'harassment/threatening', 'hate', 'hate/threatening', 'illicit',
  'illicit/violent', 'self-harm', 'self-harm/intent', 'self-harm/instructions', 'violence', 'violence/graphic',
] as const
export type Category = (typeof MODERATION_CATEGORIES)[number]

export const isCategory = (name: string): name is Category => (MODERATION_CATEGORIES as readonly string[]).includes(name)

export type CategoryScores = Record<Category, number>

/** Every category at 0: the starting point for a classifier's scores. */
export const zeroScores = (): CategoryScores =>
  Object.fromEntries(MODERATION_CATEGORIES.map((c) => [c, 0])) as CategoryScores

/** Per-category maximum of several score sets (a category's score over frames and text is its worst). */
export function maxScores(sets: readonly Partial<Record<Category, number>>[]): CategoryScores {
  const out = zeroScores()
  for (const set of sets) for (const c of MODERATION_CATEGORIES) out[c] = Math.max(out[c], set[c] ?? 0)
  return out
}

/** Labels a block-listed hash may carry (the endpoint maps them onto categories: api/moderation/block-list.ts). */
export const BLOCK_LIST_CATEGORIES = ['sexual/minors', 'illicit', 'illicit/violent', 'violence/graphic', 'non-consent', 'other'] as const
