/**
 * A local stand-in for CCBill: RESTful API, DataLink and webhooks in CCBill's documented formats, plus test controls
 * (chargeback, settle, and rebills of the subscriptions it holds).
 */
import express, { type ErrorRequestHandler } from 'express'
import { createDatalinkRouter } from './datalink.ts'
import { reversalEvent } from './events.ts'
import { createRestApiRouter } from './rest-api.ts'
import { createCcbillState } from './state.ts'
import { createSubscriptionRouter } from './subscriptions.ts'
import { createWebhookPoster } from './webhooks.ts'

export type CcbillSandboxOptions = {
  appId: string
  secret: string
  clientAccnum: string
  datalinkUsername: string
  datalinkPassword: string
  /** where webhooks go (CCBill appends ?eventType=...); none are sent without it */
  webhookUrl?: string
  /** default 200 ms */
  webhookDelayMs?: number
  /** deliver every webhook twice; default false */
  duplicateWebhooks?: boolean
  /** lifetime of OAuth tokens; default 3600 s */
  tokenTtlSeconds?: number
  fetch?: typeof fetch
}

/** Test and ops controls: outcomes that in real life happen on CCBill's side, and a look at what it holds. */
function createControlRouter(state: ReturnType<typeof createCcbillState>, webhooks: ReturnType<typeof createWebhookPoster>) {
  const router = express.Router()
  router.use(express.json())
  const target = (id: unknown) => (typeof id === 'string' ? state.find(id) : undefined)

  /** Lists every charge attempt the sandbox has seen. */
  router.get('/transactions', (_req, res) => {
    res.json({ transactions: state.list(), oauthTokensIssued: state.tokensIssued(), webhooks: webhooks.deliveries })
  })
  /** The fan's bank reverses a sale: marks it charged back and posts a Chargeback webhook. */
  router.post('/chargeback', (req, res) => {
    const t = target(req.body?.transactionId)
    if (!t || !t.approved) return res.status(404).json({ error: 'no approved transaction with that id' })
    t.state = 'chargeback'
    webhooks.post('Chargeback', reversalEvent(t, state.nextId(), t.initialPrice, 'Chargeback', Date.now()))
    res.json({ transaction: t })
  })
  /** The nightly batch settles a sale: from now on it can be refunded but no longer voided. */
  router.post('/settle', (req, res) => {
    const t = target(req.body?.transactionId)
    if (!t || !t.approved) return res.status(404).json({ error: 'no approved transaction with that id' })
    t.settled = true
    res.json({ transaction: t })
  })
  router.use(createSubscriptionRouter(state, webhooks))
  return router
}

// malformed JSON and other body errors answer like CCBill's API does, in JSON, not as an HTML page
const errors: ErrorRequestHandler = (err: { status?: number; message?: string }, _req, res, _next) => {
  const status = err.status && err.status < 500 ? err.status : 500
  res.status(status).json({ errorCode: status === 500 ? 100103 : 200000, generalMessage: err.message ?? 'Error', errors: [] })
}

/** Builds the sandbox app; `stop()` cancels pending webhook deliveries. */
export function createCcbillSandbox(options: CcbillSandboxOptions) {
  const state = createCcbillState({ tokenTtlSeconds: options.tokenTtlSeconds ?? 3600 })
  const webhooks = createWebhookPoster({
    url: options.webhookUrl, delayMs: options.webhookDelayMs ?? 200, duplicate: options.duplicateWebhooks ?? false, fetch: options.fetch,
  })
  const app = express()
  app.disable('x-powered-by')
  app.use(createRestApiRouter({ appId: options.appId, secret: options.secret, clientAccnum: options.clientAccnum, state, webhooks }))
  app.use(createDatalinkRouter({
    clientAccnum: options.clientAccnum, username: options.datalinkUsername, password: options.datalinkPassword, state, webhooks,
  }))
  app.use('/sandbox', createControlRouter(state, webhooks))
  app.use(errors)
  return { app, state, webhooks, stop: () => webhooks.stop() }
}
export type CcbillSandbox = ReturnType<typeof createCcbillSandbox>
