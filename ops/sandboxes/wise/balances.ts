/** The sandbox's balance accounts (GET /v4/profiles/{profileId}/balances) and balance statements (statement.json). */
import express, { type Request, type Response } from 'express'
import type { StatementEntry, WiseState } from './state.ts'
import { invalid, major, notFound } from './wire.ts'

export type BalanceDeps = { profileId: number; state: WiseState }

/** One statement transaction in Wise's JSON shape; report-adjust changes the amount shown for a payout's debit. */
function transaction(state: WiseState, e: StatementEntry) {
  const transfer = state.transfers.get(e.transferId)
  const amount = e.amount < 0 && transfer?.reportAmount != null ? -transfer.reportAmount : e.amount
  return {
    type: amount < 0 ? 'DEBIT' : 'CREDIT', date: e.at,
    amount: { value: major(amount, e.currency), currency: e.currency }, totalFees: { value: 0, currency: e.currency },
    details: {
      type: 'TRANSFER', description: amount < 0 ? `Sent money to ${e.holderName}` : `Refund of transfer ${e.transferId}`,
      recipient: { name: e.holderName }, paymentReference: e.reference,
    },
    exchangeDetails: null, referenceNumber: `TRANSFER-${e.transferId}`,
  }
}

function statement(deps: BalanceDeps, req: Request, res: Response) {
  const balance = deps.state.balances.find((b) => b.id === Number(req.params.balanceId))
  if (!balance) return notFound(res, 'balance.not-found', 'Balance not found.')
  const q = req.query as Record<string, string | undefined>
  if (q.currency !== balance.currency) return invalid(res, 'currency', `Balance ${balance.id} is in ${balance.currency}.`)
  const [start, end] = [Date.parse(q.intervalStart ?? ''), Date.parse(q.intervalEnd ?? '')]
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return invalid(res, 'intervalStart', 'intervalStart and intervalEnd are ISO times, start first.')
  if (end - start > 469 * 86_400_000) return invalid(res, 'intervalEnd', 'The interval is at most 469 days.')
  const lines = deps.state.statement.filter((e) => e.currency === balance.currency && Date.parse(e.at) >= start && Date.parse(e.at) <= end)
  res.json({
    accountHolder: { type: 'BUSINESS', businessName: 'Fanz Sandbox Ltd' }, issuer: { name: 'Wise Payments Limited' },
    bankDetails: null, transactions: lines.map((e) => transaction(deps.state, e)),
    endOfStatementBalance: { value: major(balance.amount, balance.currency), currency: balance.currency },
    query: { intervalStart: q.intervalStart, intervalEnd: q.intervalEnd, currency: balance.currency, accountId: balance.id },
  })
}

export function createBalanceRouter(deps: BalanceDeps) {
  const router = express.Router()
  /** The profile's STANDARD balances, one per currency. */
  router.get('/v4/profiles/:profileId/balances', (_req, res) => {
    res.json(deps.state.balances.map((b) => ({ id: b.id, currency: b.currency, type: 'STANDARD', name: null, visible: true,
      amount: { value: major(b.amount, b.currency), currency: b.currency }, reservedAmount: { value: 0, currency: b.currency } })))
  })
  /** A balance's statement between intervalStart and intervalEnd, in `currency`. */
  router.get('/v1/profiles/:profileId/balance-statements/:balanceId/statement.json', (req, res) => statement(deps, req, res))
  return router
}
