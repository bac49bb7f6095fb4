/** The sandbox's DataLink subscriptionManagement.cgi: refundTransaction, voidTransaction, viewSubscriptionStatus, cancelSubscription. */
import express, { type Request } from 'express'
import { reversalEvent } from './events.ts'
import { send } from './rest-api.ts'
import { cancelRecurring } from './subscriptions.ts'
import type { CcbillState, Reply, SandboxTransaction } from './state.ts'
import type { WebhookPoster } from './webhooks.ts'

export type DatalinkDeps = { clientAccnum: string; username: string; password: string; state: CcbillState; webhooks: WebhookPoster }

/** CSV as DataLink writes it: a quoted header line and one quoted value line. */
const csv = (record: Record<string, string | number>): Reply => ({
  status: 200, contentType: 'text/plain',
  body: `${Object.keys(record).map((k) => `"${k}"`).join(',')}\n${Object.values(record).map((v) => `"${v}"`).join(',')}\n`,
})
const result = (code: number) => csv({ results: code })

const count = (t: SandboxTransaction, state: SandboxTransaction['state']) => (t.state === state ? 1 : 0)

/** '2026-03-01T12:00:00.000Z' -> '20260301120000', DataLink's date format. */
const compact = (iso: string | null | undefined) => (iso ?? '').replace(/\D/g, '').slice(0, 14)

// subscriptionStatus: 2 active, 1 cancelled (access runs on to its expiration), 0 inactive
function viewStatus(t: SandboxTransaction): Reply {
  const r = t.recurring
  return csv({
    subscriptionStatus: t.state !== 'approved' ? 0 : r?.cancelledAt ? 1 : 2, signupDate: compact(t.createdAt),
    cancelDate: compact(r?.cancelledAt), expirationDate: '', recurringSubscription: r ? 1 : 0,
    timesRebilled: r ? r.renewals.filter((x) => x.approved).length : 0, chargebacksIssued: count(t, 'chargeback'),
    refundsIssued: count(t, 'refunded'), voidsIssued: count(t, 'voided'),
  })
}

function voidTransaction(deps: DatalinkDeps, t: SandboxTransaction): Reply {
  // 0: only an approved, not yet settled sale can be voided
  if (t.state !== 'approved' || t.settled) return result(0)
  t.state = 'voided'
  deps.webhooks.post('Void', reversalEvent(t, deps.state.nextId(), t.initialPrice, 'Webmaster', Date.now()))
  return result(1)
}

/** What the subscription billed last: its latest approved rebill, or the sale itself; a refund gives back at most that. */
const lastBilled = (t: SandboxTransaction) => t.recurring?.renewals.filter((r) => r.approved).at(-1)?.amount ?? t.initialPrice

function refundTransaction(deps: DatalinkDeps, t: SandboxTransaction, amount: string | undefined): Reply {
  if (!amount || !/^\d+(\.\d{1,2})?$/.test(amount) || Number(amount) <= 0 || Number(amount) > Number(lastBilled(t))) return result(-5)
  if (t.state !== 'approved') return result(0)
  t.state = 'refunded'
  t.refundedAmount = amount
  deps.webhooks.post('Refund', reversalEvent(t, deps.state.nextId(), amount, 'Customer Refunded', Date.now()))
  return result(1)
}

function handle(deps: DatalinkDeps, req: Request): Reply {
  const q = req.query as Record<string, string | undefined>
  if (q.clientAccnum !== deps.clientAccnum || q.username !== deps.username || q.password !== deps.password) return result(-1)
  const actions = ['refundTransaction', 'voidTransaction', 'viewSubscriptionStatus', 'cancelSubscription']
  if (!actions.includes(q.action ?? '')) return result(-6)
  if (!/^\d+$/.test(q.subscriptionId ?? '')) return result(-2)
  const t = deps.state.find(q.subscriptionId ?? '')
  if (!t || !t.approved) return result(-3)
  if (t.clientAccnum !== q.clientAccnum) return result(-4)
  if (q.action === 'viewSubscriptionStatus') return viewStatus(t)
  // 0: nothing to cancel, a one-time sale or one cancelled before
  if (q.action === 'cancelSubscription') return result(cancelRecurring(t, deps.webhooks, 'Cancelled by merchant') ? 1 : 0)
  return q.action === 'voidTransaction' ? voidTransaction(deps, t) : refundTransaction(deps, t, q.amount)
}

export function createDatalinkRouter(deps: DatalinkDeps) {
  const router = express.Router()
  router.get('/utils/subscriptionManagement.cgi', (req, res) => {
    const scope = `datalink:${String(req.query.action)}`
    send(res, deps.state.replay(scope, req.get('x-idempotency-key'), () => handle(deps, req)))
  })
  return router
}
