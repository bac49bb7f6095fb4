/**
 * A local stand-in for Dwolla's API (ACH payouts from the platform's master account), with signed webhooks and test
 * controls. POST /token (Basic key:secret, grant_type=client_credentials) gives an hour-long Bearer token; every other
 * call needs it and `Accept: application/vnd.dwolla.v1.hal+json` (else 401 InvalidAccessToken / 406).
 * Routes: POST /customers (receive-only; a used e-mail answers 400 Duplicate with _links.about of that customer),
 * POST /customers/{id}/funding-sources (routingNumber, accountNumber, bankAccountType checking|savings, name; 201 + Location;
 * a known account answers 400 DuplicateResource with _links.about), POST /transfers (`Idempotency-Key`: a repeat gets the
 * first answer and moves nothing; source must be the master funding source; amount {currency USD, value '12.34'};
 * metadata ≤ 10 strings; correlationId [A-Za-z0-9._-]), GET /transfers/{id}, GET /transfers/{id}/failure,
 * GET /accounts/{accountId}/transfers?startDate=&endDate=&correlationId=&status=&limit=&offset= (newest first).
 * Magic destinations:
 *   routing number failing the ABA checksum   400 ValidationError (path /routingNumber) at funding-source creation
 *   account number ending 0003               pending, then failed R03 "No account/unable to locate" after settleDelayMs
 *   account number ending 0002               processed after settleDelayMs, then failed R02 "Account closed" as long again
 *   anything else                            processed after settleDelayMs (default 300 ms)
 * A transfer above the master balance (option `balance`, default 1,000,000,000 cents) answers 400 ValidationError with
 * embedded code InsufficientFunds; a failed transfer's money returns to the balance.
 * Webhooks: each change is posted to `webhookUrl` as `{id, resourceId, topic, timestamp, _links}` with topics
 * transfer_created, transfer_completed, transfer_failed; HMAC-SHA256 of the body keyed by `webhookSecret`, hex, in
 * X-Request-Signature-SHA-256; after `webhookDelayMs`, twice (same event id) with `duplicateWebhooks`, retried with
 * backoff until the receiver answers 2xx (same body each time, as Dwolla does).
 * Controls (JSON) under /sandbox: GET /payouts, POST /fail-next {count} (the next N API calls, /token included, answer
 * 503), POST /report-adjust {providerRef, amount}, POST /report-extra {amount, currency: 'USD'}.
 */
import express, { type ErrorRequestHandler } from 'express'
import { posterSettings, type WebhookOptions } from '../payout-controls.ts'
import { requireToken, createTokenRouter } from './auth.ts'
import { createControlRouter } from './controls.ts'
import { createCustomerRouter } from './customers.ts'
import { createDwollaWebhookPoster } from './events.ts'
import { createLifecycle } from './lifecycle.ts'
import { createDwollaState } from './state.ts'
import { createTransferRouter } from './transfers.ts'

/** The sandbox's master account and its funding source (Dwolla balance), unless the options name others. */
export const SANDBOX_ACCOUNT_ID = '0ee84069-47c5-455c-b425-633523291dc3'
export const SANDBOX_MASTER_FUNDING_SOURCE_ID = '9ece9660-aa34-41eb-80d7-0125d53b45e8'

export type DwollaSandboxOptions = WebhookOptions & {
  /** application key and secret for POST /token (secret) */
  key: string
  secret: string
  /** the webhook subscription's secret that signs every webhook (secret) */
  webhookSecret: string
  accountId?: string
  masterFundingSourceId?: string
  /** from creation to processed/failed; default 300 ms */
  settleDelayMs?: number
  /** the master balance in cents; default 1,000,000,000 */
  balance?: number
  now?: () => number
}

const errors: ErrorRequestHandler = (err: { status?: number }, _req, res, _next) => {
  const status = err.status && err.status < 500 ? err.status : 500
  res.status(status).type('application/vnd.dwolla.v1.hal+json').send(JSON.stringify(status === 500
    ? { code: 'ServerError', message: 'A server error occurred.' } : { code: 'BadRequest', message: 'The request body contains bad syntax or is incomplete.' }))
}

/** Builds the sandbox app; `stop()` cancels pending transfer changes and webhook deliveries. */
export function createDwollaSandbox(options: DwollaSandboxOptions) {
  const now = options.now ?? Date.now
  const accountId = options.accountId ?? SANDBOX_ACCOUNT_ID
  const masterFundingSourceId = options.masterFundingSourceId ?? SANDBOX_MASTER_FUNDING_SOURCE_ID
  const state = createDwollaState(options.balance ?? 1_000_000_000)
  const webhooks = createDwollaWebhookPoster({ ...posterSettings(options), secret: options.webhookSecret })
  const lifecycle = createLifecycle({ state, webhooks, accountId, settleDelayMs: options.settleDelayMs ?? 300, now })
  const auth = { key: options.key, secret: options.secret, state, now }
  const api = express.Router()
  api.use((_req, res, next) => (state.takeFailure()
    ? res.status(503).type('application/vnd.dwolla.v1.hal+json').send(JSON.stringify({ code: 'ServiceUnavailable', message: 'Service unavailable.' })) : next()))
  api.use(createTokenRouter(auth))
  api.use(requireToken(auth), express.json({ type: ['application/json', 'application/vnd.dwolla.v1.hal+json'] }))
  api.use(createCustomerRouter({ state, now }), createTransferRouter({ accountId, masterFundingSourceId, state, lifecycle, now }))
  const app = express()
  app.disable('x-powered-by')
  app.use('/sandbox', createControlRouter(state, webhooks, now))
  app.use(api)
  app.use(errors)
  return { app, state, webhooks, accountId, masterFundingSourceId, stop: () => { lifecycle.stop(); webhooks.stop() } }
}
export type DwollaSandbox = ReturnType<typeof createDwollaSandbox>
