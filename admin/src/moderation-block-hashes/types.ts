/** Block-list rows (GET /api/moderation-block-hashes) and what a new one must look like. */
import { BLOCK_LIST_CATEGORIES } from '../../../domain/moderation/categories.ts'

export type BlockHash = { id: string; phash: string; category: string; source: string; addedBy?: string | null; createdAt: string }

/** A 64-bit DCT perceptual hash as 16 hex digits. */
export const PHASH_PATTERN = /^[0-9a-f]{16}$/i

// the categories POST /api/moderation-block-hashes accepts: one list, in domain/ (OpenAI's names where they exist)

const LABELS: Record<(typeof BLOCK_LIST_CATEGORIES)[number], string> = {
  'sexual/minors': 'sexual/minors (CSAM)', illicit: 'illicit (illegal activity)', 'illicit/violent': 'illicit/violent',
  'violence/graphic': 'violence/graphic', 'non-consent': 'non-consent', other: 'other',
}

export const CATEGORY_CHOICES = BLOCK_LIST_CATEGORIES.map((c) => ({ id: c, name: LABELS[c] }))
