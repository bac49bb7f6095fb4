/** Test support: a tiny merchant endpoint that records webhooks and postbacks exactly as a route would hand them to a driver. */
import express from 'express'
import type { InboundNotification } from '../../activities/payments/driver.ts'
import { listen, type Listening } from './listen.ts'

/** A notification as received: the InboundNotification a driver's parser takes, plus the HTTP method. */
export type ReceivedWebhook = InboundNotification & { method: string }

/** An answer the receiver gives instead of accepting, to make the sandbox retry. */
export type ScriptedAnswer = { status: number; body: string }

/** Where the receiver listens and how it answers. */
export type WebhookReceiverOptions = {
  /** default '/webhooks/ccbill' */
  path?: string
  /** default 'post' */
  method?: 'get' | 'post' | 'all'
  /** the body of an accepting 200; default 'OK' */
  answer?: string
  /** answer 503 'down' to the first `failFirst` requests (receiver down) */
  failFirst?: number
  /** answers for the requests after those, before accepting */
  script?: ScriptedAnswer[]
}

/** Where each sandbox's merchant endpoint listens, and which method its notifications use. */
export const RECEIVER_ROUTES = {
  ccbill: { path: '/webhooks/ccbill', method: 'post' },
  kyc: { path: '/webhooks/kyc', method: 'post' },
  epoch: { path: '/webhooks/epoch', method: 'post' },
  segpay: { path: '/webhooks/segpay', method: 'all' },
  verotel: { path: '/postbacks/verotel', method: 'get' },
} as const satisfies Record<string, WebhookReceiverOptions>

/** Starts the receiver on a free port; it records only the requests it accepted. */
export async function startWebhookReceiver(options: WebhookReceiverOptions = {}) {
  const path = options.path ?? RECEIVER_ROUTES.ccbill.path
  const down: ScriptedAnswer[] = Array.from({ length: options.failFirst ?? 0 }, () => ({ status: 503, body: 'down' }))
  const script = [...down, ...(options.script ?? [])]
  const received: ReceivedWebhook[] = []
  const refused: string[] = []
  let waiters: { count: number; resolve: () => void }[] = []
  const app = express()
  app[options.method ?? 'post'](path, express.text({ type: () => true }), (req, res) => {
    const scripted = script.shift()
    if (scripted) {
      refused.push(new Date().toISOString())
      return res.status(scripted.status).type('text/plain').send(scripted.body)
    }
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]))
    received.push({ method: req.method, headers, rawBody: typeof req.body === 'string' ? req.body : '',
      sourceIp: req.socket.remoteAddress ?? '', receivedAt: new Date().toISOString(), url: req.originalUrl })
    waiters = waiters.filter((w) => (received.length >= w.count ? (w.resolve(), false) : true))
    res.type('text/plain').send(options.answer ?? 'OK')
  })
  const listening: Listening = await listen(app, 0)
  return {
    url: `${listening.url}${path}`,
    received,
    /** when each refused (scripted) request arrived */
    refused,
    /** every request, refused ones included */
    hits: () => received.length + refused.length,
    close: listening.close,
    /** Resolves once `count` notifications have been accepted; rejects after `timeoutMs`. */
    waitFor(count: number, timeoutMs = 5000): Promise<ReceivedWebhook[]> {
      if (received.length >= count) return Promise.resolve(received)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${received.length} of ${count} notifications arrived`)), timeoutMs)
        waiters.push({ count, resolve: () => { clearTimeout(timer); resolve(received) } })
      })
    },
  }
}
/** A running receiver. */
export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>
