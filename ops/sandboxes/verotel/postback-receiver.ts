/** Test support: a merchant postback endpoint that records postbacks exactly as a route would hand them to a driver. */
import express from 'express'
import { listen, type Listening } from '../listen.ts'

export type ReceivedPostback = {
  /** path and query: Verotel puts every field in the query of a GET */
  url: string
  headers: Record<string, string | undefined>
  rawBody: string
  sourceIp: string
  receivedAt: string
}

/** An answer the receiver gives instead of 200 'OK', to make the sandbox retry. */
export type ScriptedAnswer = { status: number; body: string }

/** Answers the first postbacks from `script` (receiver down, or not 'OK'), then 200 'OK' and records each one. */
export async function startPostbackReceiver(options: { script?: ScriptedAnswer[] } = {}) {
  const script = [...(options.script ?? [])]
  const received: ReceivedPostback[] = []
  let hits = 0
  let waiters: { count: number; resolve: () => void }[] = []
  const app = express()
  app.get('/postbacks/verotel', (req, res) => {
    hits += 1
    const scripted = script.shift()
    if (scripted) return res.status(scripted.status).type('text/plain').send(scripted.body)
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]))
    received.push({ url: req.originalUrl, headers, rawBody: '', sourceIp: req.socket.remoteAddress ?? '', receivedAt: new Date().toISOString() })
    waiters = waiters.filter((w) => (received.length >= w.count ? (w.resolve(), false) : true))
    res.type('text/plain').send('OK')
  })
  const listening: Listening = await listen(app, 0)
  return {
    url: `${listening.url}/postbacks/verotel`,
    received,
    /** every request, scripted answers included */
    hits: () => hits,
    close: listening.close,
    /** Resolves once `count` postbacks were answered OK; rejects after `timeoutMs`. */
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
