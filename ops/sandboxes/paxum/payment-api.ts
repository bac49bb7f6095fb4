/** The sandbox's paymentAPI.php: form POSTs signed with `key`, XML answers, the methods our driver uses. */
import express, { type Request, type Response } from 'express'
import { decimalText, isCurrency, money, parseDecimal } from '../../../domain/money.ts'
import { paxumResponse, sandboxKey, type PaxumState, type PaxumTransfer } from './state.ts'

export type PaymentApiDeps = { fromEmail: string; sharedSecret: string; state: PaxumState; now: () => number }
type Fields = Record<string, string | undefined>

export const INVALID_PAYEE_DOMAIN = '@invalid.paxum.test'
export const REFUSED_PAYEE_DOMAIN = '@refused.paxum.test'

const decimal = (amount: number, currency: string) => decimalText(money(amount, currency))
const DATE = /^\d{4}-\d{2}-\d{2}$/
const isPayee = (email: string | undefined): email is string => !!email && /^[^@\s]+@[^@\s]+$/.test(email)

/** Paxum's statement time: 'yyyy-mm-dd hh:mm:ss', UTC in the sandbox. */
const statementTime = (iso: string) => iso.slice(0, 19).replace('T', ' ')

function transferFunds(deps: PaymentApiDeps, f: Fields): [string, string, Record<string, unknown>?] {
  const keyed = [f.toEmail, f.amount, f.currency, f.note, f.firstName, f.lastName, f.businessName, f.reference]
  if (f.key !== sandboxKey(deps.sharedSecret, keyed)) return ['03', 'Invalid Merchant']
  if (!isPayee(f.toEmail) || !f.amount) return ['30', 'Format Error']
  if (!isCurrency(f.currency) || f.currency === 'USDC') return ['IK', 'Invalid Currency']
  let amount: number
  try {
    amount = parseDecimal(f.amount, f.currency)
  } catch {
    return ['30', 'Format Error']
  }
  if (amount <= 0) return ['30', 'Format Error']
  const email = f.toEmail.toLowerCase()
  if (email.endsWith(INVALID_PAYEE_DOMAIN)) return ['IP', 'Invalid Payee']
  if (email.endsWith(REFUSED_PAYEE_DOMAIN)) return ['UA', 'Unverified Account']
  if (amount > deps.state.balance(f.currency)) return ['51', 'Not Sufficient Funds']
  const transfer: PaxumTransfer = { transactionId: deps.state.nextId(), toEmail: f.toEmail, amount, currency: f.currency,
    note: f.note ?? '', reference: f.reference ?? '', at: new Date(deps.now()).toISOString(), reportAmount: null, extra: false }
  deps.state.record(transfer)
  return ['00', 'Approved or Completed Successfully', { TransactionId: transfer.transactionId }]
}

function identityVerification(deps: PaymentApiDeps, f: Fields): [string, string, Record<string, unknown>?] {
  if (f.key !== sandboxKey(deps.sharedSecret, [f.toEmail, f.firstName, f.lastName])) return ['03', 'Invalid Merchant']
  if (!isPayee(f.toEmail)) return ['30', 'Format Error']
  // the @refused wallets exist: Paxum refuses them only when money is sent
  if (f.toEmail.toLowerCase().endsWith(INVALID_PAYEE_DOMAIN)) return ['IP', 'Invalid Payee']
  return ['00', 'Approved or Completed Successfully', { TransactionId: deps.state.nextId() }]
}

function transactionHistory(deps: PaymentApiDeps, f: Fields): [string, string, Record<string, unknown>?] {
  const keyed = [f.accountId, f.fromDate, f.toDate, f.pageSize, f.pageNumber]
  if (f.key !== sandboxKey(deps.sharedSecret, keyed)) return ['03', 'Invalid Merchant']
  if (!f.fromDate || !f.toDate || !DATE.test(f.fromDate) || !DATE.test(f.toDate)) return ['30', 'Format Error']
  const pageSize = Math.min(Math.max(Number(f.pageSize ?? 10) || 10, 1), 100)
  const pageNumber = Math.max(Number(f.pageNumber ?? 1) || 1, 1)
  const { fromDate, toDate } = f as { fromDate: string; toDate: string }
  const inRange = deps.state.list().filter((t) => t.at.slice(0, 10) >= fromDate && t.at.slice(0, 10) <= toDate)
  const page = inRange.slice((pageNumber - 1) * pageSize, pageNumber * pageSize)
  return ['00', 'Approved or Completed Successfully', {
    Results: inRange.length, PageSize: pageSize, PageNumber: pageNumber,
    Transaction: page.map((t) => ({
      TransactionId: t.transactionId, TransactionTypeId: '1', TransactionDate: statementTime(t.at),
      Amount: `-${decimal(t.reportAmount ?? t.amount, t.currency)}`, Currency: t.currency,
      Description: t.extra ? 'Transfer' : `Transfer to ${t.toEmail}${t.note ? `: ${t.note}` : ''}`,
      Reference: t.reference, Balance: '0.00', Reversible: '0',
    })),
  }]
}

const METHODS = { transferFunds, identityVerification, transactionHistory } as const

/** POST /payment/api/paymentAPI.php: Paxum answers HTTP 200 with a ResponseCode for every business outcome. */
export function createPaymentApiRouter(deps: PaymentApiDeps) {
  const router = express.Router()
  router.post('/payment/api/paymentAPI.php', express.urlencoded({ extended: false }), (req: Request, res: Response) => {
    if (deps.state.takeFailure()) return res.status(503).type('text/plain').send('Service Unavailable')
    const fields = Object.fromEntries(Object.entries((req.body ?? {}) as Record<string, unknown>)
      .map(([k, v]) => [k, typeof v === 'string' ? v : undefined])) as Fields
    const method = fields.method ?? ''
    const reply = (code: string, description: string, extra?: Record<string, unknown>) =>
      res.status(200).type('application/xml').send(paxumResponse(method, code, description, extra))
    if (fields.fromEmail?.toLowerCase() !== deps.fromEmail.toLowerCase()) return reply('03', 'Invalid Merchant')
    const handler = Object.hasOwn(METHODS, method) ? METHODS[method as keyof typeof METHODS] : undefined
    if (!handler) return reply('IM', 'Invalid Method Name')
    reply(...handler(deps, fields))
  })
  return router
}
