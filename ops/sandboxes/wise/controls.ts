/** Test and ops controls of the Wise sandbox: what it holds, outages, and report differences for reconciliation. */
import express from 'express'
import { isCurrency } from '../../../domain/money.ts'
import type { WiseState, WiseTransfer } from './state.ts'
import type { WiseWebhookPoster } from './webhooks.ts'

const isAmount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x > 0

export function createControlRouter(state: WiseState, webhooks: WiseWebhookPoster, now: () => number) {
  const router = express.Router()
  router.use(express.json())
  /** Every transfer, the balances and every webhook delivery. */
  router.get('/payouts', (_req, res) => {
    res.json({ payouts: state.list(), balances: state.balances, webhooks: webhooks.deliveries })
  })
  /** The next `count` API calls answer 503. */
  router.post('/fail-next', (req, res) => {
    const count = (req.body as { count?: unknown } | undefined)?.count
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return res.status(400).json({ error: 'count must be a non-negative integer' })
    state.failNextCalls(count)
    res.json({ failNext: count })
  })
  /** The balance statement shows `amount` (minor units) for the payout `providerRef` (a transfer id). */
  router.post('/report-adjust', (req, res) => {
    const { providerRef, amount } = (req.body ?? {}) as { providerRef?: unknown; amount?: unknown }
    const transfer = state.transfers.get(Number(providerRef))
    if (!transfer) return res.status(404).json({ error: 'no transfer with that providerRef' })
    if (!isAmount(amount)) return res.status(400).json({ error: 'amount must be a positive integer in minor units' })
    transfer.reportAmount = amount
    res.json({ payout: transfer })
  })
  /** A payout in the statement that nobody asked for (`amount` in minor units, debited from no real balance). */
  router.post('/report-extra', (req, res) => {
    const { amount, currency } = (req.body ?? {}) as { amount?: unknown; currency?: unknown }
    if (!isAmount(amount) || !isCurrency(currency) || !state.balanceOf(currency)) return res.status(400).json({ error: 'amount (minor units) and currency required' })
    const at = new Date(now()).toISOString()
    const transfer: WiseTransfer = { id: state.nextId(), profile: 0, targetAccount: 0, quoteUuid: '', customerTransactionId: '', reference: '',
      status: 'outgoing_payment_sent', sourceCurrency: currency, sourceAmount: amount, targetCurrency: currency, targetAmount: amount, rate: '1',
      created: at, history: [{ state: 'outgoing_payment_sent', at }], reportAmount: null, extra: true }
    state.addTransfer(transfer)
    state.book(transfer, -amount, at)
    res.json({ payout: transfer })
  })
  return router
}
