/** Test support: a tiny merchant endpoint that records webhooks exactly as a route would hand them to a driver. */
import express from 'express'
import { listen, type Listening } from './listen.ts'

export type ReceivedWebhook = {
  headers: Record<string, string | undefined>
  rawBody: string
  sourceIp: string
  receivedAt: string
  /** path and query: CCBill names the event only in the query */
  url: string
}

/** Answers 503 to the first `failFirst` posts (receiver down), 200 'OK' afterwards. */
export async function startWebhookReceiver(options: { failFirst?: number } = {}) {
  const received: ReceivedWebhook[] = []
  let failures = options.failFirst ?? 0
  let waiters: { count: number; resolve: () => void }[] = []
  const app = express()
  app.post('/webhooks/ccbill', express.text({ type: '*/*' }), (req, res) => {
    if (failures > 0) {
      failures -= 1
      return res.status(503).send('down')
    }
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]))
    received.push({ headers, rawBody: typeof req.body === 'string' ? req.body : '', sourceIp: req.socket.remoteAddress ?? '',
      receivedAt: new Date().toISOString(), url: req.originalUrl })
    waiters = waiters.filter((w) => (received.length >= w.count ? (w.resolve(), false) : true))
    res.type('text/plain').send('OK')
  })
  const listening: Listening = await listen(app, 0)
  return {
    url: `${listening.url}/webhooks/ccbill`,
    received,
    close: listening.close,
    /** Resolves once `count` webhooks have arrived; rejects after `timeoutMs`. */
    waitFor(count: number, timeoutMs = 5000): Promise<ReceivedWebhook[]> {
      if (received.length >= count) return Promise.resolve(received)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${received.length} of ${count} webhooks arrived`)), timeoutMs)
        waiters.push({ count, resolve: () => { clearTimeout(timer); resolve(received) } })
      })
    },
  }
}
