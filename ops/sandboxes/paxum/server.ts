/**
 * A local stand-in for Paxum's Payment API (https://secure.paxum.com/payment/api/paymentAPI.php): form POSTs with
 * `method`, `fromEmail` and `key` = MD5(sharedSecret + the method's documented values in order, optional ones left out
 * when empty), XML answers `<Response><ResponseCode>00</ResponseCode>…`. Methods: transferFunds (settles at once),
 * identityVerification (does the wallet exist), transactionHistory (fromDate/toDate, pageSize up to 100, pageNumber).
 * Paxum documents no idempotency: a repeated transferFunds pays again, exactly like the real thing.
 * Magic payee e-mails (toEmail):
 *   *@invalid.paxum.test   ResponseCode IP 'Invalid Payee'      at identityVerification and transferFunds -> INVALID_ACCOUNT
 *   *@refused.paxum.test   ResponseCode UA 'Unverified Account' at transferFunds (the wallet exists) -> RECIPIENT_REFUSED
 *   anything else          paid at once, ResponseCode 00 and a TransactionId
 * A transfer above the merchant's balance in its currency answers 51 'Not Sufficient Funds'; a wrong key or fromEmail
 * answers 03 'Invalid Merchant' (our assumption: Paxum documents no separate code for a bad key).
 * Controls (JSON) under /sandbox: GET /payouts (transfers and balances), POST /fail-next {count} (the next N API calls
 * answer HTTP 503), POST /report-adjust {providerRef, amount} (transactionHistory shows `amount` minor units for that
 * TransactionId), POST /report-extra {amount, currency} (a transfer in the history that nobody asked for).
 */
import express, { type ErrorRequestHandler } from 'express'
import { isCurrency } from '../../../domain/money.ts'
import { createPaymentApiRouter } from './payment-api.ts'
import { createPaxumState, type PaxumState } from './state.ts'

export type PaxumSandboxOptions = {
  /** the merchant's Paxum login e-mail, sent as fromEmail */
  fromEmail: string
  /** the API shared secret behind every key (secret) */
  sharedSecret: string
  /** the merchant's starting balance in minor units, in every currency; default 1,000,000,000 */
  balance?: number
  now?: () => number
}

const isAmount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x > 0

/** Test and ops controls: a look at what the sandbox holds, outages, and report differences for reconciliation. */
function createControlRouter(state: PaxumState, now: () => number) {
  const router = express.Router()
  router.use(express.json())
  /** Every transfer the sandbox holds, and the merchant's balances. */
  router.get('/payouts', (_req, res) => {
    res.json({ payouts: state.list(), balances: state.balances() })
  })
  /** The next `count` API calls answer 503. */
  router.post('/fail-next', (req, res) => {
    const count = (req.body as { count?: unknown } | undefined)?.count
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return res.status(400).json({ error: 'count must be a non-negative integer' })
    state.failNextCalls(count)
    res.json({ failNext: count })
  })
  /** transactionHistory shows `amount` (minor units) for the transfer `providerRef`. */
  router.post('/report-adjust', (req, res) => {
    const { providerRef, amount } = (req.body ?? {}) as { providerRef?: unknown; amount?: unknown }
    const transfer = typeof providerRef === 'string' ? state.find(providerRef) : undefined
    if (!transfer) return res.status(404).json({ error: 'no transfer with that providerRef' })
    if (!isAmount(amount)) return res.status(400).json({ error: 'amount must be a positive integer in minor units' })
    transfer.reportAmount = amount
    res.json({ payout: transfer })
  })
  /** A transfer in the history that nobody asked for (`amount` in minor units). */
  router.post('/report-extra', (req, res) => {
    const { amount, currency } = (req.body ?? {}) as { amount?: unknown; currency?: unknown }
    if (!isAmount(amount) || !isCurrency(currency)) return res.status(400).json({ error: 'amount (minor units) and currency required' })
    const transfer = { transactionId: state.nextId(), toEmail: 'unknown@extra.paxum.test', amount, currency, note: '', reference: '',
      at: new Date(now()).toISOString(), reportAmount: null, extra: true }
    state.record(transfer)
    res.json({ payout: transfer })
  })
  return router
}

const errors: ErrorRequestHandler = (err: { status?: number }, _req, res, _next) => {
  const status = err.status && err.status < 500 ? err.status : 500
  res.status(status).type('text/plain').send(status === 500 ? 'Internal error' : 'Bad request')
}

/** Builds the sandbox app; `stop()` is there for symmetry with the other sandboxes (nothing runs in the background). */
export function createPaxumSandbox(options: PaxumSandboxOptions) {
  const now = options.now ?? Date.now
  const state = createPaxumState(options.balance ?? 1_000_000_000)
  const app = express()
  app.disable('x-powered-by')
  app.use(createPaymentApiRouter({ fromEmail: options.fromEmail, sharedSecret: options.sharedSecret, state, now }))
  app.use('/sandbox', createControlRouter(state, now))
  app.use(errors)
  return { app, state, stop: () => undefined }
}
export type PaxumSandbox = ReturnType<typeof createPaxumSandbox>
