/** Test support: a merchant endpoint for Epoch postbacks that records them exactly as the API route hands them to a driver. */
import express from 'express'
import type { InboundNotification } from '../../../activities/payments/driver.ts'
import { listen } from '../listen.ts'

/** Answers 503 to the first `failFirst` posts (merchant down), 200 'OK' afterwards. */
export async function startPostbackReceiver(options: { failFirst?: number } = {}) {
  const received: InboundNotification[] = []
  let failures = options.failFirst ?? 0
  let waiters: { count: number; resolve: () => void }[] = []
  const app = express()
  app.post('/webhooks/epoch', express.text({ type: () => true }), (req, res) => {
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
  const listening = await listen(app, 0)
  return {
    url: `${listening.url}/webhooks/epoch`,
    received,
    close: listening.close,
    /** Resolves once `count` postbacks have arrived; rejects after `timeoutMs`. */
    waitFor(count: number, timeoutMs = 5000): Promise<InboundNotification[]> {
      if (received.length >= count) return Promise.resolve(received)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${received.length} of ${count} postbacks arrived`)), timeoutMs)
        waiters.push({ count, resolve: () => { clearTimeout(timer); resolve(received) } })
      })
    },
  }
}
