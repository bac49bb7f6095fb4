/**
 * The sandbox's Segpay Reporting Services: ADM.asmx/RefundTransaction and CancelMembership, the MWS.asmx reports
 * TransactionByTransID and TransactionByPurchaseID, and MerchantServices/DynamicRecurring, all HTTP GET with UserID and
 * UserAccessKey. A refund voids an unsettled sale and credits a settled one, as Segpay's reversal does.
 */
import express, { type Request } from 'express'
import { reversalPostback } from './events.ts'
import type { PostbackPoster } from './postbacks.ts'
import type { DynamicRecurringTerms, Reply, SandboxTransaction, SegpayState } from './state.ts'
import { cancelSubscription } from './subscriptions.ts'
import { dataSet, lowerQuery, send, srsString } from './wire.ts'

/** The merchant's SRS credentials, and the sandbox's memory and postbacks. */
export type SrsDeps = { userId: string; accessKey: string; state: SegpayState; postbacks: PostbackPoster }

/** '9.99' -> '9.9900': SRS reports amounts with four decimals. */
const fourDecimals = (amount: string) => {
  const [whole = '0', fraction = ''] = amount.split('.')
  return `${whole}.${fraction.padEnd(4, '0')}`
}

/** A transaction as an SRS report row (the fields of Segpay's documented example that the sandbox knows). */
function reportRow(state: SegpayState, t: SandboxTransaction): Record<string, string> {
  return {
    TransID: t.transId, RelatedTransID: t.relatedTransId, TransTime: `${t.createdAt.slice(0, 19)}+00:00`, Type: t.type,
    Source: t.type === 'Sale' ? 'OneClick' : 'System', Auth: t.approved ? 'Yes' : 'No', TransAmount: fourDecimals(t.amount),
    AuthCode: t.authCode, Currency: t.currency, PurchaseID: t.purchaseId, PurchType: state.subscriptions.has(t.purchaseId) ? 'Recurring' : 'One Time',
  }
}

function refund(deps: SrsDeps, q: Record<string, string>): Reply {
  const sale = deps.state.find(q.transid ?? '')
  if (!sale || sale.type !== 'Sale' || !sale.approved) return srsString('TransID/MerchantID Mismatch')
  if (sale.state !== 'approved') return srsString('Transaction not eligible for refund')
  const type = sale.settled ? 'Refund' : 'Void'
  sale.state = sale.settled ? 'refunded' : 'voided'
  const reversal = deps.state.add({ ...sale, transId: deps.state.nextId(), type, relatedTransId: sale.transId, authCode: '00:Approved',
    state: 'approved', createdAt: new Date().toISOString() })
  deps.postbacks.post(reversalPostback(sale, reversal, Date.now()))
  return srsString('Successful')
}

/** CancelMembership: Segpay's documented answers; the rebilling stops, access runs on to the paid period's end. */
function cancelMembership(deps: SrsDeps, q: Record<string, string>): Reply {
  const subscription = deps.state.subscriptions.get(q.purchaseid ?? '')
  if (!subscription) return srsString('PurchaseID/MerchantID Mismatch')
  return srsString(cancelSubscription(subscription, deps.postbacks) ? 'Successful' : 'Subscription not active, cancel failed')
}

const decimal = /^\d+(\.\d{1,2})?$/
const days = (text: string | undefined) => (/^\d{1,3}$/.test(text ?? '') && Number(text) > 0 ? Number(text) : null)

/** DynamicRecurring: keeps the price and answers the opaque value the One-Click sale must carry, as a JSON string. */
function dynamicRecurring(deps: SrsDeps, q: Record<string, string>): Reply {
  const [initialLength, recurringLength] = [days(q.initiallength), days(q.recurringlength)]
  const amounts = [q.initialamount ?? '', q.recurringamount ?? '']
  // the wording is the sandbox's: a real price point refuses terms outside the ranges agreed with Segpay
  if (!initialLength || !recurringLength || !amounts.every((a) => decimal.test(a) && Number(a) > 0)) return srsString('Invalid pricing')
  const terms: DynamicRecurringTerms = { initialAmount: amounts[0] ?? '', initialLength, recurringAmount: amounts[1] ?? '', recurringLength }
  return { status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(deps.state.price(terms)) }
}

/** Runs one SRS call after the credential and parameter checks every SRS method makes. */
function handle(deps: SrsDeps, req: Request, required: string, run: (q: Record<string, string>) => Reply): Reply {
  const q = lowerQuery(req.query)
  if (q.userid !== deps.userId || q.useraccesskey !== deps.accessKey) return srsString('Invalid Merchant')
  if (!q[required]) return srsString('Missing Parameter')
  return run(q)
}

/** Routes of the SRS web services. */
export function createSrsRouter(deps: SrsDeps) {
  const router = express.Router()
  // express matches paths case-insensitively, as IIS does: adm.asmx and ADM.asmx both work
  router.get('/ADM.asmx/RefundTransaction', (req, res) => {
    send(res, deps.state.replay('refund', req.get('x-idempotency-key'), () => handle(deps, req, 'transid', (q) => refund(deps, q))))
  })
  router.get('/ADM.asmx/CancelMembership', (req, res) => {
    send(res, deps.state.replay('cancel', req.get('x-idempotency-key'), () => handle(deps, req, 'purchaseid', (q) => cancelMembership(deps, q))))
  })
  router.get('/MerchantServices/DynamicRecurring', (req, res) => {
    send(res, handle(deps, req, 'initialamount', (q) => dynamicRecurring(deps, q)))
  })
  router.get('/MWS.asmx/TransactionByTransID', (req, res) => {
    send(res, handle(deps, req, 'transid', (q) => {
      const t = deps.state.find(q.transid ?? '')
      return dataSet(t ? [reportRow(deps.state, t)] : [])
    }))
  })
  router.get('/MWS.asmx/TransactionByPurchaseID', (req, res) => {
    send(res, handle(deps, req, 'purchaseid', (q) => dataSet(deps.state.byPurchase(q.purchaseid ?? '').map((t) => reportRow(deps.state, t)))))
  })
  return router
}
