import { formatPrice } from '../money'
import type { Purchase } from './types'

/** What the fan sees as the outcome of their purchase. */
export function statusText(purchase: Purchase): string {
  switch (purchase.status) {
    case 'COMPLETED':
      return 'Unlocked'
    case 'DECLINED':
      return `Declined: ${purchase.declineCode ?? 'no reason given'}`
    case 'FAILED':
      return `Failed: ${purchase.failureReason ?? 'unknown error'} — you have not been charged for this post`
    case 'REFUNDED':
      return 'Refunded'
    case 'CHARGED_BACK':
      return 'Charged back'
    default:
      return 'Processing…'
  }
}

/** The purchase as the payment workflow recorded it: status, amount, tax and references. */
export function Receipt({ purchase }: { purchase: Purchase }) {
  const tax = purchase.split ? formatPrice(purchase.split.tax, purchase.currency) : '—'
  return (
    <div className={`receipt receipt-${purchase.status.toLowerCase()}`} data-testid="receipt" data-status={purchase.status}>
      <p className="receipt-status" data-testid="receipt-status">{statusText(purchase)}</p>
      <dl>
        <dt>Amount</dt>
        <dd data-testid="receipt-amount">{formatPrice(purchase.amount, purchase.currency)}</dd>
        <dt>Tax included</dt>
        <dd data-testid="receipt-tax">{tax}</dd>
        <dt>Processor</dt>
        <dd data-testid="receipt-processor">{purchase.processor}</dd>
        <dt>Transaction</dt>
        <dd data-testid="receipt-transaction">{purchase.transactionId ?? '—'}</dd>
        <dt>Purchase</dt>
        <dd data-testid="receipt-purchase-id">{purchase.id}</dd>
      </dl>
    </div>
  )
}
