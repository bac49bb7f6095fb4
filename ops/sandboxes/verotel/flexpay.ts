/** The sandbox's FlexPay `startorder`: one-click purchases (a oneClickToken, no order page), signed like FlexPay. */
import express, { type Request, type Response } from 'express'
import { saleParams } from './events.ts'
import { flatYaml, sandboxSignature, type Reply, type SandboxSale, type VerotelState } from './state.ts'
import type { PostbackPoster } from './postbacks.ts'

/** Test oneClickTokens: the prefix decides the outcome; any other token is unknown to Verotel. */
export const TEST_TOKENS = [
  { prefix: 'tok_approve', declineReason: null },
  { prefix: 'tok_decline_funds', declineReason: 'Insufficient funds' },
  { prefix: 'tok_decline_fraud', declineReason: 'Suspected fraud' },
  { prefix: 'tok_decline_bank', declineReason: 'Do not honor' },
  { prefix: 'tok_expired', declineReason: 'Expired card' },
] as const

const SALE_CURRENCIES = ['USD', 'EUR', 'GBP', 'AUD', 'CAD', 'CHF', 'DKK', 'NOK', 'SEK']
// FlexPay leaves these out of the signature of a startorder request
const UNSIGNED = ['signature', 'oneClickToken', 'email']

export type FlexpayDeps = { shopId: string; signatureKey: string; state: VerotelState; postbacks: PostbackPoster }

export const send = (res: Response, reply: Reply) => res.status(reply.status).type(reply.contentType).send(reply.body)
const error = (status: number, message: string) => flatYaml(status, { response: 'ERROR', error: message })

/** What is wrong with the request, or null; FlexPay checks the shop and the signature before anything else. */
function problem(deps: FlexpayDeps, q: Record<string, string>): Reply | null {
  if (q.shopID !== deps.shopId) return error(403, 'unknown shopID')
  const signed = Object.fromEntries(Object.entries(q).filter(([k]) => !UNSIGNED.includes(k)))
  if (!q.signature || q.signature.toLowerCase() !== sandboxSignature(deps.signatureKey, signed)) return error(403, 'invalid signature')
  if (Number(q.version) < 3.3 || q.type !== 'purchase') return error(400, 'one-click purchases need type=purchase and version 3.3 or later')
  if (!/^\d+\.\d{2}$/.test(q.priceAmount ?? '') || Number(q.priceAmount) <= 0) return error(400, 'priceAmount must be nnn.nn')
  if (!SALE_CURRENCIES.includes(q.priceCurrency ?? '')) return error(400, 'priceCurrency is not a sale currency')
  if (!q.description || q.description.length > 100) return error(400, 'description is mandatory, at most 100 characters')
  if (!q.oneClickToken) return error(400, 'the sandbox has no order page: send a oneClickToken')
  if (q.paymentMethod !== 'CC') return error(400, 'paymentMethod must be CC with a oneClickToken')
  return null
}

function purchase(deps: FlexpayDeps, q: Record<string, string>): Reply {
  const outcome = TEST_TOKENS.find((t) => (q.oneClickToken ?? '').startsWith(t.prefix))
  if (!outcome) return flatYaml(200, { response: 'ERROR', error: 'invalid oneClickToken' })
  const approved = outcome.declineReason === null
  const transactionID = deps.state.nextId()
  const sale: SandboxSale = {
    saleID: approved ? deps.state.nextId() : null, transactionID, referenceID: q.referenceID ?? null, shopID: deps.shopId,
    oneClickToken: q.oneClickToken ?? '', nextOneClickToken: approved ? `${outcome.prefix}_${deps.state.nextId()}` : null,
    priceAmount: q.priceAmount ?? '', priceCurrency: q.priceCurrency ?? '', description: q.description ?? '',
    custom: Object.fromEntries(Object.entries(q).filter(([k, v]) => /^custom[123]$/.test(k) && v !== '')),
    approved, declineReason: outcome.declineReason, state: approved ? 'approved' : 'declined', settled: false,
    transactions: approved ? [{ transactionID, type: 'sale', amount: q.priceAmount ?? '', parentID: null }] : [],
    createdAt: new Date().toISOString(),
  }
  deps.state.record(sale)
  if (approved) deps.postbacks.post(saleParams(sale))
  return flatYaml(200, {
    response: approved ? 'APPROVED' : 'DECLINED', saleID: sale.saleID, transactionID, referenceID: sale.referenceID,
    priceAmount: sale.priceAmount, priceCurrency: sale.priceCurrency, declineReason: sale.declineReason, oneClickToken: sale.nextOneClickToken,
  })
}

/** Flat string parameters; a repeated parameter makes the request unusable, as it would make the signature ambiguous. */
function flatQuery(req: Request): Record<string, string> | null {
  const entries = Object.entries(req.query as Record<string, unknown>)
  return entries.every(([, v]) => typeof v === 'string') ? Object.fromEntries(entries) as Record<string, string> : null
}

export function createFlexpayRouter(deps: FlexpayDeps) {
  const router = express.Router()
  /** A one-click purchase; a repeated referenceID gets the first answer (Verotel refuses it), never a second sale. */
  router.get('/startorder', (req, res) => {
    const q = flatQuery(req)
    if (!q) return send(res, error(400, 'repeated parameters'))
    const refused = problem(deps, q)
    if (refused) return send(res, refused)
    send(res, deps.state.replay('startorder', q.referenceID, () => purchase(deps, q)))
  })
  return router
}
