/** Automated moderation of an uploaded video: sampled frames and its words through the moderation endpoint, judged by the brand's policy. */
import { ApplicationFailure, Context } from '@temporalio/activity'
import OpenAI from 'openai'
import { sampleTimes } from '../../domain/media/ladder.ts'
import type { Category } from '../../domain/moderation/categories.ts'
import { defaultPolicyFor, evaluateModeration, parsePolicyRules, PolicyError, type BlocklistMatch, type Findings,
  type FrameScores, type ModerationPolicyRules } from '../../domain/moderation/policy.ts'
import type { TextSignal } from '../../domain/moderation/text-classifier.ts'
import type { Db } from '../../prisma/client.ts'
import type { StorageClient } from '../storage/client.ts'
import { sampleFrames, type FfmpegPaths } from '../media/ffmpeg.ts'
import { localSource } from '../media/source-cache.ts'
import { withHeartbeat } from '../media/processing.ts'

export type ModerationClientConfig = { baseURL: string; apiKey: string; model: string }
export type ModerateMediaInput = {
  mediaId: string; brand: string; sourceKey: string; durationSeconds: number; title: string; caption: string | null; tags: string[]
}

/** Our endpoint's per-part detail (`fanz.parts`); absent from OpenAI's own replies. */
type Part = { category_scores?: Partial<Record<Category, number>>; phash?: string; signals?: Partial<Record<TextSignal, number>>;
  blocklist?: { phash: string; distance: number; category: string }[] }
type Result = OpenAI.Moderation & { fanz?: { parts?: Part[] } }

const IMAGES_PER_CALL = 8

export function createModerationActivities({ db, storage, ffmpeg, moderation, workDir, framesPerItem = 12 }: {
  db: Db; storage: StorageClient; ffmpeg: FfmpegPaths; moderation: ModerationClientConfig; workDir: string; framesPerItem?: number
}) {
  // Temporal retries the activity; the client must not retry underneath it
  const client = new OpenAI({ baseURL: moderation.baseURL, apiKey: moderation.apiKey, maxRetries: 0, timeout: 120_000 })

  async function classify(input: OpenAI.ModerationCreateParams['input']): Promise<Result> {
    try {
      const reply = await client.moderations.create({ model: moderation.model, input }, { signal: Context.current().cancellationSignal })
      return reply.results[0] as Result
    } catch (err) {
      // a refused request (bad frame, bad key) fails the same way every time; outages and timeouts are retried
      if (err instanceof OpenAI.APIError && err.status && err.status >= 400 && err.status < 500 && ![408, 409, 429].includes(err.status)) {
        throw ApplicationFailure.nonRetryable(`The moderation endpoint refused the request (${err.status}): ${err.message}`, 'MODERATION_REFUSED')
      }
      throw err
    }
  }

  async function policyFor(brand: string): Promise<ModerationPolicyRules> {
    const row = await db.brand.findUnique({ where: { slug: brand }, select: { id: true } })
    const stored = row ? await db.moderationPolicy.findUnique({ where: { brandId: row.id } }) : null
    if (!stored) return defaultPolicyFor(brand)
    try {
      return parsePolicyRules({ ...(stored.rules as object), version: stored.version })
    } catch (err) {
      if (err instanceof PolicyError) throw ApplicationFailure.nonRetryable(`${brand}: ${err.message}`, err.code)
      throw err
    }
  }

  return {
    /** Samples frames of the upload, scores them and its title, caption and tags, and applies the brand's policy. */
    async moderateMedia({ brand, sourceKey, durationSeconds, title, caption, tags }: ModerateMediaInput): Promise<Findings> {
      const ctx = Context.current()
      // fetching a large source and sampling frames take longer than the heartbeat timeout: keep beating meanwhile
      const sampled = await withHeartbeat(async () => sampleFrames(ffmpeg, await localSource(storage, sourceKey, workDir),
        sampleTimes(durationSeconds, framesPerItem)), { stage: 'sampling' })
      ctx.heartbeat({ stage: 'frames', count: sampled.length })

      const words = [title, caption ?? '', tags.length ? `Tags: ${tags.join(', ')}` : ''].filter(Boolean).join('\n')
      const textResult = await classify(words)
      const text: Partial<Record<Category, number>> = textResult.category_scores

      const frames: FrameScores[] = []
      const blocklistMatches: BlocklistMatch[] = []
      for (let start = 0; start < sampled.length; start += IMAGES_PER_CALL) {
        const batch = sampled.slice(start, start + IMAGES_PER_CALL)
        const result = await classify(batch.map((f) => ({ type: 'image_url' as const,
          image_url: { url: `data:image/jpeg;base64,${f.jpeg.toString('base64')}` } })))
        for (const [i, f] of batch.entries()) {
          // our endpoint details each part; an endpoint without `fanz` (OpenAI itself) only scores a lone image
          const part: Part | undefined = result.fanz?.parts?.[i] ?? (batch.length === 1 ? { category_scores: result.category_scores } : undefined)
          if (!part?.category_scores) {
            throw ApplicationFailure.nonRetryable('The moderation endpoint returned no per-image scores.', 'MODERATION_REFUSED')
          }
          frames.push({ atSeconds: f.atSeconds, scores: part.category_scores })
          for (const m of part.blocklist ?? []) {
            blocklistMatches.push({ atSeconds: f.atSeconds, phash: part.phash ?? '', matched: m.phash, distance: m.distance,
              category: m.category })
          }
        }
        ctx.heartbeat({ stage: 'scoring', done: start + batch.length, of: sampled.length })
      }

      const policy = await policyFor(brand)
      const evaluation = evaluateModeration({ frames, text, blocklistMatches, textSignals: textResult.fanz?.parts?.[0]?.signals }, policy)
      return { ...evaluation, policyVersion: policy.version, brand, frames, text, blocklistMatches }
    },
  }
}

export type ModerationActivities = ReturnType<typeof createModerationActivities>
