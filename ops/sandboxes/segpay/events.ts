/** The transaction and Cancellation postbacks the sandbox sends, with the parameters of Segpay's postback parameter list. */
import { segpayTime, type SandboxSubscription, type SandboxTransaction } from './state.ts'

/** Segpay's own parameters, and the request's custom ones reachable through `<extra NAME>`. */
export type Postback = { fields: Record<string, string>; extras: Record<string, string> }

const common = (row: SandboxTransaction, now: number) => ({
  approved: row.approved ? 'Yes' : 'No',
  purchaseid: row.purchaseId,
  tranid: row.transId,
  relatedtranid: row.relatedTransId,
  price: row.amount,
  currencycode: row.currency,
  eticketid: row.eticketid,
  transtime: segpayTime(now),
})

/**
 * A sale. A One-Click on a one-time price point Segpay shows as a Rebill of the original purchase (the default stage); a
 * One-Click on a recurring price point opens a new purchase (Initial), which Segpay then rebills (Conversion for the
 * first rebill, Rebill after it), the rebills echoing the first sale's custom parameters.
 */
export function salePostback(sale: SandboxTransaction, now: number, stage: 'Initial' | 'Conversion' | 'Rebill' = 'Rebill'): Postback {
  return { fields: { action: 'Auth', stage, trantype: 'Sale', ...common(sale, now) }, extras: sale.passThrough }
}

/** A Cancellation postback (member management, action Cancel): rebilling of the purchase stops. */
export function cancelPostback(subscription: SandboxSubscription, now: number): Postback {
  return {
    fields: { action: 'Cancel', purchaseid: subscription.purchaseId, eticketid: subscription.eticketid, transtime: segpayTime(now) },
    extras: subscription.passThrough,
  }
}

const REVERSAL_FIELDS: Record<Exclude<SandboxTransaction['type'], 'Sale'>, { action: string; trantype: string }> = {
  Void: { action: 'Void', trantype: 'Sale' },
  Refund: { action: 'Auth', trantype: 'Credit' },
  Chargeback: { action: 'Auth', trantype: 'Charge' },
}

/**
 * A void, credit or chargeback of a sale: its own tranid, the sale's in relatedtranid. Credits and chargebacks carry a
 * negative price (integrations such as aMember's read abs(price)); Segpay does not document the sign.
 */
export function reversalPostback(sale: SandboxTransaction, reversal: SandboxTransaction, now: number): Postback {
  if (reversal.type === 'Sale') throw new Error('a sale is not a reversal')
  const negative = reversal.type !== 'Void'
  return {
    fields: { ...REVERSAL_FIELDS[reversal.type], stage: 'Rebill', ...common(reversal, now), price: `${negative ? '-' : ''}${reversal.amount}` },
    extras: sale.passThrough,
  }
}
