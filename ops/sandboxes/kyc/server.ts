/** A local stand-in for Veriff: Public API v1, the hosted verification flow and signed decision webhooks, plus test controls. */
import express, { type ErrorRequestHandler } from 'express'
import { createApiRouter } from './api.ts'
import { createControlRouter } from './controls.ts'
import { createHostedFlowRouter } from './hosted-flow.ts'
import { createKycState } from './state.ts'
import { createWebhookPoster } from './webhooks.ts'

/** The integration the sandbox plays Veriff for, and how it delivers webhooks. */
export type KycSandboxOptions = {
  /** the integration's API key (a UUID, as Veriff's are), expected as X-AUTH-CLIENT */
  apiKey: string
  /** the integration's shared secret key: checks request signatures, signs answers and webhooks */
  sharedSecret: string
  /** where decision webhooks go; none are sent without it */
  webhookUrl?: string
  /** default 200 ms */
  webhookDelayMs?: number
  /** deliver every webhook twice; default false */
  duplicateWebhooks?: boolean
  /** base of the hosted-flow links handed out; a function when the port is known only after listening (port 0) */
  publicUrl: string | (() => string)
  fetch?: typeof fetch
}

// malformed bodies and other errors answer like Veriff's API does, in JSON, not as an HTML page
const errors: ErrorRequestHandler = (err: { status?: number; message?: string }, _req, res, _next) => {
  const status = err.status && err.status < 500 ? err.status : 500
  res.status(status).json({ status: 'fail', message: status === 500 ? 'Internal server error' : (err.message ?? 'Bad request') })
}

/** Builds the sandbox app; `stop()` cancels pending webhook deliveries. */
export function createKycSandbox(options: KycSandboxOptions) {
  const state = createKycState()
  const webhooks = createWebhookPoster({
    url: options.webhookUrl, apiKey: options.apiKey, sharedSecret: options.sharedSecret,
    delayMs: options.webhookDelayMs ?? 200, duplicate: options.duplicateWebhooks ?? false, fetch: options.fetch,
  })
  const { publicUrl } = options
  const base = typeof publicUrl === 'function' ? publicUrl : () => publicUrl
  const app = express()
  app.disable('x-powered-by')
  app.use(createApiRouter({ apiKey: options.apiKey, sharedSecret: options.sharedSecret, state, publicUrl: () => base().replace(/\/+$/, '') }))
  app.use(createHostedFlowRouter({ state, webhooks }))
  app.use('/sandbox', createControlRouter({ state, webhooks }))
  app.use(errors)
  return { app, state, webhooks, stop: () => webhooks.stop() }
}
/** A running sandbox's app, state, webhook poster and stop. */
export type KycSandbox = ReturnType<typeof createKycSandbox>
