/**
 * Segpay Reporting Services (srs.segpay.com): ADM.asmx consumer-support tasks (RefundTransaction, CancelMembership),
 * MWS.asmx reports (TransactionByTransID, TransactionByPurchaseID) and MerchantServices/DynamicRecurring pricing. HTTP
 * GET with UserID and UserAccessKey in the query; tasks answer `<string>text</string>`, reports a DataSet whose
 * `<Data>` rows hold TransID, RelatedTransID, Type, Auth, TransAmount, PurchaseID...
 */
import { SRS_ANSWERS } from './codes.ts'
import { elementText, rows } from './xml.ts'

/** Where SRS is and the merchant's SRS User ID and User Access Key (secret). */
export type SrsConfig = { srsBaseUrl: string; userId: string; accessKey: string; fetch: typeof fetch }

/** One report row, element name -> text. */
export type SrsRow = Record<string, string>

/** A Dynamic Recurring price in Segpay's terms: decimal amounts, lengths in days. */
export type DynamicRecurringTerms = { initialAmount: string; initialLength: number; recurringAmount: string; recurringLength: number }

/** A client for the SRS calls the driver needs; stateless. */
export function createSrsClient(config: SrsConfig) {
  async function get(path: string, params: Record<string, string>, headers: Record<string, string> = {}): Promise<string> {
    const query = new URLSearchParams({ UserID: config.userId, UserAccessKey: config.accessKey, ...params })
    const res = await config.fetch(`${config.srsBaseUrl}/${path}?${query}`, { headers: { Accept: 'text/xml', ...headers } })
    if (!res.ok) throw new Error(`Segpay SRS ${path} failed with HTTP ${res.status}`)
    const body = await res.text()
    if (elementText(body, 'string') === SRS_ANSWERS.invalidMerchant) {
      // retryable on purpose: an operator fixing the credentials cures it
      throw new Error(`Segpay SRS ${path} answered '${SRS_ANSWERS.invalidMerchant}' (check the SRS user id and access key)`)
    }
    return body
  }

  async function report(method: string, params: Record<string, string>): Promise<SrsRow[]> {
    const body = await get(`MWS.asmx/${method}`, params)
    const refusal = elementText(body, 'string')
    if (refusal !== null) throw new Error(`Segpay SRS ${method} answered '${refusal}'`)
    return rows(body, 'Data')
  }

  /** A consumer-support task's `<string>` answer. */
  async function task(method: string, params: Record<string, string>, idempotencyKey: string): Promise<string> {
    // as with One-Click, the key header is ours; the status lookup before every refund is the real de-duplication
    const body = await get(`ADM.asmx/${method}`, params, { 'X-Idempotency-Key': idempotencyKey })
    const answer = elementText(body, 'string')
    if (answer === null) throw new Error(`Segpay SRS ${method} answer is not a <string>: '${body.slice(0, 120)}'`)
    return answer
  }

  return {
    /** Reverses one transaction; the answer text ('Successful' or why not). Segpay takes no amount: always in full. */
    refundTransaction: (transId: string, reason: string, idempotencyKey: string) =>
      task('RefundTransaction', { TransID: transId, RefundReason: reason }, idempotencyKey),
    /** Stops the rebilling of a purchase (access runs on to the paid period's end); the answer text. */
    cancelMembership: (purchaseId: string, reason: string, idempotencyKey: string) =>
      task('CancelMembership', { PurchaseID: purchaseId, CancelReason: reason }, idempotencyKey),
    /**
     * The value Segpay encrypts a Dynamic Recurring price into (passed on as `dynamictrans`), so the price of a recurring
     * purchase cannot be altered on its way. Answered as a JSON string; a `<string>` is a refusal (terms outside the
     * price point's ranges).
     */
    async dynamicRecurring(terms: DynamicRecurringTerms): Promise<{ ok: true; value: string } | { ok: false; message: string }> {
      const body = await get('MerchantServices/DynamicRecurring', { InitialAmount: terms.initialAmount,
        InitialLength: String(terms.initialLength), RecurringAmount: terms.recurringAmount, RecurringLength: String(terms.recurringLength) })
      const refusal = elementText(body, 'string')
      if (refusal !== null) return { ok: false, message: refusal }
      const value = body.trim().replace(/^"(.*)"$/s, '$1')
      if (!value) throw new Error('Segpay SRS DynamicRecurring answered an empty value')
      return { ok: true, value }
    },
    /** The row of one transaction (sale, void, credit or chargeback); empty when Segpay has none for us. */
    transactionByTransId: (transId: string) => report('TransactionByTransID', { TransID: transId }),
    /** Every transaction of a purchase: the sale, One-Clicks on it, and the reversals pointing at them. */
    transactionsByPurchaseId: (purchaseId: string) => report('TransactionByPurchaseID', { PurchaseID: purchaseId }),
  }
}
