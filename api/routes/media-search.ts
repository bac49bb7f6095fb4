/** Storefront search over published media: typo-tolerant, one brand at a time, posters as short-lived links. */
import { Router } from 'express'
import { z } from 'zod'
import { searchMedia } from '../../activities/search/media-index.ts'
import type { SearchClient } from '../../activities/search/client.ts'
import type { StorageClient } from '../../activities/storage/client.ts'
import { isBrandSlug } from '../../domain/brands.ts'
import { BUCKETS } from '../../domain/storage.ts'

/** How long a poster link in a search answer stays valid: a results page is looked at for minutes, not hours. */
export const THUMBNAIL_LINK_SECONDS = 600

const query = z.object({
  brand: z.string().refine(isBrandSlug, 'brand must be one of the nine brand slugs'),
  q: z.string().trim().max(200, 'q is at most 200 characters').default(''),
  // deep pages are no use to a person browsing; the cap also keeps from + size far below the index's result window
  from: z.coerce.number().int().min(0).max(1000).default(0),
  size: z.coerce.number().int().min(1).max(50).default(20),
  safe: z.enum(['1', '0', 'true', 'false'], { message: 'safe is 1 or 0' }).default('0').transform((v) => v === '1' || v === 'true'),
})

export function createMediaSearchRouter({ search, storage }: { search: SearchClient; storage: StorageClient }): Router {
  const router = Router()

  /** Published media of a brand matching the words typed (typos forgiven), or the newest when none; safe=1 hides explicit items. */
  router.get('/search/media', async (req, res) => {
    const { total, hits } = await searchMedia(search, query.parse(req.query))
    const withPosters = await Promise.all(hits.map(async ({ thumbnailKey, ...hit }) => ({
      ...hit,
      thumbnailUrl: thumbnailKey ? await storage.presignedGetObject(BUCKETS.media.name, thumbnailKey, THUMBNAIL_LINK_SECONDS) : null,
    })))
    res.set('Cache-Control', 'private, max-age=60').json({ total, hits: withPosters })
  })
  return router
}
