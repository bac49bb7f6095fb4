/** The sandbox's transfers: create (idempotent by customerTransactionId), fund from the balance, read one, list. */
import express, { type Request, type Response } from 'express'
import type { Lifecycle } from './lifecycle.ts'
import type { WiseState, WiseTransfer } from './state.ts'
import { invalid, major, notFound, wiseTime } from './wire.ts'

export type TransferDeps = { profileId: number; state: WiseState; lifecycle: Lifecycle; now: () => number }
type Body = Record<string, unknown>

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The standard transfer object, amounts as decimal numbers. */
export const transferView = (t: WiseTransfer) => ({
  id: t.id, user: 1, targetAccount: t.targetAccount, sourceAccount: null, quote: null, quoteUuid: t.quoteUuid, status: t.status,
  reference: t.reference, rate: Number(t.rate), created: wiseTime(t.created), business: t.profile, details: { reference: t.reference },
  hasActiveIssues: false, sourceCurrency: t.sourceCurrency, sourceValue: major(t.sourceAmount, t.sourceCurrency),
  targetCurrency: t.targetCurrency, targetValue: major(t.targetAmount, t.targetCurrency), customerTransactionId: t.customerTransactionId,
})

function createTransfer(deps: TransferDeps, req: Request, res: Response) {
  const b = (req.body ?? {}) as Body
  const ctid = typeof b.customerTransactionId === 'string' ? b.customerTransactionId : ''
  if (!UUID.test(ctid)) return invalid(res, 'customerTransactionId', 'customerTransactionId must be a UUID.')
  // Wise's duplicate check: a retry with the same customerTransactionId gets the transfer it created the first time
  const earlier = deps.state.byCustomerTransactionId(ctid)
  if (earlier) return res.json(transferView(earlier))
  const quote = deps.state.quotes.get(String(b.quoteUuid ?? ''))
  if (!quote) return invalid(res, 'quoteUuid', 'Quote not found.')
  if (deps.state.list().some((t) => t.quoteUuid === quote.id)) return invalid(res, 'quoteUuid', 'This quote was already used for a transfer.')
  const recipient = deps.state.recipients.get(Number(b.targetAccount))
  if (!recipient) return invalid(res, 'targetAccount', 'Recipient account not found.')
  if (recipient.currency !== quote.targetCurrency) return invalid(res, 'targetAccount', 'Recipient currency differs from the quote.')
  const details = (typeof b.details === 'object' && b.details !== null ? b.details : {}) as Body
  const reference = typeof details.reference === 'string' ? details.reference : ''
  if (reference.length > 35) return invalid(res, 'details.reference', 'The reference is at most 35 characters on this route.')
  const created = new Date(deps.now()).toISOString()
  const transfer: WiseTransfer = {
    id: deps.state.nextId(), profile: deps.profileId, targetAccount: recipient.id, quoteUuid: quote.id, customerTransactionId: ctid,
    reference, status: 'incoming_payment_waiting', sourceCurrency: quote.sourceCurrency, sourceAmount: quote.sourceAmount,
    targetCurrency: quote.targetCurrency, targetAmount: quote.targetAmount, rate: quote.rate, created,
    history: [{ state: 'incoming_payment_waiting', at: created }], reportAmount: null, extra: false,
  }
  deps.state.addTransfer(transfer)
  deps.lifecycle.created(transfer)
  res.json(transferView(transfer))
}

function fund(deps: TransferDeps, req: Request, res: Response) {
  const transfer = deps.state.transfers.get(Number(req.params.transferId))
  if (!transfer || transfer.extra) return notFound(res, 'transfer.not-found', 'Transfer not found.')
  if ((req.body as Body | undefined)?.type !== 'BALANCE') return invalid(res, 'type', 'The sandbox funds from BALANCE only.')
  if (transfer.status !== 'incoming_payment_waiting') {
    return res.status(422).json({ errors: [{ code: 'transfer.invalid-state', message: 'The transfer is already funded or closed.', arguments: [] }] })
  }
  const balance = deps.state.balanceOf(transfer.sourceCurrency)
  if (!balance || balance.amount < transfer.sourceAmount) {
    return res.json({ type: 'BALANCE', status: 'REJECTED', errorCode: 'transfer.insufficient_funds' })
  }
  deps.lifecycle.funded(transfer)
  res.status(201).json({ type: 'BALANCE', status: 'COMPLETED', errorCode: null })
}

function list(deps: TransferDeps, req: Request, res: Response) {
  const q = req.query as Record<string, string | undefined>
  if (Number(q.profile) !== deps.profileId) return invalid(res, 'profile', 'Unknown profile.')
  const [start, end] = [q.createdDateStart ? Date.parse(q.createdDateStart) : -Infinity, q.createdDateEnd ? Date.parse(q.createdDateEnd) : Infinity]
  const limit = Math.min(Math.max(Number(q.limit ?? 100) || 100, 1), 1000)
  const offset = Math.max(Number(q.offset ?? 0) || 0, 0)
  const hits = deps.state.list()
    .filter((t) => (!q.status || q.status.split(',').includes(t.status)) && Date.parse(t.created) >= start && Date.parse(t.created) <= end)
    .sort((a, b) => b.id - a.id)
  res.json(hits.slice(offset, offset + limit).map(transferView))
}

export function createTransferRouter(deps: TransferDeps) {
  const router = express.Router()
  /** Creates a transfer from a quote to a recipient; the same customerTransactionId returns the first transfer. */
  router.post('/v1/transfers', (req, res) => createTransfer(deps, req, res))
  /** Funds a transfer from the balance: COMPLETED, or REJECTED transfer.insufficient_funds. */
  router.post('/v3/profiles/:profileId/transfers/:transferId/payments', (req, res) => fund(deps, req, res))
  /** One transfer by id. */
  router.get('/v1/transfers/:transferId', (req, res) => {
    const t = deps.state.transfers.get(Number(req.params.transferId))
    return t ? res.json(transferView(t)) : notFound(res, 'transfer.not-found', 'Transfer not found.')
  })
  /** The profile's transfers, newest first: profile, status, createdDateStart, createdDateEnd, limit, offset. */
  router.get('/v1/transfers', (req, res) => list(deps, req, res))
  return router
}
