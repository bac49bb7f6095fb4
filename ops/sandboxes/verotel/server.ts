/**
 * A local stand-in for Verotel: FlexPay one-click purchases, the Control Center API and signed postbacks, plus test
 * controls. Test oneClickTokens (the prefix decides; any suffix is allowed, e.g. tok_approve_visa):
 *   tok_approve         approved; the sale postback carries the next token (tok_approve_<id>)
 *   tok_decline_funds   declined 'Insufficient funds'   -> INSUFFICIENT_FUNDS
 *   tok_decline_fraud   declined 'Suspected fraud'      -> FRAUD_SUSPECTED
 *   tok_decline_bank    declined 'Do not honor'         -> CARD_DECLINED
 *   tok_expired         declined 'Expired card'         -> EXPIRED_CARD
 *   anything else       response ERROR 'invalid oneClickToken' -> INVALID_PAYMENT_TOKEN
 * Tokens may be used again (Verotel documents them as one-time; the sandbox does not enforce it).
 * Routes: GET /startorder, GET /api/sale/:saleID, POST /api/sale/:saleID/void|refund, /sandbox/transactions|chargeback|settle.
 */
import express, { type ErrorRequestHandler } from 'express'
import { saleView, createControlCenterRouter } from './control-center.ts'
import { reversalParams } from './events.ts'
import { createFlexpayRouter } from './flexpay.ts'
import { createPostbackPoster, type PostbackPoster } from './postbacks.ts'
import { createVerotelState, type VerotelState } from './state.ts'

export type VerotelSandboxOptions = {
  shopId: string
  signatureKey: string
  /** Control Center API user and password */
  apiUsername: string
  apiPassword: string
  /** where postbacks go; none are sent without it */
  postbackUrl?: string
  /** default 200 ms */
  postbackDelayMs?: number
  /** deliver every postback twice; default false */
  duplicatePostbacks?: boolean
  /** retries while the merchant does not answer OK: default 6 attempts, the first retry after 250 ms, then doubling */
  postbackAttempts?: number
  postbackRetryBaseMs?: number
  fetch?: typeof fetch
}

/** Test and ops controls: outcomes that in real life happen on Verotel's side, and a look at what it holds. */
function createControlRouter(state: VerotelState, postbacks: PostbackPoster) {
  const router = express.Router()
  router.use(express.json())
  const target = (body: unknown) => {
    const { transactionId, saleID } = (body ?? {}) as { transactionId?: unknown; saleID?: unknown }
    const id = transactionId ?? saleID
    return typeof id === 'string' ? state.findSale(id) : undefined
  }

  /** Lists every purchase attempt the sandbox has seen, and every postback with its delivery attempts. */
  router.get('/transactions', (_req, res) => {
    res.json({ transactions: state.list().map((s) => ({ ...s, sale: s.saleID ? saleView(s) : null })), postbacks: postbacks.deliveries })
  })
  /** The fan's bank reverses a sale: marks it charged back and sends a chargeback postback. */
  router.post('/chargeback', (req, res) => {
    const sale = target(req.body)
    if (!sale) return res.status(404).json({ error: 'no sale with that id' })
    if (sale.state === 'chargeback') return res.status(409).json({ error: 'already charged back' })
    const t = { transactionID: state.nextId(), type: 'chargeback' as const, amount: sale.priceAmount, parentID: sale.transactionID }
    sale.transactions.push(t)
    sale.state = 'chargeback'
    postbacks.post(reversalParams(sale, 'chargeback', t))
    res.json({ sale: saleView(sale) })
  })
  /** The nightly batch settles a sale: from now on it can be refunded but no longer voided. */
  router.post('/settle', (req, res) => {
    const sale = target(req.body)
    if (!sale) return res.status(404).json({ error: 'no sale with that id' })
    sale.settled = true
    res.json({ sale: saleView(sale) })
  })
  return router
}

// malformed JSON and other body errors answer like the Control Center API does, in JSON, not as an HTML page
const errors: ErrorRequestHandler = (err: { status?: number; message?: string }, _req, res, _next) => {
  const status = err.status && err.status < 500 ? err.status : 500
  res.status(status).json({ error: { title: status === 500 ? 'Internal error.' : (err.message ?? 'Bad request.') } })
}

/** Builds the sandbox app; `stop()` cancels pending postback deliveries. */
export function createVerotelSandbox(options: VerotelSandboxOptions) {
  const state = createVerotelState()
  const postbacks = createPostbackPoster({
    url: options.postbackUrl, signatureKey: options.signatureKey, delayMs: options.postbackDelayMs ?? 200,
    duplicate: options.duplicatePostbacks ?? false, attempts: options.postbackAttempts, retryBaseMs: options.postbackRetryBaseMs,
    fetch: options.fetch,
  })
  const app = express()
  app.disable('x-powered-by')
  app.use(createFlexpayRouter({ shopId: options.shopId, signatureKey: options.signatureKey, state, postbacks }))
  app.use('/api', createControlCenterRouter({ username: options.apiUsername, password: options.apiPassword, state, postbacks }))
  app.use('/sandbox', createControlRouter(state, postbacks))
  app.use(errors)
  return { app, state, postbacks, stop: () => postbacks.stop() }
}
export type VerotelSandbox = ReturnType<typeof createVerotelSandbox>
