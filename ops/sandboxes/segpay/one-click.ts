/**
 * The sandbox's One-Click Web Service (GET /OneClickSales.asmx/SalesServiceDynamic): a sale on the card of an earlier
 * purchase, named by `octoken`. Like Segpay it only serves the merchant's whitelisted server addresses.
 *
 * Test OCTokens (PurchaseIDs of earlier purchases) are 6 to 12 digits; the last digit decides:
 *   0, 1, 7, 8  approved, AuthCode '00:Approved'
 *   2           declined '51:Insufficient Funds'
 *   3           declined '59:Suspected Fraud'
 *   4           declined '54:Expired Card'
 *   5           declined '05:Do Not Honor'
 *   6           declined '05:Do Not Honor: COF Expiration Date is Expired' (Segpay's documented One-Click wording)
 *   9           no such purchase: TransID 0, AuthCode 'Invalid OCToken' (as is any token that is not 6-12 digits)
 * e.g. 70000001 approves, 70000002 is short of funds. On the recurring price point (with `dynamictrans`, the value SRS
 * DynamicRecurring gave) an approved sale opens a new purchase, which the sandbox rebills when asked to.
 */
import express, { type Request } from 'express'
import { salePostback } from './events.ts'
import type { PostbackPoster } from './postbacks.ts'
import { SANDBOX_CURRENCIES, type DynamicRecurringTerms, type Reply, type SandboxTransaction, type SegpayState } from './state.ts'
import { lowerQuery, send, text, transReturn } from './wire.ts'

/** Declines by the OCToken's last digit; '9' is an unknown purchase, any digit not listed approves. */
export const TEST_DECLINES: Readonly<Record<string, string>> = {
  '2': '51:Insufficient Funds', '3': '59:Suspected Fraud', '4': '54:Expired Card', '5': '05:Do Not Honor',
  '6': '05:Do Not Honor: COF Expiration Date is Expired',
}
const UNKNOWN_PURCHASE_DIGIT = '9'

/** Segpay's own parameters of the request; every other one (bar x-billing fields) is a custom pass-through. */
const OWN_PARAMETERS = ['eticketid', 'octoken', 'amount', 'currencycode', 'dynamicdesc', 'dynamictrans']

/** The merchant's eticketids (one-time and recurring price points) and server addresses, and the sandbox's memory and postbacks. */
export type OneClickDeps = {
  eticketid: string; recurringEticketid: string; merchantServerIps: readonly string[]; state: SegpayState; postbacks: PostbackPoster
}

/**
 * Segpay's answers to requests it will not run; the wording is the sandbox's, Segpay publishes none. A sale on the
 * recurring price point needs the Dynamic Recurring value SRS gave for its price, and must charge that initial amount.
 */
function refusal(q: Record<string, string>, deps: OneClickDeps, terms: DynamicRecurringTerms | undefined): string | null {
  const recurring = q.eticketid === deps.recurringEticketid
  if (q.eticketid !== deps.eticketid && !recurring) return 'Invalid eticketid'
  if (!/^\d+(\.\d{1,2})?$/.test(q.amount ?? '') || Number(q.amount) <= 0) return 'Invalid amount'
  if (recurring && (!terms || Number(terms.initialAmount) !== Number(q.amount))) return 'Invalid dynamictrans'
  if (!SANDBOX_CURRENCIES.includes(q.currencycode ?? 'USD')) return 'Invalid currency'
  const token = q.octoken ?? ''
  if (!/^\d{6,12}$/.test(token) || token.endsWith(UNKNOWN_PURCHASE_DIGIT)) return 'Invalid OCToken'
  return null
}

/** Opens the purchase Segpay will rebill, on the card of the fan's earlier one. */
function subscribe(deps: OneClickDeps, sale: SandboxTransaction, terms: DynamicRecurringTerms): void {
  const now = Date.now()
  deps.state.subscriptions.set(sale.purchaseId, {
    purchaseId: sale.purchaseId, eticketid: sale.eticketid, terms, currency: sale.currency, initialTransId: sale.transId,
    passThrough: sale.passThrough, nextBillingAt: new Date(now + terms.initialLength * 86_400_000).toISOString(), cancelledAt: null, rebills: [],
  })
}

function sale(deps: OneClickDeps, req: Request): Reply {
  const q = lowerQuery(req.query)
  const terms = q.eticketid === deps.recurringEticketid ? deps.state.pricing(q.dynamictrans ?? '') : undefined
  const refused = refusal(q, deps, terms)
  if (refused) return transReturn('0', refused)
  const decline = TEST_DECLINES[(q.octoken ?? '').slice(-1)]
  const passThrough = Object.fromEntries(Object.entries(q).filter(([k]) => !OWN_PARAMETERS.includes(k) && !k.startsWith('x-')))
  // a recurring price point makes a new purchase; a one-time one charges again under the earlier purchase
  const purchaseId = terms && !decline ? deps.state.nextPurchaseId() : q.octoken ?? ''
  const t = deps.state.add({
    transId: deps.state.nextId(), purchaseId, eticketid: q.eticketid ?? '', type: 'Sale', relatedTransId: '0', amount: q.amount ?? '',
    currency: q.currencycode || 'USD', approved: !decline, authCode: decline ?? '00:Approved', state: decline ? 'declined' : 'approved',
    settled: false, passThrough, createdAt: new Date().toISOString(),
  })
  if (decline) return transReturn('0', decline)
  if (terms) subscribe(deps, t, terms)
  deps.postbacks.post(salePostback(t, Date.now(), terms ? 'Initial' : 'Rebill'))
  return transReturn(t.transId, t.authCode)
}

/** Routes of the One-Click Web Service. */
export function createOneClickRouter(deps: OneClickDeps) {
  const router = express.Router()
  router.get('/OneClickSales.asmx/SalesServiceDynamic', (req, res) => {
    const caller = (req.socket.remoteAddress ?? '').replace(/^::ffff:/i, '')
    if (!deps.merchantServerIps.includes(caller)) return send(res, text(403, `Forbidden: ${caller} is not a whitelisted merchant server`))
    send(res, deps.state.replay('oneclick', req.get('x-idempotency-key'), () => sale(deps, req)))
  })
  return router
}
