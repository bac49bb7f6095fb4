/** The transaction postbacks the sandbox sends, with the parameters of Segpay's postback parameter list. */
import { segpayTime, type SandboxTransaction } from './state.ts'

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

/** A One-Click on a one-time price point: Segpay shows it as a Rebill of the original purchase. */
export function salePostback(sale: SandboxTransaction, now: number): Postback {
  return { fields: { action: 'Auth', stage: 'Rebill', trantype: 'Sale', ...common(sale, now) }, extras: sale.passThrough }
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
