/**
 * Moderation policy as data: per category, the score at which an item goes to a human (review) and at which it is
 * refused (block). Adult content is the product, so `sexual` is not acted on; what matters is age, consent,
 * illegal acts, gore and each brand's own limits.
 */
import { z } from 'zod'
import type { BrandSlug } from '../brands.ts'
import { CodedError } from '../coded-error.ts'
import { MODERATION_CATEGORIES, type Category } from './categories.ts'
import { TEXT_SIGNALS, type TextSignal } from './text-classifier.ts'

/** null = not acted on. */
export type Threshold = { review: number | null; block: number | null }
export type ModerationPolicyRules = {
  version: number
  categories: Record<Category, Threshold>
  /** a frame within BLOCK_DISTANCE of a block-listed hash blocks the item (otherwise it goes to review) */
  blockOnHashMatch: boolean
  /** brand limits on text signals no OpenAI category expresses (e.g. non-consent wording, which scores as violence and illicit) */
  limits?: { signals?: Partial<Record<TextSignal, Threshold>> }
}

const t = (review: number | null, block: number | null): Threshold => ({ review, block })

export const PLATFORM_DEFAULT: ModerationPolicyRules = Object.freeze({
  version: 1,
  categories: {
    sexual: t(null, null),
    'sexual/minors': t(0.2, 0.6),
    harassment: t(0.7, null),
    'harassment/threatening': t(0.5, 0.9),
    hate: t(0.6, 0.9),
    'hate/threatening': t(0.4, 0.8),
    illicit: t(0.3, 0.8),
    'illicit/violent': t(0.3, 0.8),
    // a person at risk needs a human who can reach out, not a silent refusal
    'self-harm': t(0.5, null),
    'self-harm/intent': t(0.4, null),
    'self-harm/instructions': t(0.3, 0.8),
    violence: t(0.5, 0.9),
    'violence/graphic': t(0.4, 0.85),
  },
  blockOnHashMatch: true,
})

/** Brands whose limits differ from the platform's; the others (girlfanz, boyfanz, ...) use PLATFORM_DEFAULT. */
export const BRAND_DEFAULTS: Readonly<Partial<Record<BrandSlug, ModerationPolicyRules>>> = Object.freeze({
  // taboo fantasy sits next to age play and non-consent play: any youthful or non-consent wording gets a human look,
  // so the consent and adult framing are checked, and age wording blocks sooner
  taboofanz: { ...PLATFORM_DEFAULT, categories: { ...PLATFORM_DEFAULT.categories, 'sexual/minors': t(0.1, 0.5) },
    limits: { signals: { 'non-consent': t(0.2, 0.85), incest: t(0.3, 0.8) } } },
  // pet play is human: any animal wording on a pet-play brand is checked, and clear bestiality wording blocks
  pupfanz: { ...PLATFORM_DEFAULT, limits: { signals: { bestiality: t(0.05, 0.6) } } },
})

/** The brand's built-in policy, for brands with no row in moderation_policies. */
export const defaultPolicyFor = (brand: string): ModerationPolicyRules =>
  BRAND_DEFAULTS[brand as BrandSlug] ?? PLATFORM_DEFAULT

export class PolicyError extends CodedError<'INVALID_POLICY'> {}

const score = z.number().min(0).max(1).nullable()
const threshold = z.object({ review: score, block: score }).strict()
  .refine((v) => v.review === null || v.block === null || v.review <= v.block, 'review must not exceed block')
const schema = z.object({
  version: z.number().int().min(1),
  categories: z.partialRecord(z.enum(MODERATION_CATEGORIES), threshold),
  blockOnHashMatch: z.boolean().default(true),
  limits: z.object({ signals: z.partialRecord(z.enum(TEXT_SIGNALS), threshold).optional() }).strict().optional(),
}).strict()

/** Validates a stored policy (moderation_policies.rules); categories it leaves out keep the platform default. */
export function parsePolicyRules(json: unknown): ModerationPolicyRules {
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    throw new PolicyError('INVALID_POLICY', `Invalid moderation policy: ${problems.join('; ')}`)
  }
  const { categories, limits, ...rest } = parsed.data
  return { ...rest, categories: { ...PLATFORM_DEFAULT.categories, ...categories }, ...(limits ? { limits } : {}) }
}

export type Flag = 'none' | 'review' | 'block'
export type FrameScores = { atSeconds: number; scores: Partial<Record<Category, number>> }
/** A sampled frame whose hash (`phash`) lies within BLOCK_DISTANCE of a block-listed one (`matched`). */
export type BlocklistMatch = { atSeconds: number; phash: string; matched: string; distance: number; category: string }
export type ModerationInput = {
  frames: FrameScores[]
  text: Partial<Record<Category, number>>
  blocklistMatches: BlocklistMatch[]
  /** the text classifier's signal scores, for the brand's limits */
  textSignals?: Partial<Record<TextSignal, number>>
}
export type CategoryFinding = { score: number; review: number | null; block: number | null; flagged: Flag }
export type Evaluation = { verdict: 'pass' | 'review' | 'block'; categories: Record<string, CategoryFinding>; reasons: string[] }
/** What the pipeline stores on the item and moderators read (media_items.findings). */
export type Findings = Evaluation & Pick<ModerationInput, 'frames' | 'text' | 'blocklistMatches'> & { policyVersion: number; brand: string }

const flag = (value: number, { review, block }: Threshold): Flag =>
  block !== null && value >= block ? 'block' : review !== null && value >= review ? 'review' : 'none'
const fmt = (x: number) => x.toFixed(2)
const RANK: Record<Flag, number> = { none: 0, review: 1, block: 2 }

/** Applies a policy to the scores of an item's frames and text: a category's score is its worst over all of them. */
export function evaluateModeration(input: ModerationInput, policy: ModerationPolicyRules): Evaluation {
  const categories: Record<string, CategoryFinding> = {}
  const reasons: [Flag, string][] = []
  const judge = (name: string, value: number, limit: Threshold, where: string) => {
    const flagged = flag(value, limit)
    categories[name] = { score: Math.round(value * 1e4) / 1e4, ...limit, flagged }
    if (flagged !== 'none') reasons.push([flagged, `${name} ${fmt(value)}${where} reaches ${flagged} ${fmt(limit[flagged]!)}`])
  }
  for (const c of MODERATION_CATEGORIES) {
    let value = input.text[c] ?? 0
    let where = value > 0 ? ' (title, caption or tags)' : ''
    for (const f of input.frames) {
      const s = f.scores[c] ?? 0
      if (s > value) { value = s; where = ` (frame at ${f.atSeconds.toFixed(1)} s)` }
    }
    judge(c, value, policy.categories[c], where)
  }
  for (const [signal, limit] of Object.entries(policy.limits?.signals ?? {})) {
    judge(signal, input.textSignals?.[signal as TextSignal] ?? 0, limit, ' (brand limit on wording)')
  }
  for (const m of input.blocklistMatches) {
    reasons.push([policy.blockOnHashMatch ? 'block' : 'review', `frame at ${m.atSeconds.toFixed(1)} s matches block-listed `
      + `content ${m.matched} (${m.category}, distance ${m.distance})`])
  }
  const worst = Math.max(0, ...reasons.map(([f]) => RANK[f]))
  const verdict = worst === 2 ? 'block' : worst === 1 ? 'review' : 'pass'
  return { verdict, categories, reasons: reasons.sort((a, b) => RANK[b[0]] - RANK[a[0]]).map(([, r]) => r) }
}
