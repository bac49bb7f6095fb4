/** Test support: a tiny merchant endpoint that records Segpay postbacks exactly as a route would hand them to a driver. */
import express from 'express'
import { listen, type Listening } from '../listen.ts'

export type ReceivedPostback = {
  method: string
  headers: Record<string, string | undefined>
  rawBody: string
  sourceIp: string
  receivedAt: string
  /** path and query: Segpay puts the values in the query string */
  url: string
}

/** Answers 503 to the first `failFirst` postbacks (merchant down), 200 'OK' afterwards. */
export async function startPostbackReceiver(options: { failFirst?: number } = {}) {
  const received: ReceivedPostback[] = []
  const refused: string[] = []
  let failures = options.failFirst ?? 0
  let waiters: { count: number; resolve: () => void }[] = []
  const app = express()
  app.all('/webhooks/segpay', express.text({ type: () => true }), (req, res) => {
    if (failures > 0) {
      failures -= 1
      refused.push(new Date().toISOString())
      return res.status(503).send('down')
    }
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]))
    received.push({ method: req.method, headers, rawBody: typeof req.body === 'string' ? req.body : '',
      sourceIp: req.socket.remoteAddress ?? '', receivedAt: new Date().toISOString(), url: req.originalUrl })
    waiters = waiters.filter((w) => (received.length >= w.count ? (w.resolve(), false) : true))
    res.type('text/plain').send('OK')
  })
  const listening: Listening = await listen(app, 0)
  return {
    url: `${listening.url}/webhooks/segpay`,
    received,
    /** when each refused (503) delivery arrived */
    refused,
    close: listening.close,
    /** Resolves once `count` postbacks have been accepted; rejects after `timeoutMs`. */
    waitFor(count: number, timeoutMs = 5000): Promise<ReceivedPostback[]> {
      if (received.length >= count) return Promise.resolve(received)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${received.length} of ${count} postbacks arrived`)), timeoutMs)
        waiters.push({ count, resolve: () => { clearTimeout(timer); resolve(received) } })
      })
    },
  }
}
export type PostbackReceiver = Awaited<ReturnType<typeof startPostbackReceiver>>
