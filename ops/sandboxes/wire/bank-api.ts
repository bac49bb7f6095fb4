/** The sandbox bank's ISO 20022 API: Basic auth, POST /payments (pain.001), GET /payments/:id/status, GET /statements. */
import express, { type Request, type Response } from 'express'
import { isCurrency, parseDecimal } from '../../../domain/money.ts'
import { duplicateReport, paymentStatusReport, readInitiation, statement, unreadableReport, type Initiation } from './messages.ts'
import type { WirePayment, WireState } from './state.ts'

export type BankApiDeps = { username: string; password: string; accountIban: string; state: WireState; now: () => number }

const BIC = /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/

/** The sandbox's own IBAN check (ISO 13616 mod 97 on a BigInt), written apart from the driver's. */
function ibanOk(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false
  const rearranged = `${iban.slice(4)}${iban.slice(0, 4)}`.split('').map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('')
  return BigInt(rearranged) % 97n === 1n
}

/** Checks done at acceptance: a failure here is a RJCT the customer sees at once, and the payment is kept as rejected. */
function acceptance(deps: BankApiDeps, i: Initiation, amount: number | null): { code: string; text: string } | null {
  if (amount === null || amount <= 0 || i.ctrlSum !== i.amount || i.nbOfTxs !== '1') return { code: 'AM02', text: 'Not allowed amount' }
  if (!ibanOk(i.creditor.iban)) return { code: 'AC01', text: 'Incorrect account number' }
  if (!BIC.test(i.creditor.bic)) return { code: 'RC01', text: 'Bank identifier incorrect' }
  if (amount > deps.state.balance(i.currency)) return { code: 'AM04', text: 'Insufficient funds' }
  return null
}

function amountOf(i: Initiation): number | null {
  if (!isCurrency(i.currency) || i.currency === 'USDC') return null
  try {
    return parseDecimal(i.amount, i.currency)
  } catch {
    return null
  }
}

export function createBankApiRouter(deps: BankApiDeps) {
  const router = express.Router()
  const now = () => new Date(deps.now()).toISOString()
  const xml = (res: Response, status: number, body: string) => res.status(status).type('application/xml').send(body)
  router.use((req, res, next) => {
    if (deps.state.takeFailure()) return res.status(503).type('text/plain').send('Service Unavailable')
    const [scheme, encoded = ''] = (req.get('authorization') ?? '').split(' ')
    if (scheme !== 'Basic' || Buffer.from(encoded, 'base64').toString() !== `${deps.username}:${deps.password}`) {
      return res.status(401).set('www-authenticate', 'Basic realm="payments"').type('text/plain').send('Unauthorized')
    }
    next()
  })

  /** Takes a credit transfer initiation: 202 for a new MsgId; a repeated one is refused (409, RJCT DU01) and pays nothing. */
  router.post('/payments', express.text({ type: ['application/xml', 'text/xml'], limit: '1mb' }), (req: Request, res: Response) => {
    const initiation = typeof req.body === 'string' ? readInitiation(req.body) : null
    if (!initiation) return xml(res, 400, unreadableReport(deps.state.nextRef(), now()))
    // as a real bank: a MsgId seen before is a duplicate message, refused whole; the customer reads the first one's status
    if (deps.state.find(initiation.msgId)) return xml(res, 409, duplicateReport(initiation.msgId, deps.state.nextRef(), now()))
    const amount = amountOf(initiation)
    const rejection = isCurrency(initiation.currency) && initiation.currency !== 'USDC' ? acceptance(deps, initiation, amount) : { code: 'AM03', text: 'Not allowed currency' }
    const payment: WirePayment = {
      msgId: initiation.msgId, endToEndId: initiation.endToEndId, bankRef: deps.state.nextRef(), amount: amount ?? 0, currency: initiation.currency,
      creditor: initiation.creditor, remittance: initiation.remittance, acceptedAt: now(), rejection, polled: false,
      settledAt: null, returnedAt: null, reportAmount: null, reportRef: null, extra: false,
    }
    deps.state.accept(payment)
    xml(res, 202, paymentStatusReport(payment, true, deps.state.nextRef(), now()))
  })

  /** The status of a payment by MsgId or EndToEndId, as a pain.002. */
  router.get('/payments/:id/status', (req, res) => {
    const payment = deps.state.find(String(req.params.id), true)
    if (!payment) return res.status(404).type('text/plain').send('No such payment')
    xml(res, 200, paymentStatusReport(payment, false, deps.state.nextRef(), now()))
  })

  /** The camt.053 statement of entries booked in [fromDateTime, toDateTime). */
  router.get('/statements', (req, res) => {
    const [from, to] = [Date.parse(String(req.query.fromDateTime)), Date.parse(String(req.query.toDateTime))]
    if (Number.isNaN(from) || Number.isNaN(to) || from > to) return res.status(400).type('text/plain').send('fromDateTime and toDateTime (ISO 8601) required')
    const within = (at: string | null): at is string => at !== null && Date.parse(at) >= from && Date.parse(at) < to
    const entries = deps.state.list().flatMap((p) => [
      ...(within(p.settledAt) ? [{ p, at: p.settledAt, credit: false }] : []),
      ...(within(p.returnedAt) ? [{ p, at: p.returnedAt, credit: true }] : []),
    ])
    const range = { from: new Date(from).toISOString(), to: new Date(to).toISOString() }
    xml(res, 200, statement(entries, range, { iban: deps.accountIban, balances: deps.state.balances() }, deps.state.nextRef(), now()))
  })
  return router
}
