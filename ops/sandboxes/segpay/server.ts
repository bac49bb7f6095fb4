/**
 * A local stand-in for Segpay: One-Click Web Service, SRS and postbacks in Segpay's formats, plus test controls
 * (chargeback, settle, and rebills of the purchases it rebills).
 */
import express, { type ErrorRequestHandler } from 'express'
import { reversalPostback } from './events.ts'
import { createOneClickRouter } from './one-click.ts'
import { createPostbackPoster, type PostbackPoster } from './postbacks.ts'
import { createSrsRouter } from './srs.ts'
import { createSegpayState, type SegpayState } from './state.ts'
import { createSubscriptionRouter } from './subscriptions.ts'

export type SegpaySandboxOptions = {
  /** the merchant's package and its One-Click enabled dynamic price point */
  packageId: string
  pricePointId: string
  /** the package's One-Click enabled Dynamic Recurring price point, for purchases Segpay rebills; default 27001 */
  recurringPricePointId?: string
  /** SRS credentials the merchant must present */
  srsUserId: string
  srsAccessKey: string
  /** addresses allowed to call One-Click (Segpay whitelists the merchant's servers); default 127.0.0.1 */
  merchantServerIps?: readonly string[]
  /** the registered Transaction postback URL, with or without `<name>` tokens; none are sent without it */
  postbackUrl?: string
  /** default 200 ms */
  postbackDelayMs?: number
  /** deliver every postback twice; default false */
  duplicatePostbacks?: boolean
  /** deliveries per postback while the merchant answers non-2xx; default 5 */
  postbackAttempts?: number
  fetch?: typeof fetch
}

/** Test and ops controls: outcomes that in real life happen on Segpay's side, and a look at what it holds. */
function createControlRouter(state: SegpayState, postbacks: PostbackPoster) {
  const router = express.Router()
  router.use(express.json())
  const sale = (id: unknown) => {
    const t = typeof id === 'string' ? state.find(id) : undefined
    return t && t.type === 'Sale' && t.approved ? t : undefined
  }

  /** Lists every transaction row the sandbox holds and every postback delivery. */
  router.get('/transactions', (_req, res) => {
    res.json({ transactions: state.list(), postbacks: postbacks.deliveries })
  })
  /** The fan's bank reverses a sale: records the chargeback and sends its postback. */
  router.post('/chargeback', (req, res) => {
    const t = sale(req.body?.transactionId)
    if (!t || t.state === 'chargeback') return res.status(404).json({ error: 'no approved sale with that TransID' })
    t.state = 'chargeback'
    const row = state.add({ ...t, transId: state.nextId(), type: 'Chargeback', relatedTransId: t.transId, authCode: '',
      state: 'approved', createdAt: new Date().toISOString() })
    postbacks.post(reversalPostback(t, row, Date.now()))
    res.json({ transaction: t, chargeback: row })
  })
  /** The nightly batch settles a sale: from now on a refund credits it instead of voiding it. */
  router.post('/settle', (req, res) => {
    const t = sale(req.body?.transactionId)
    if (!t) return res.status(404).json({ error: 'no approved sale with that TransID' })
    t.settled = true
    res.json({ transaction: t })
  })
  router.use(createSubscriptionRouter(state, postbacks))
  return router
}

// ASP.NET web services answer failures as plain text; the sandbox does too, without the stack trace
const errors: ErrorRequestHandler = (err: { status?: number; message?: string }, _req, res, _next) => {
  const status = err.status && err.status < 500 ? err.status : 500
  res.status(status).type('text/plain').send(status === 500 ? 'Server was unable to process request.' : (err.message ?? 'Bad Request'))
}

/** Builds the sandbox app; `stop()` cancels pending postback deliveries. */
export function createSegpaySandbox(options: SegpaySandboxOptions) {
  const state = createSegpayState()
  const postbacks = createPostbackPoster({ url: options.postbackUrl, delayMs: options.postbackDelayMs ?? 200,
    duplicate: options.duplicatePostbacks ?? false, attempts: options.postbackAttempts, fetch: options.fetch })
  const app = express()
  app.disable('x-powered-by')
  app.use(createOneClickRouter({ eticketid: `${options.packageId}:${options.pricePointId}`,
    recurringEticketid: `${options.packageId}:${options.recurringPricePointId ?? '27001'}`,
    merchantServerIps: options.merchantServerIps ?? ['127.0.0.1'], state, postbacks }))
  app.use(createSrsRouter({ userId: options.srsUserId, accessKey: options.srsAccessKey, state, postbacks }))
  app.use('/sandbox', createControlRouter(state, postbacks))
  app.use(errors)
  return { app, state, postbacks, stop: () => postbacks.stop() }
}
export type SegpaySandbox = ReturnType<typeof createSegpaySandbox>
