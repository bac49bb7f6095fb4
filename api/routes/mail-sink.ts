/** Back-office view of the local mail sink: what the platform has sent, read through the sink's HTTP API. */
import { Router } from 'express'
import { z } from 'zod'
import { authorize } from '../authz.ts'
import { DomainError } from '../errors.ts'
import { listQuery, sendPage } from '../list-query.ts'

const id = z.object({ id: z.string().uuid('id must be a UUID') })
const list = listQuery(['receivedAt'], z.object({ to: z.string().max(320).optional(), q: z.string().max(200).optional(),
  template: z.string().max(100).optional() }))

// 503 UNAVAILABLE with the dependency named, so the back office can tell "no sink here" from a broken API
const unavailable = (message: string, cause?: unknown) =>
  Object.assign(new DomainError('unavailable', message, { dependency: 'mail-sink' }), cause ? { cause } : {})

/** Where the sink's HTTP API is (unset: answer 503), and a fetch to reach it (tests pass fakes). */
export type MailSinkRouterDeps = { sinkUrl: string | undefined; fetch?: typeof fetch; timeoutMs?: number }

/** Admin and compliance read the sink through the API's sessions and policy; the sink itself stays on loopback. */
export function createMailSinkRouter({ sinkUrl, fetch: fetchFn = fetch, timeoutMs = 5000 }: MailSinkRouterDeps): Router {
  const router = Router()
  const sink = async (path: string): Promise<Response> => {
    if (!sinkUrl) throw unavailable('No mail sink is configured here (MAIL_SINK_URL is not set).')
    const res = await fetchFn(`${sinkUrl}${path}`, { signal: AbortSignal.timeout(timeoutMs) }).catch((err: unknown) => {
      throw unavailable(`The mail sink at ${sinkUrl} does not answer.`, err)
    })
    if (res.status === 404) throw new DomainError('notFound', 'No such message.')
    if (!res.ok) throw unavailable(`The mail sink answered ${res.status}.`)
    return res
  }
  const readers = authorize('mail-messages', 'read')

  /** Mail the platform sent, newest first unless sorted otherwise; filter by recipient, subject words or template. */
  router.get('/mail-messages', readers, async (req, res) => {
    const q = list.parse(req.query)
    const { to, q: text, template } = q.filter as { to?: string; q?: string; template?: string }
    const params = new URLSearchParams({ range: JSON.stringify([q.skip, q.skip + q.take - 1]),
      order: req.query.sort ? q.orderBy.receivedAt ?? 'desc' : 'desc' })
    for (const [key, value] of Object.entries({ to, q: text, template })) if (value) params.set(key, value)
    const answer = await sink(`/messages?${params}`)
    const total = Number(/\/(\d+)$/.exec(answer.headers.get('content-range') ?? '')?.[1] ?? 0)
    sendPage(res, 'mail-messages', q.skip, (await answer.json()) as unknown[], total)
  })

  /** One message with headers, text and HTML. */
  router.get('/mail-messages/:id', readers, async (req, res) => {
    res.json(await (await sink(`/messages/${id.parse(req.params).id}`)).json())
  })

  /** The message's raw RFC 822 source, as text. */
  router.get('/mail-messages/:id/raw', readers, async (req, res) => {
    res.type('text/plain').set('X-Content-Type-Options', 'nosniff').send(await (await sink(`/messages/${id.parse(req.params).id}/raw`)).text())
  })

  return router
}
