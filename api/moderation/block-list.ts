/** The block list of known prohibited pictures (moderation_block_hashes), matched by perceptual hash. */
import type pg from 'pg'
import { BLOCK_DISTANCE, hammingDistance, isPhash } from '../../domain/media/phash.ts'
import { isCategory, type Category } from '../../domain/moderation/categories.ts'

export type BlockEntry = { phash: string; category: string }
export type BlockMatch = BlockEntry & { distance: number }

export type BlockList = {
  /** false until the list has been read once: matching against an unread list would let known content through */
  ready(): boolean
  /** entries within BLOCK_DISTANCE of the hash, nearest first */
  match(phash: string): BlockMatch[]
  close(): void
}

function matcher(entries: () => readonly BlockEntry[], maxDistance: number) {
  return (phash: string): BlockMatch[] => entries()
    .map((e) => ({ ...e, distance: hammingDistance(phash, e.phash) }))
    .filter((m) => m.distance <= maxDistance)
    .sort((a, b) => a.distance - b.distance)
}

/** A fixed list, for tests and self-checks. */
export function createStaticBlockList(entries: BlockEntry[], maxDistance = BLOCK_DISTANCE): BlockList {
  const list = entries.map((e) => ({ ...e, phash: e.phash.toLowerCase() }))
  return { ready: () => true, match: matcher(() => list, maxDistance), close: () => undefined }
}

/**
 * The list in PostgreSQL, read at start and every `refreshMs` (30 s), so hashes an admin adds are matched within
 * half a minute without a restart (2 s retries until the first read). A failed refresh keeps the last list and reports through `onError`.
 */
export function createPgBlockList({ pool, refreshMs = 30_000, maxDistance = BLOCK_DISTANCE, onError }: {
  pool: pg.Pool; refreshMs?: number; maxDistance?: number; onError: (err: unknown) => void
}): BlockList & { refresh(): Promise<void>; size(): number } {
  let entries: BlockEntry[] | null = null
  const refresh = async () => {
    const { rows } = await pool.query<BlockEntry>('SELECT phash, category FROM moderation_block_hashes')
    const valid = rows.map((r) => ({ phash: r.phash.trim().toLowerCase(), category: r.category })).filter((r) => isPhash(r.phash))
    if (valid.length < rows.length) onError(new Error(`${rows.length - valid.length} block-list rows are not 16-hex-digit hashes and were skipped`))
    entries = valid
  }
  let timer: NodeJS.Timeout | undefined
  let closed = false
  // until the first read succeeds, retry every 2 s rather than every refreshMs
  const tick = () => refresh().catch(onError).finally(() => {
    if (!closed) timer = setTimeout(() => void tick(), entries ? refreshMs : Math.min(refreshMs, 2000)).unref()
  })
  void tick()
  return {
    ready: () => entries !== null,
    match: matcher(() => entries ?? [], maxDistance),
    refresh,
    size: () => entries?.length ?? 0,
    close: () => { closed = true; clearTimeout(timer) },
  }
}

/**
 * The categories a match scores 1.0 in: the entry's own category when it is an OpenAI one, `sexual/minors` for
 * child-abuse entries however they are labelled (csam, minor, child...), `illicit` for any other label.
 */
export function blockMatchCategories(category: string): Category[] {
  const label = category.trim().toLowerCase()
  if (isCategory(label)) return [label]
  if (/csam|csem|minor|child|underage/.test(label)) return ['sexual/minors']
  if (/non.?consen|ncii|rape/.test(label)) return ['violence', 'illicit']
  return ['illicit']
}
