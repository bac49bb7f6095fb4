/** The sandbox's recipient accounts (POST /v1/accounts) and quotes (POST /v3/profiles/{profileId}/quotes). */
import { randomUUID } from 'node:crypto'
import express, { type Request, type Response } from 'express'
import { convert, isCurrency } from '../../../domain/money.ts'
import { compactCode, ibanProblem } from '../../../domain/payouts/bank-numbers.ts'
import { MAGIC_HOLDERS } from './lifecycle.ts'
import type { WiseQuote, WiseRecipient, WiseState } from './state.ts'
import { invalid, major, minor, sandboxRate } from './wire.ts'

export type RecipientDeps = { profileId: number; state: WiseState; now: () => number }
type Body = Record<string, unknown>

/** An IBAN as Wise takes it: spaces and lower case allowed, then the ISO 13616 checks (country, length, mod-97). */
export const ibanValid = (iban: string): boolean => ibanProblem(compactCode(iban)) === null

/** What is wrong with the account's details for its type, as [path, message], or null. */
function detailsProblem(type: unknown, currency: unknown, d: Body): [string, string] | null {
  const text = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '')
  if (type === 'iban') return ibanValid(text('IBAN')) ? null : ['details.IBAN', 'Please specify a valid IBAN.']
  if (type === 'sort_code') {
    if (currency !== 'GBP') return ['currency', 'Sort code accounts are in GBP.']
    if (!/^\d{6}$/.test(text('sortCode').replace(/-/g, ''))) return ['details.sortCode', 'Please specify a valid sort code.']
    return /^\d{8}$/.test(text('accountNumber')) ? null : ['details.accountNumber', 'Please specify a valid account number.']
  }
  if (type === 'aba') {
    if (currency !== 'USD') return ['currency', 'ABA accounts are in USD.']
    if (!/^\d{9}$/.test(text('abartn'))) return ['details.abartn', 'Please specify a valid routing number.']
    if (!/^\d{4,17}$/.test(text('accountNumber'))) return ['details.accountNumber', 'Please specify a valid account number.']
    return ['CHECKING', 'SAVINGS'].includes(text('accountType')) ? null : ['details.accountType', 'CHECKING or SAVINGS.']
  }
  return ['type', 'The sandbox takes iban, sort_code and aba accounts.']
}

function createRecipient(deps: RecipientDeps, req: Request, res: Response) {
  const b = (req.body ?? {}) as Body
  if (b.profile !== deps.profileId) return invalid(res, 'profile', 'Unknown profile.')
  const name = typeof b.accountHolderName === 'string' ? b.accountHolderName.trim() : ''
  if (name.length < 2 || name.includes(MAGIC_HOLDERS.invalid)) return invalid(res, 'accountHolderName', 'Please specify a valid account holder name.')
  if (!isCurrency(b.currency) || b.currency === 'USDC') return invalid(res, 'currency', 'Currency is not supported.')
  const details = (typeof b.details === 'object' && b.details !== null ? b.details : {}) as Body
  const problem = detailsProblem(b.type, b.currency, details)
  if (problem) return invalid(res, ...problem)
  const recipient: WiseRecipient = { id: deps.state.nextId(), profile: deps.profileId, accountHolderName: name, currency: b.currency,
    type: String(b.type), details }
  deps.state.recipients.set(recipient.id, recipient)
  res.json({ ...recipient, business: deps.profileId, user: 1, active: true, ownedByCustomer: false })
}

/** The quote as Wise answers it, amounts as decimal numbers. */
export const quoteView = (q: WiseQuote) => ({
  id: q.id, profile: q.profile, sourceCurrency: q.sourceCurrency, targetCurrency: q.targetCurrency, rate: Number(q.rate),
  sourceAmount: major(q.sourceAmount, q.sourceCurrency), targetAmount: major(q.targetAmount, q.targetCurrency),
  createdTime: q.createdTime, rateType: 'FIXED', payOut: 'BANK_TRANSFER', status: 'PENDING',
  paymentOptions: [{ payIn: 'BALANCE', payOut: 'BANK_TRANSFER', fee: { total: 0 } }],
})

function createQuote(deps: RecipientDeps, req: Request, res: Response) {
  const b = (req.body ?? {}) as Body
  const [source, target] = [String(b.sourceCurrency ?? ''), String(b.targetCurrency ?? '')]
  const rate = isCurrency(source) && isCurrency(target) ? sandboxRate(source, target) : null
  if (!rate) return invalid(res, 'targetCurrency', `The sandbox does not quote ${source} to ${target}.`)
  if ((b.sourceAmount === undefined) === (b.targetAmount === undefined)) return invalid(res, 'sourceAmount', 'Give sourceAmount or targetAmount.')
  const given = b.sourceAmount !== undefined ? minor(b.sourceAmount, source) : minor(b.targetAmount, target)
  if (!given) return invalid(res, b.sourceAmount !== undefined ? 'sourceAmount' : 'targetAmount', 'Please specify a positive amount.')
  const inverse = (Number(1) / Number(rate)).toFixed(8)
  const [sourceAmount, targetAmount] = b.sourceAmount !== undefined
    ? [given, convert(given, source, target, rate).amount] : [convert(given, target, source, inverse).amount, given]
  const quote: WiseQuote = { id: randomUUID(), profile: deps.profileId, sourceCurrency: source, targetCurrency: target, sourceAmount,
    targetAmount, rate, createdTime: new Date(deps.now()).toISOString() }
  deps.state.quotes.set(quote.id, quote)
  res.json(quoteView(quote))
}

export function createRecipientRouter(deps: RecipientDeps) {
  const router = express.Router()
  /** Creates a recipient account; invalid details answer 422 with errors[]. */
  router.post('/v1/accounts', (req, res) => createRecipient(deps, req, res))
  /** Quotes a payout for a fixed source or target amount (the sandbox charges no fee). */
  router.post('/v3/profiles/:profileId/quotes', (req, res) => createQuote(deps, req, res))
  return router
}
