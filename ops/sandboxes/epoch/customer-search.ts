/** The sandbox's Customer Search API (services/customer_search/index.json): search and credit. */
import express from 'express'
import { CREDIT_TYPES, CSA_ERRORS, CSA_STATUS, DATAPLUS_TYPES } from '../../../activities/payments/epoch/codes.ts'
import { digestMatches } from '../../../activities/payments/epoch/digest.ts'
import { dataPlusRow } from './events.ts'
import type { PostbackPoster } from './postbacks.ts'
import { send, type EpochState, type Reply, type SandboxSale } from './state.ts'

export type CustomerSearchDeps = { username: string; password: string; hmacKey: string; state: EpochState; postbacks: PostbackPoster }

const json = (body: Record<string, unknown>): Reply => ({ status: 200, contentType: 'application/json', body: JSON.stringify(body) })
const failure = (error: string) => json({ status: CSA_STATUS.failure, error })

/** Cents of a '9.99' amount, for comparisons without floating point. */
const cents = (amount: string) => Math.round(Number(amount) * 100)

function search(deps: CustomerSearchDeps, transId: string): Reply {
  if (!deps.state.findSale(transId)) return failure(CSA_ERRORS.notFound)
  return json({ status: CSA_STATUS.success, transactions: deps.state.history(transId) })
}

/** Before settlement the whole sale is voided; after it, the asked amount (default: all of it) is credited. */
function credit(deps: CustomerSearchDeps, sale: SandboxSale, transId: string, asked: string | undefined): Reply {
  if (sale.state === 'chargeback') return failure(CSA_ERRORS.chargedBack)
  if (sale.state !== 'approved') return failure(CSA_ERRORS.alreadyCredited)
  const amount = sale.settled && asked ? asked : sale.amount
  if (!/^\d+(\.\d{1,2})?$/.test(amount) || cents(amount) <= 0 || cents(amount) > cents(sale.amount)) return failure(CSA_ERRORS.badAmount)
  const creditType = sale.settled ? CREDIT_TYPES.credit : CREDIT_TYPES.void
  const id = deps.state.nextId()
  const row = dataPlusRow(sale, { id, type: DATAPLUS_TYPES.credit, amount: `-${amount}`, ref: transId, creditType }, Date.now())
  sale.state = sale.settled ? 'credited' : 'voided'
  deps.state.addRow(row)
  deps.postbacks.post(row)
  return json({ status: CSA_STATUS.success, trans_id: transId, credit_trans_id: id, credit_type: creditType })
}

function handle(deps: CustomerSearchDeps, q: Record<string, string>): Reply {
  if (q.auth_user !== deps.username || q.auth_pass !== deps.password || !digestMatches(q, deps.hmacKey)) return failure(CSA_ERRORS.badAuth)
  const transId = q.trans_id ?? ''
  if (q.api_action === 'search') return search(deps, transId)
  if (q.api_action !== 'credit') return failure(CSA_ERRORS.badAction)
  const sale = deps.state.findSale(transId)
  if (!sale) return failure(CSA_ERRORS.notFound)
  if (!q.credit_reason) return failure(CSA_ERRORS.badAction)
  return credit(deps, sale, transId, q.amount)
}

export function createCustomerSearchRouter(deps: CustomerSearchDeps) {
  const router = express.Router()
  router.get(['/services/customer_search/index.json', '/services/customer_search/'], (req, res) => {
    const q = req.query as Record<string, string>
    send(res, deps.state.replay(`csa:${q.api_action}`, req.get('x-idempotency-key'), () => handle(deps, q)))
  })
  return router
}
