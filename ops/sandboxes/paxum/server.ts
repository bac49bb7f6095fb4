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
import { createPayoutControls } from '../payout-controls.ts'
import { createPaymentApiRouter } from './payment-api.ts'
import { createPaxumState, type PaxumState, type PaxumTransfer } from './state.ts'

export type PaxumSandboxOptions = {
  /** the merchant's Paxum login e-mail, sent as fromEmail */
  fromEmail: string
  /** the API shared secret behind every key (secret) */
  sharedSecret: string
  /** the merchant's starting balance in minor units, in every currency; default 1,000,000,000 */
  balance?: number
  now?: () => number
}

/** The shared controls over Paxum's transfers; an extra line is a transfer in the history that nobody asked for. */
function createControlRouter(state: PaxumState, now: () => number) {
  return createPayoutControls({
    list: () => ({ payouts: state.list(), balances: state.balances() }),
    failNextCalls: state.failNextCalls,
    find: state.find,
    addExtra: ({ amount, currency, at }) => {
      const transfer: PaxumTransfer = { transactionId: state.nextId(), toEmail: 'unknown@extra.paxum.test', amount, currency,
        note: '', reference: '', at, reportAmount: null, extra: true }
      state.record(transfer)
      return transfer
    },
    now,
  })
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
