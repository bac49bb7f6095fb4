/** The sandbox's transfers: create (Idempotency-Key), read one, its ACH failure, and the account's transfer list. */
import express, { type Request } from 'express'
import { decimalText, money, parseDecimal } from '../../../domain/money.ts'
import type { Lifecycle } from './lifecycle.ts'
import { baseOf, createdAt, hal, sendReply, validationError, type DwollaReply, type DwollaState, type DwollaTransfer } from './state.ts'

export type TransferDeps = { accountId: string; masterFundingSourceId: string; state: DwollaState; lifecycle: Lifecycle; now: () => number }

const usd = (cents: number) => decimalText(money(cents, 'USD'))
const idOf = (href: unknown, kind: string) => (typeof href === 'string' ? new RegExp(`/${kind}/([0-9a-f-]{36})$`).exec(href)?.[1] : undefined)
const CORRELATION_ID = /^[A-Za-z0-9._-]{1,255}$/

/** The transfer resource as Dwolla shows it; report-adjust changes the amount shown. */
export const transferView = (t: DwollaTransfer, accountId: string, masterId: string) => ({
  _links: {
    self: { href: `${t.base}/transfers/${t.id}` }, source: { href: `${t.base}/accounts/${accountId}` },
    'source-funding-source': { href: `${t.base}/funding-sources/${masterId}` }, 'destination-funding-source': { href: `${t.base}/funding-sources/${t.destinationId}` },
    ...(t.failure ? { failure: { href: `${t.base}/transfers/${t.id}/failure` } } : {}),
  },
  id: t.id, status: t.status, amount: { value: usd(t.reportAmount ?? t.amount), currency: 'USD' }, created: t.created, metadata: t.metadata,
  ...(t.correlationId ? { correlationId: t.correlationId } : {}),
})

function createTransfer(deps: TransferDeps, req: Request): DwollaReply {
  const b = (req.body ?? {}) as { _links?: Record<string, { href?: unknown }>; amount?: { value?: unknown; currency?: unknown }; metadata?: unknown; correlationId?: unknown }
  if (idOf(b._links?.source?.href, 'funding-sources') !== deps.masterFundingSourceId) return validationError('Invalid', 'Invalid funding source.', '/_links/source/href')
  const destination = deps.state.fundingSources.get(idOf(b._links?.destination?.href, 'funding-sources') ?? '')
  if (!destination) return validationError('Invalid', 'Invalid funding source.', '/_links/destination/href')
  if (b.amount?.currency !== 'USD') return validationError('Invalid', 'Invalid amount currency.', '/amount/currency')
  let amount = 0
  try {
    amount = typeof b.amount.value === 'string' ? parseDecimal(b.amount.value, 'USD') : 0
  } catch { /* refused below */ }
  if (amount <= 0) return validationError('Invalid', 'Invalid amount. The supplied amount must be a positive number.', '/amount/value')
  const metadata = (typeof b.metadata === 'object' && b.metadata !== null ? b.metadata : {}) as Record<string, unknown>
  if (Object.keys(metadata).length > 10 || Object.values(metadata).some((v) => typeof v !== 'string' || v.length > 255)) {
    return validationError('Invalid', 'Metadata takes at most 10 string values of up to 255 characters.', '/metadata')
  }
  if (b.correlationId !== undefined && (typeof b.correlationId !== 'string' || !CORRELATION_ID.test(b.correlationId))) {
    return validationError('Invalid', 'CorrelationId invalid.', '/correlationId')
  }
  if (amount > deps.state.balance()) return validationError('InsufficientFunds', 'Insufficient funds.', '/_links/source/href')
  const transfer: DwollaTransfer = { id: deps.state.newId(), base: baseOf(req), destinationId: destination.id, amount, status: 'pending',
    created: new Date(deps.now()).toISOString(), metadata: metadata as Record<string, string>, correlationId: (b.correlationId as string | undefined) ?? null,
    failure: null, reportAmount: null, extra: false }
  deps.state.transfers.set(transfer.id, transfer)
  deps.state.move(-amount)
  deps.lifecycle.created(transfer)
  return createdAt(`${transfer.base}/transfers/${transfer.id}`)
}

function listTransfers(deps: TransferDeps, req: Request): DwollaReply {
  if (req.params.accountId !== deps.accountId) return hal(404, { code: 'NotFound', message: 'Account not found.' })
  const q = req.query as Record<string, string | undefined>
  const limit = Math.min(Math.max(Number(q.limit ?? 25) || 25, 1), 200)
  const offset = Math.max(Number(q.offset ?? 0) || 0, 0)
  const day = (t: DwollaTransfer) => t.created.slice(0, 10)
  const hits = deps.state.list()
    .filter((t) => (!q.startDate || day(t) >= q.startDate.slice(0, 10)) && (!q.endDate || day(t) <= q.endDate.slice(0, 10)))
    .filter((t) => (!q.correlationId || t.correlationId === q.correlationId) && (!q.status || t.status === q.status))
    .sort((a, b) => b.created.localeCompare(a.created))
  const self = `${baseOf(req)}/accounts/${deps.accountId}/transfers`
  const page = (o: number) => ({ href: `${self}?limit=${limit}&offset=${o}` })
  return hal(200, {
    _links: { self: page(offset), first: page(0), last: page(Math.max(0, Math.floor((hits.length - 1) / limit) * limit)),
      ...(offset + limit < hits.length ? { next: page(offset + limit) } : {}) },
    _embedded: { transfers: hits.slice(offset, offset + limit).map((t) => transferView(t, deps.accountId, deps.masterFundingSourceId)) },
    total: hits.length,
  })
}

export function createTransferRouter(deps: TransferDeps) {
  const router = express.Router()
  /** Sends money from the master funding source; a repeated Idempotency-Key gets the first answer and moves nothing. */
  router.post('/transfers', (req, res) => sendReply(res, deps.state.replay('transfers', req.get('idempotency-key'), () => createTransfer(deps, req))))
  /** One transfer. */
  router.get('/transfers/:id', (req, res) => {
    const t = deps.state.transfers.get(String(req.params.id))
    sendReply(res, t ? hal(200, transferView(t, deps.accountId, deps.masterFundingSourceId)) : hal(404, { code: 'NotFound', message: 'Transfer not found.' }))
  })
  /** The ACH return of a failed transfer. */
  router.get('/transfers/:id/failure', (req, res) => {
    const t = deps.state.transfers.get(String(req.params.id))
    if (!t?.failure) return sendReply(res, hal(404, { code: 'NotFound', message: 'Failure not found.' }))
    sendReply(res, hal(200, { _links: { self: { href: `${t.base}/transfers/${t.id}/failure` } }, code: t.failure.code,
      description: t.failure.description, explanation: `The receiving bank returned the entry: ${t.failure.description}.` }))
  })
  /** The account's transfers, newest first: startDate, endDate (YYYY-MM-DD), correlationId, status, limit (≤ 200), offset. */
  router.get('/accounts/:accountId/transfers', (req, res) => sendReply(res, listTransfers(deps, req)))
  return router
}
