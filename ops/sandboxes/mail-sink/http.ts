/** The sink's HTTP API: list, read and clear received mail, in react-admin's list conventions. */
import express, { type ErrorRequestHandler, type Response } from 'express'
import { z, ZodError } from 'zod'
import { full, matches, summary, type MessageStore } from './store.ts'

/** The longest a `wait=` long-poll may hold a request. */
export const MAX_WAIT_MS = 30_000

const range = z.string().transform((s, ctx) => {
  try { return JSON.parse(s) as unknown } catch { ctx.addIssue({ code: 'custom', message: 'must be JSON' }); return z.NEVER }
}).pipe(z.tuple([z.number().int().min(0), z.number().int().min(0)]).refine(([a, b]) => b >= a && b - a < 500,
  'range must be [start, end] with at most 500 rows'))

const listQuery = z.object({
  to: z.string().max(320).optional(),
  q: z.string().max(200).optional(),
  template: z.string().max(100).optional(),
  range: range.optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
  wait: z.coerce.number().int().min(0).max(MAX_WAIT_MS).default(0),
})

const fail = (res: Response, status: number, code: string, message: string, details?: unknown) =>
  res.status(status).json({ error: { code, message, details } })

const errors: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  if (err instanceof ZodError) {
    return fail(res, 400, 'VALIDATION_FAILED', 'The request is not valid.', err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })))
  }
  fail(res, 500, 'INTERNAL_ERROR', err instanceof Error ? err.message : 'Something went wrong in the mail sink.')
}

/** Builds the HTTP API over the store. */
export function createSinkApi(store: MessageStore): express.Express {
  const app = express()
  app.disable('x-powered-by')

  /** Received mail, newest first; `wait=ms` holds the request until a matching message arrives or the time is up. */
  app.get('/messages', async (req, res) => {
    const query = listQuery.parse(req.query)
    if (query.wait && store.list(query).length === 0) {
      const abort = new AbortController()
      res.on('close', () => abort.abort())
      await store.waitFor(matches(query), query.wait, abort.signal).catch(() => undefined)
    }
    const all = query.order === 'asc' ? store.list(query).reverse() : store.list(query)
    const [start, end] = query.range ?? [0, 24]
    const page = all.slice(start, end + 1)
    const last = page.length ? start + page.length - 1 : start
    res.set('Content-Range', `messages ${start}-${last}/${all.length}`).json(page.map(summary))
  })

  /** One message with its headers, text and HTML. */
  app.get('/messages/:id', (req, res) => {
    const message = store.get(req.params.id)
    if (!message) return fail(res, 404, 'NOT_FOUND', 'No such message.')
    res.json(full(message))
  })

  /** The message exactly as it was received. */
  app.get('/messages/:id/raw', (req, res) => {
    const message = store.get(req.params.id)
    if (!message) return fail(res, 404, 'NOT_FOUND', 'No such message.')
    res.type('message/rfc822').send(message.raw)
  })

  /** Empties every mailbox. */
  app.delete('/messages', (_req, res) => {
    store.clear()
    res.status(204).end()
  })

  app.use(errors)
  return app
}
