/**
 * A local stand-in for Epoch: camcharge, the Customer Search API and signed Data Plus postbacks, plus test controls.
 *
 * Test members (the fan's paymentToken is the Epoch member id; the prefix decides):
 *   10…    approves, e.g. 1000000001
 *   2051…  declines NINSUFFICIENTFUNDS   2054…  declines NEXPIREDCARD
 *   2059…  declines NFRAUDSCRUB          2005…  declines NDECLINED
 *   any other id (or a non-numeric one) declines NMEMBERNOTFOUND
 * Merchant credentials checked: co_code + epoch_digest (HMAC key) on camcharge (401 otherwise);
 * auth_user/auth_pass + epoch_digest on Customer Search (NINVALIDAUTH otherwise).
 * A credit voids an unsettled sale whole and credits a settled one (POST /sandbox/settle) by the asked amount.
 */
import express, { type ErrorRequestHandler } from 'express'
import { DATAPLUS_TYPES } from '../../../activities/payments/epoch/codes.ts'
import { createCamchargeRouter } from './camcharge.ts'
import { createCustomerSearchRouter } from './customer-search.ts'
import { dataPlusRow } from './events.ts'
import { createPostbackPoster, type PostbackPoster } from './postbacks.ts'
import { createEpochState, type EpochState } from './state.ts'

export type EpochSandboxOptions = {
  coCode: string
  hmacKey: string
  csaUsername: string
  csaPassword: string
  /** where Data Plus rows are posted; none are sent without it */
  postbackUrl?: string
  /** default 200 ms */
  postbackDelayMs?: number
  /** deliver every row twice; default false */
  duplicatePostbacks?: boolean
  fetch?: typeof fetch
}

/** Test and ops controls: outcomes that in real life happen on Epoch's side, and a look at what it holds. */
function createControlRouter(state: EpochState, postbacks: PostbackPoster) {
  const router = express.Router()
  router.use(express.json())
  const target = (id: unknown) => (typeof id === 'string' ? state.findSale(id) : undefined)

  /** Lists every charge attempt, every Data Plus row and every postback delivery. */
  router.get('/transactions', (_req, res) => {
    res.json({ transactions: state.sales(), rows: state.rows(), postbacks: postbacks.deliveries })
  })
  /** The fan's bank reverses a sale: marks it charged back and posts a 'D' row. */
  router.post('/chargeback', (req, res) => {
    const t = target(req.body?.transactionId)
    if (!t?.transactionId) return res.status(404).json({ error: 'no approved transaction with that id' })
    t.state = 'chargeback'
    const row = dataPlusRow(t, { id: state.nextId(), type: DATAPLUS_TYPES.chargeback, amount: `-${t.amount}`, ref: t.transactionId }, Date.now())
    state.addRow(row)
    postbacks.post(row)
    res.json({ transaction: t, row })
  })
  /** The nightly batch settles a sale: from now on a credit refunds it instead of voiding it. */
  router.post('/settle', (req, res) => {
    const t = target(req.body?.transactionId)
    if (!t) return res.status(404).json({ error: 'no approved transaction with that id' })
    t.settled = true
    res.json({ transaction: t })
  })
  return router
}

// body errors answer in plain text like Epoch's services do, not as an HTML page
const errors: ErrorRequestHandler = (err: { status?: number; message?: string }, _req, res, _next) => {
  const status = err.status && err.status < 500 ? err.status : 500
  res.status(status).type('text/plain').send(status === 500 ? 'NSYSTEMERROR' : 'NINVALIDREQUEST')
}

/** Builds the sandbox app; `stop()` cancels pending postback deliveries. */
export function createEpochSandbox(options: EpochSandboxOptions) {
  const state = createEpochState()
  const postbacks = createPostbackPoster({ url: options.postbackUrl, hmacKey: options.hmacKey, delayMs: options.postbackDelayMs ?? 200,
    duplicate: options.duplicatePostbacks ?? false, fetch: options.fetch })
  const app = express()
  app.disable('x-powered-by')
  app.use(createCamchargeRouter({ coCode: options.coCode, hmacKey: options.hmacKey, state, postbacks }))
  app.use(createCustomerSearchRouter({ username: options.csaUsername, password: options.csaPassword, hmacKey: options.hmacKey, state, postbacks }))
  app.use('/sandbox', createControlRouter(state, postbacks))
  app.use(errors)
  return { app, state, postbacks, stop: () => postbacks.stop() }
}
export type EpochSandbox = ReturnType<typeof createEpochSandbox>
