/** Test support: a merchant endpoint that records KYC webhooks exactly as a route would hand them to a provider. */
import express from 'express'
import { listen, type Listening } from '../listen.ts'

/** A webhook as received: the InboundNotification a provider's parseWebhook takes. */
export type ReceivedWebhook = {
  url: string; headers: Record<string, string | undefined>; rawBody: string; sourceIp: string; receivedAt: string
}

/** Answers 503 to the first `failFirst` posts (receiver down), 200 'OK' afterwards. */
export async function startKycWebhookReceiver(options: { failFirst?: number } = {}) {
  const received: ReceivedWebhook[] = []
  let failures = options.failFirst ?? 0
  let waiters: { count: number; resolve: () => void }[] = []
  const app = express()
  // the raw text, never re-serialised JSON: the signature covers the exact bytes
  app.post('/webhooks/kyc', express.text({ type: '*/*' }), (req, res) => {
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
    url: `${listening.url}/webhooks/kyc`,
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
