/** The sandbox's Control Center API: Basic auth, the sale record, void (before settlement) and refund (credit). */
import express, { type Request } from 'express'
import { reversalParams } from './events.ts'
import { send } from './flexpay.ts'
import { json, type Reply, type SandboxSale, type SandboxTransaction, type VerotelState } from './state.ts'
import type { PostbackPoster } from './postbacks.ts'

export type ControlCenterDeps = { username: string; password: string; state: VerotelState; postbacks: PostbackPoster }

const failure = (status: number, title: string) => json(status, { error: { title } })

/** The record as GET /api/sale/{saleID} returns it. */
export const saleView = (s: SandboxSale) => ({
  sale_id: s.saleID, shop_id: s.shopID, reference_id: s.referenceID, amount: s.priceAmount, currency: s.priceCurrency,
  settled: s.settled, transactions: s.transactions.map((t) => ({ transaction_id: t.transactionID, type: t.type, amount: t.amount,
    parent_id: t.parentID })),
})

function reverse(deps: ControlCenterDeps, sale: SandboxSale, type: 'void' | 'credit', amount: string): Reply {
  const t: SandboxTransaction = { transactionID: deps.state.nextId(), type, amount, parentID: sale.transactionID }
  sale.transactions.push(t)
  sale.state = type === 'void' ? 'voided' : 'refunded'
  deps.postbacks.post(reversalParams(sale, 'credit', t))
  return json(200, { is_success: true, transaction_id: t.transactionID })
}

function voidSale(deps: ControlCenterDeps, sale: SandboxSale): Reply {
  if (sale.state !== 'approved') return failure(412, 'This sale cannot be voided.')
  if (sale.settled) return failure(412, 'This sale is already settled.')
  return reverse(deps, sale, 'void', sale.priceAmount)
}

function refundSale(deps: ControlCenterDeps, sale: SandboxSale, amount: unknown): Reply {
  if (typeof amount !== 'string' || !/^\d+(\.\d{1,2})?$/.test(amount) || Number(amount) <= 0 || Number(amount) > Number(sale.priceAmount)) {
    return failure(400, 'Invalid amount.')
  }
  if (sale.state !== 'approved') return failure(412, 'This sale cannot be refunded.')
  return reverse(deps, sale, 'credit', Number(amount).toFixed(2))
}

function authorised(deps: ControlCenterDeps, req: Request): boolean {
  const [scheme, encoded = ''] = (req.get('authorization') ?? '').split(' ')
  return scheme === 'Basic' && Buffer.from(encoded, 'base64').toString() === `${deps.username}:${deps.password}`
}

export function createControlCenterRouter(deps: ControlCenterDeps) {
  const router = express.Router()
  router.use((req, res, next) => {
    if (!authorised(deps, req)) return send(res, failure(401, 'Invalid credentials.'))
    if (!(req.get('accept') ?? '').includes('application/json')) return send(res, failure(406, 'Accept must be application/json.'))
    next()
  })
  /** The sale and its money movements. */
  router.get('/sale/:saleID', (req, res) => {
    const sale = deps.state.findSale(String(req.params.saleID))
    send(res, sale ? json(200, { sale: saleView(sale) }) : failure(404, 'Sale not found.'))
  })
  /** Voids an unsettled sale, or credits (part of) a sale; a repeated X-Idempotency-Key gets the first answer. */
  router.post('/sale/:saleID/:action', express.json(), (req, res) => {
    const { saleID, action } = { saleID: String(req.params.saleID), action: String(req.params.action) }
    if (action !== 'void' && action !== 'refund') return send(res, failure(404, 'Unknown action.'))
    send(res, deps.state.replay(`${action}:${saleID}`, req.get('x-idempotency-key'), () => {
      const sale = deps.state.findSale(saleID)
      if (!sale) return failure(404, 'Sale not found.')
      return action === 'void' ? voidSale(deps, sale) : refundSale(deps, sale, (req.body as { amount?: unknown } | undefined)?.amount)
    }))
  })
  return router
}
