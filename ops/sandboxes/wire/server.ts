/**
 * A local stand-in for a bank's ISO 20022 payments API (HTTP Basic auth, XML bodies):
 *   POST /payments                 a pain.001.001.09 with one PmtInf and one CdtTrfTxInf; answers a pain.002.001.10:
 *                                  202 for a new MsgId (TxSts ACTC, or RJCT when refused at acceptance), 409 with GrpSts
 *                                  RJCT DU01 for a MsgId seen before (as real banks: nothing is paid again, and the
 *                                  first payment's status is read by GET), 400 with GrpSts RJCT FF01 for a message it cannot read
 *   GET  /payments/:id/status      a pain.002 by MsgId or EndToEndId (404 unknown): ACSP until settleDelayMs after
 *                                  acceptance, then ACSC (FctvIntrBkSttlmDt = settlement time)
 *   GET  /statements?fromDateTime=&toDateTime=   a camt.053.001.08, one Stmt per currency, BOOK entries whose booking
 *                                  time is in [from, to): DBIT PMNT/ICDT/XBCT for each settled payout, CRDT PMNT/ICDT/RRTN
 *                                  with RtrInf AC04 for each return; TxDtls/Refs carry AcctSvcrRef, MsgId, EndToEndId
 * Magic creditors:
 *   BIC FAILDEFFXXX            ACTC at acceptance, RJCT AC01 (incorrect account number) from the first status poll on
 *   name containing "Return"   ACSC after settleDelayMs, then RJCT AC04 (closed account) after another settleDelayMs;
 *                              the report still carries FctvIntrBkSttlmDt, which is how a return differs from a refusal
 *   anything else              settles (ACSC) after settleDelayMs
 * Refused at acceptance (RJCT in the POST answer): IBAN failing mod 97 -> AC01, malformed BIC -> RC01, currency outside
 * USD EUR GBP CAD AUD JPY -> AM03, CtrlSum or NbOfTxs not matching -> AM02, amount above the balance -> AM04.
 * The account's balance (option `balance`, minor units, the same start in every currency) is debited at acceptance and
 * credited back by a return. A wrong user or password answers 401.
 * Controls (JSON) under /sandbox: GET /payouts (payments and balances), POST /fail-next {count} (the next N API calls
 * answer 503), POST /report-adjust {providerRef, amount?, statementRef?} (the statement shows `amount` minor units, and/or
 * `statementRef` as AcctSvcrRef, for the payment with that AcctSvcrRef in pain.002),
 * POST /report-extra {amount, currency} (a settled payout in the statement that nobody asked for).
 */
import express, { type ErrorRequestHandler } from 'express'
import { createPayoutControls, isAmount } from '../payout-controls.ts'
import { createBankApiRouter } from './bank-api.ts'
import { createWireState, type WirePayment, type WireState } from './state.ts'

export type WireSandboxOptions = {
  /** the API user and password our driver sends as Basic auth (password: secret) */
  username: string
  password: string
  /** the IBAN of our account at this bank, shown on statements; default a valid German test IBAN */
  accountIban?: string
  /** from acceptance to ACSC; default 300 ms */
  settleDelayMs?: number
  /** starting balance in minor units, in every currency; default 1,000,000,000 */
  balance?: number
  now?: () => number
}

/** A statement's AcctSvcrRef: up to 34 letters and digits. */
const STATEMENT_REF = /^[A-Za-z0-9]{1,34}$/

/** The shared controls over the bank's payments; an adjustment may change the amount, the AcctSvcrRef or both. */
function createControlRouter(state: WireState, now: () => number) {
  return createPayoutControls<WirePayment>({
    list: () => ({ payouts: state.list(), balances: state.balances() }),
    failNextCalls: state.failNextCalls,
    find: state.findByRef,
    noun: 'payment',
    adjust: (payment, { amount, statementRef }) => {
      if (amount !== undefined && !isAmount(amount)) return 'amount must be a positive integer in minor units'
      if (statementRef !== undefined && (typeof statementRef !== 'string' || !STATEMENT_REF.test(statementRef))) return 'statementRef must be 1-34 letters and digits'
      if (amount === undefined && statementRef === undefined) return 'amount or statementRef required'
      if (isAmount(amount)) payment.reportAmount = amount
      if (typeof statementRef === 'string') payment.reportRef = statementRef
      return undefined
    },
    addExtra: ({ amount, currency, at }) => {
      const bankRef = state.nextRef()
      const payment: WirePayment = { msgId: `EXTRA-${bankRef}`, endToEndId: 'NOTPROVIDED', bankRef, amount, currency, remittance: '',
        creditor: { name: 'Unknown', iban: '', bic: '', country: '' }, acceptedAt: at, rejection: null, polled: false,
        settledAt: at, returnedAt: null, reportAmount: null, reportRef: null, extra: true }
      state.accept(payment)
      return payment
    },
    now,
  })
}

const errors: ErrorRequestHandler = (err: { status?: number }, _req, res, _next) => {
  const status = err.status && err.status < 500 ? err.status : 500
  res.status(status).type('text/plain').send(status === 500 ? 'Internal error' : 'Bad request')
}

/** Builds the sandbox app; statuses move on when asked about, so `stop()` has nothing to cancel. */
export function createWireSandbox(options: WireSandboxOptions) {
  const now = options.now ?? Date.now
  const state = createWireState({ balance: options.balance ?? 1_000_000_000, settleDelayMs: options.settleDelayMs ?? 300, now })
  const app = express()
  app.disable('x-powered-by')
  app.use('/sandbox', createControlRouter(state, now))
  app.use(createBankApiRouter({ username: options.username, password: options.password,
    accountIban: options.accountIban ?? 'DE89370400440532013000', state, now }))
  app.use(errors)
  return { app, state, stop: () => undefined }
}
export type WireSandbox = ReturnType<typeof createWireSandbox>
