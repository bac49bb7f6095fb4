/**
 * A local stand-in for the Wise Platform API (bank payouts from a pre-funded balance), with signed webhooks and test
 * controls. Every API call needs `Authorization: Bearer <apiToken>`; paths naming a profile must name `profileId`.
 * Routes: POST /v1/accounts (recipient: iban | sort_code | aba; invalid details answer 422 `errors[]`),
 * POST /v3/profiles/{profileId}/quotes (sourceAmount or targetAmount; fixed sandbox rates, no fee),
 * POST /v1/transfers (customerTransactionId must be a UUID; repeating it returns the first transfer, Wise's documented
 * duplicate check), POST /v3/profiles/{profileId}/transfers/{id}/payments {type:'BALANCE'} (COMPLETED, or 200 REJECTED
 * `transfer.insufficient_funds` when the balance is short; 422 `transfer.invalid-state` once funded), GET /v1/transfers/{id},
 * GET /v1/transfers?profile=&status=&createdDateStart=&createdDateEnd=&limit=&offset=, GET /v4/profiles/{profileId}/balances,
 * GET /v1/profiles/{profileId}/balance-statements/{balanceId}/statement.json?currency=&intervalStart=&intervalEnd=.
 * Transfers: incoming_payment_waiting at creation; processing once funded; then, `settleDelayMs` later (default 300 ms),
 * by the recipient's accountHolderName (case-sensitive substrings):
 *   contains "Invalid"   recipient creation answers 422 (path accountHolderName): no transfer can be made to it
 *   contains "Cancel"    cancelled (the balance is refunded)
 *   contains "Bounce"    outgoing_payment_sent, then bounced_back another settleDelayMs later (the balance is refunded)
 *   anything else        outgoing_payment_sent (paid out: final for the sandbox)
 * Each change (creation included, previous_state null) is posted to `webhookUrl` as `transfers#state-change` (schema
 * 2.0.0, data.resource.id = transfer id, data.occurred_at), signed RSA-SHA256 over the body, base64 in X-Signature-SHA256,
 * with the private key of ./local-keys.ts; after `webhookDelayMs`, twice with `duplicateWebhooks`, retried with backoff
 * until the receiver answers 2xx. sent_at is stamped per attempt, so each attempt has its own signature.
 * Funds: one STANDARD balance per currency, each starting at `balance` minor units (default 1,000,000,000).
 * Controls (JSON) under /sandbox: GET /payouts, POST /fail-next {count} (the next N API calls answer 503),
 * POST /report-adjust {providerRef, amount} (the statement shows `amount` for that transfer's debit),
 * POST /report-extra {amount, currency} (a debit for a payout nobody asked for).
 */
import express, { type ErrorRequestHandler, type RequestHandler } from 'express'
import { posterSettings, type WebhookOptions } from '../payout-controls.ts'
import { createBalanceRouter } from './balances.ts'
import { createControlRouter } from './controls.ts'
import { createLifecycle } from './lifecycle.ts'
import { createRecipientRouter } from './recipients.ts'
import { createWiseState } from './state.ts'
import { createTransferRouter } from './transfers.ts'
import { createWiseWebhookPoster } from './webhooks.ts'

export type WiseSandboxOptions = WebhookOptions & {
  /** the API token the sandbox accepts as Bearer (secret) */
  apiToken: string
  /** the business profile id */
  profileId: number
  /** from funding to the outcome; default 300 ms */
  settleDelayMs?: number
  /** each currency's starting balance in minor units; default 1,000,000,000 */
  balance?: number
  now?: () => number
}

const guard = (options: WiseSandboxOptions, takeFailure: () => boolean): RequestHandler => (req, res, next) => {
  if (takeFailure()) return res.status(503).json({ error: 'service_unavailable', error_description: 'Service temporarily unavailable' })
  if (req.get('authorization') !== `Bearer ${options.apiToken}`) return res.status(401).json({ error: 'invalid_token', error_description: 'Invalid token' })
  const profile = /\/profiles\/([^/]+)/.exec(req.path)?.[1]
  if (profile !== undefined && profile !== String(options.profileId)) {
    return res.status(403).json({ errors: [{ code: 'forbidden', message: 'You are not allowed to access this profile.', arguments: [] }] })
  }
  next()
}

// malformed JSON answers in Wise's errors[] shape, not as an HTML page
const errors: ErrorRequestHandler = (err: { status?: number }, _req, res, _next) => {
  const status = err.status && err.status < 500 ? err.status : 500
  res.status(status).json({ errors: [{ code: status === 500 ? 'internal.error' : 'bad.request', message: status === 500 ? 'Internal error' : 'Bad request', arguments: [] }] })
}

/** Builds the sandbox app; `stop()` cancels pending state changes and webhook deliveries. */
export function createWiseSandbox(options: WiseSandboxOptions) {
  const now = options.now ?? Date.now
  const state = createWiseState(options.balance ?? 1_000_000_000)
  const webhooks = createWiseWebhookPoster(posterSettings(options))
  const lifecycle = createLifecycle({ state, webhooks, settleDelayMs: options.settleDelayMs ?? 300, now })
  const deps = { profileId: options.profileId, state, now }
  const api = express.Router()
  api.use(guard(options, () => state.takeFailure()), express.json())
  api.use(createRecipientRouter(deps), createTransferRouter({ ...deps, lifecycle }), createBalanceRouter(deps))
  const app = express()
  app.disable('x-powered-by')
  app.use('/sandbox', createControlRouter(state, webhooks, now))
  app.use(api)
  app.use(errors)
  return { app, state, webhooks, stop: () => { lifecycle.stop(); webhooks.stop() } }
}
export type WiseSandbox = ReturnType<typeof createWiseSandbox>
