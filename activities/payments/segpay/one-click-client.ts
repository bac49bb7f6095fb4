/**
 * Segpay One-Click Web Service (service.segpay.com/OneClickSales.asmx/SalesServiceDynamic): a merchant-initiated sale
 * on the card stored with an earlier purchase, whose PurchaseID is passed as `octoken`. Segpay authenticates the call
 * by the merchant's whitelisted server addresses and answers `<TransReturn>` with TransID 0 when nothing was approved.
 */
import { elementText } from './xml.ts'

/** Where the service is and which package and dynamic price point our sales run on. */
export type OneClickConfig = { oneClickBaseUrl: string; packageId: string; pricePointId: string; fetch: typeof fetch }

/** One merchant-initiated sale, in Segpay's terms. */
export type OneClickSale = {
  /** the PurchaseID of the fan's earlier purchase (the OCToken) */
  purchaseId: string
  /** decimal major units, e.g. '9.99' */
  amount: string
  currency: string
  description: string
  /** custom parameters Segpay echoes into postbacks */
  passThrough: Record<string, string>
  /** a recurring purchase: our recurring price point, and the Dynamic Recurring value SRS encrypted its terms into */
  recurring?: { pricePointId: string; dynamicTrans: string }
}

/** The `<TransReturn>` (TransID '0' when nothing was approved), or an HTTP refusal of the request itself. */
export type OneClickReply =
  | { ok: true; transId: string; authCode: string }
  | { ok: false; status: number; message: string }

const ONE_CLICK_PATH = '/OneClickSales.asmx/SalesServiceDynamic'

function query(config: OneClickConfig, sale: OneClickSale): URLSearchParams {
  return new URLSearchParams({
    ...sale.passThrough,
    eticketid: `${config.packageId}:${sale.recurring?.pricePointId ?? config.pricePointId}`,
    octoken: sale.purchaseId,
    amount: sale.amount,
    currencycode: sale.currency,
    dynamicdesc: sale.description,
    ...(sale.recurring ? { dynamictrans: sale.recurring.dynamicTrans } : {}),
  })
}

/** A client for the One-Click Web Service; stateless. */
export function createOneClickClient(config: OneClickConfig) {
  return {
    /** Runs one sale; throws on transport failures, 5xx, 401 and 403 (a retry or an operator can cure those). */
    async sale(sale: OneClickSale, idempotencyKey: string): Promise<OneClickReply> {
      const res = await config.fetch(`${config.oneClickBaseUrl}${ONE_CLICK_PATH}?${query(config, sale)}`, {
        // Segpay documents no idempotency key and ignores unknown headers; our sandbox replays the first answer for it
        headers: { Accept: 'text/xml', 'X-Idempotency-Key': idempotencyKey },
      })
      const body = await res.text()
      if (res.status >= 500 || res.status === 401 || res.status === 403) {
        throw new Error(`Segpay One-Click answered HTTP ${res.status} (is this server's address whitelisted with Segpay?)`)
      }
      if (!res.ok) return { ok: false, status: res.status, message: body.slice(0, 200) || `HTTP ${res.status}` }
      const transId = elementText(body, 'TransID')
      if (transId === null) throw new Error(`Segpay One-Click answer has no TransID: '${body.slice(0, 120)}'`)
      return { ok: true, transId, authCode: elementText(body, 'AuthCode') ?? '' }
    },
  }
}
