/** The postbacks the sandbox sends, with the fields FlexPay postbacks carry (signed when posted). */
import type { SandboxSale, SandboxTransaction } from './state.ts'

function common(sale: SandboxSale): Record<string, string> {
  return {
    type: 'purchase', shopID: sale.shopID, saleID: sale.saleID ?? '', priceCurrency: sale.priceCurrency,
    ...(sale.referenceID ? { referenceID: sale.referenceID } : {}),
    ...sale.custom,
  }
}

/** A one-off purchase's sale postback: no `event` field, only `type=purchase`; it brings the next oneClickToken. */
export function saleParams(sale: SandboxSale): Record<string, string> {
  return {
    ...common(sale), transactionID: sale.transactionID, priceAmount: sale.priceAmount, paymentMethod: 'CC',
    ...(sale.nextOneClickToken ? { oneClickToken: sale.nextOneClickToken } : {}),
  }
}

/** `credit` (a void or refund: Verotel has no separate void postback) and `chargeback`; parentID is the sale transaction. */
export function reversalParams(sale: SandboxSale, event: 'credit' | 'chargeback', t: SandboxTransaction): Record<string, string> {
  return { ...common(sale), event, transactionID: t.transactionID, parentID: sale.transactionID, priceAmount: t.amount }
}
