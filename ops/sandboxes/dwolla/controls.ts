/** Test and ops controls of the Dwolla sandbox: what it holds, outages, and report differences for reconciliation. */
import express from 'express'
import type { DwollaWebhookPoster } from './events.ts'
import type { DwollaState, DwollaTransfer } from './state.ts'

const isAmount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x > 0

export function createControlRouter(state: DwollaState, webhooks: DwollaWebhookPoster, now: () => number) {
  const router = express.Router()
  router.use(express.json())
  /** Every transfer, customer and funding source, the master balance and every webhook delivery. */
  router.get('/payouts', (_req, res) => {
    res.json({ payouts: state.list(), customers: [...state.customers.values()], fundingSources: [...state.fundingSources.values()].map((f) =>
      ({ ...f, accountNumber: `****${f.accountNumber.slice(-4)}` })), balance: state.balance(), webhooks: webhooks.deliveries })
  })
  /** The next `count` API calls answer 503. */
  router.post('/fail-next', (req, res) => {
    const count = (req.body as { count?: unknown } | undefined)?.count
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return res.status(400).json({ error: 'count must be a non-negative integer' })
    state.failNextCalls(count)
    res.json({ failNext: count })
  })
  /** The transfer list shows `amount` (minor units) for the transfer `providerRef`. */
  router.post('/report-adjust', (req, res) => {
    const { providerRef, amount } = (req.body ?? {}) as { providerRef?: unknown; amount?: unknown }
    const transfer = typeof providerRef === 'string' ? state.transfers.get(providerRef) : undefined
    if (!transfer) return res.status(404).json({ error: 'no transfer with that providerRef' })
    if (!isAmount(amount)) return res.status(400).json({ error: 'amount must be a positive integer in minor units' })
    transfer.reportAmount = amount
    res.json({ payout: transfer })
  })
  /** A processed transfer in the list that nobody asked for (USD only; `amount` in minor units). */
  router.post('/report-extra', (req, res) => {
    const { amount, currency } = (req.body ?? {}) as { amount?: unknown; currency?: unknown }
    if (!isAmount(amount) || currency !== 'USD') return res.status(400).json({ error: 'amount (minor units) and currency USD required' })
    const transfer: DwollaTransfer = { id: state.newId(), base: `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`, destinationId: state.newId(), amount,
      status: 'processed', created: new Date(now()).toISOString(), metadata: {}, correlationId: null, failure: null, reportAmount: null, extra: true }
    state.transfers.set(transfer.id, transfer)
    res.json({ payout: transfer })
  })
  return router
}
