/**
 * The platform's own OpenAI-compatible moderation endpoint (POST /v1/moderations), served from local models: nsfwjs
 * for images, the platform lexicon for text, and perceptual-hash matching against the block list. The `openai`
 * client talks to it unchanged.
 *
 * Input shapes follow OpenAI: a string or an array of strings gives one result per string; an array of
 * text / image_url parts is one input and gives ONE result (OpenAI's documented omni-moderation behaviour), with the
 * scores of each part in the result's `fanz.parts`, in input order. Differences from OpenAI: images must be
 * base64 JPEG data URLs (this service fetches nothing), and up to MAX_IMAGES parts per request (OpenAI allows one).
 * `flagged` uses a fixed 0.5 for every category; each brand's policy is applied by the caller.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto'
import express, { type NextFunction, type Request, type Response } from 'express'
import type { Logger } from 'pino'
import { pinoHttp } from 'pino-http'
import { z } from 'zod'
import { phash } from '../../domain/media/phash.ts'
import { MODERATION_CATEGORIES, type Category, maxScores } from '../../domain/moderation/categories.ts'
import { TEXT_CATEGORIES } from '../../domain/moderation/text-classifier.ts'
import { blockMatchCategories, type BlockList } from './block-list.ts'
import { decodeImage, grayscale32, ImageInputError, nsfwCategoryScores, type ImageModel } from './image-model.ts'
import { lexiconTextModel, type TextModel } from './text-model.ts'

export const MODEL_ID = 'fanz-moderation-1'
export const MAX_IMAGES = 8
const FLAG_AT = 0.5

const part = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('image_url'), image_url: z.object({ url: z.string() }) }),
])
type Part = z.infer<typeof part>
const body = z.object({
  model: z.string().optional(),
  input: z.union([z.string(), z.array(z.string()).min(1), z.array(part).min(1)]),
})

class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly type = 'invalid_request_error') {
    super(message)
  }
}

const DATA_URL = /^data:([\w.+-]+\/[\w.+-]+);base64,([A-Za-z0-9+/=\s]+)$/

export type ModerationAppDeps = { apiKey: string; image: ImageModel; blockList: BlockList; text?: TextModel; log?: Logger }

export function createModerationApp({ apiKey, image, blockList, text = lexiconTextModel, log }: ModerationAppDeps) {
  const key = Buffer.from(apiKey)
  const authorised = (header: string | undefined) => {
    const given = Buffer.from(header?.replace(/^Bearer /, '') ?? '')
    return Boolean(header?.startsWith('Bearer ')) && given.length === key.length && timingSafeEqual(given, key)
  }

  async function analysePart(p: Part) {
    if (p.type === 'text') {
      const { scores, terms, signals } = text.classify(p.text)
      return { kind: 'text' as const, scores: scores as Partial<Record<Category, number>>, applies: TEXT_CATEGORIES,
        fanz: { type: 'text', terms, signals } }
    }
    const url = p.image_url.url
    const data = DATA_URL.exec(url)
    if (!data) {
      throw new ApiError(400, 'invalid_image_url', /^https?:/i.test(url)
        ? 'This endpoint does not fetch images: send them as data:image/jpeg;base64,... URLs.'
        : 'image_url.url must be a data:image/jpeg;base64,... URL.')
    }
    const picture = decodeImage(data[1]!.toLowerCase(), Buffer.from(data[2]!, 'base64'))
    const hash = phash(grayscale32(picture))
    const nsfw = await image.classify(picture)
    const blocklist = blockList.match(hash)
    const scores: Partial<Record<Category, number>> = nsfwCategoryScores(nsfw)
    const matched = blocklist.flatMap((m) => blockMatchCategories(m.category))
    for (const c of matched) scores[c] = 1
    // nsfwjs only speaks to `sexual`; other categories apply to an image only through a block-list match
    return { kind: 'image' as const, scores, applies: [...new Set<Category>(['sexual', ...matched])],
      fanz: { type: 'image', phash: hash, blocklist, nsfw } }
  }

  async function moderate(parts: Part[]) {
    const analysed: Awaited<ReturnType<typeof analysePart>>[] = []
    for (const p of parts) analysed.push(await analysePart(p))
    const scores = maxScores(analysed.map((a) => a.scores))
    const categories = Object.fromEntries(MODERATION_CATEGORIES.map((c) => [c, scores[c] >= FLAG_AT]))
    const applied = Object.fromEntries(MODERATION_CATEGORIES.map((c) => [c, (['text', 'image'] as const)
      .filter((kind) => analysed.some((a) => a.kind === kind && a.applies.includes(c)))]))
    return {
      flagged: Object.values(categories).some(Boolean), categories, category_scores: scores, category_applied_input_types: applied,
      fanz: { parts: analysed.map((a) => ({ ...a.fanz, category_scores: a.scores })) },
    }
  }

  const app = express()
  app.disable('x-powered-by')
  if (log) app.use(pinoHttp({ logger: log, autoLogging: { ignore: (req) => req.url === '/healthz' }, redact: ['req.headers.authorization'] }))

  /** Ready once the image model is loaded and the block list has been read. */
  app.get('/healthz', (_req, res) => {
    const status = { model: image.ready() ? 'loaded' : 'loading', blockList: blockList.ready() ? 'loaded' : 'loading' }
    res.status(image.ready() && blockList.ready() ? 200 : 503).json(status)
  })

  /** Classifies text and images for the media pipeline, in OpenAI's request and response shapes. */
  app.post('/v1/moderations', (req, _res, next) => {
    next(authorised(req.headers.authorization) ? undefined : new ApiError(401, 'invalid_api_key', 'Incorrect API key provided.'))
  }, express.json({ limit: '40mb' }), async (req, res) => {
    const parsed = body.safeParse(req.body)
    if (!parsed.success) throw new ApiError(400, 'invalid_input', `Invalid request: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`)
    // matching against an unread block list would let known content through: fail, and let the caller retry
    if (!blockList.ready()) throw new ApiError(503, 'block_list_unavailable', 'The block list is not loaded yet; retry shortly.', 'server_error')
    const { input } = parsed.data
    const units: Part[][] = typeof input === 'string' ? [[{ type: 'text', text: input }]]
      : input.every((i) => typeof i === 'string') ? input.map((t) => [{ type: 'text', text: t }]) : [input as Part[]]
    const images = units.flat().filter((p) => p.type === 'image_url').length
    if (images > MAX_IMAGES) throw new ApiError(400, 'too_many_images', `Number of images (${images}) exceeds maximum of ${MAX_IMAGES}.`)
    const results = []
    for (const unit of units) results.push(await moderate(unit))
    res.json({ id: `modr-${randomUUID().replaceAll('-', '')}`, model: MODEL_ID, results })
  })

  // OpenAI's error shape, so the client raises its typed errors (AuthenticationError, BadRequestError, ...)
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const known = err instanceof ApiError ? err
      : err instanceof ImageInputError ? new ApiError(400, err.code, err.message)
        : (err as { type?: string }).type === 'entity.too.large' ? new ApiError(413, 'request_too_large', 'The request body is too large.')
          : (err as { type?: string }).type === 'entity.parse.failed' ? new ApiError(400, 'invalid_json', 'The body is not valid JSON.')
            : null
    if (!known) log?.error({ err }, 'moderation request failed')
    const e = known ?? new ApiError(500, 'server_error', 'The server had an error while processing your request.', 'server_error')
    res.status(e.status).json({ error: { message: e.message, type: e.type, param: e.status === 400 ? 'input' : null, code: e.code } })
  })
  return app
}
