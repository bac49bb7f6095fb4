/**
 * Verotel Control Center API: HTTP Basic with the API user, the version in the Accept header, JSON answers with
 * `is_success` or `{ error: { title } }`. `POST sale/{saleID}/cancel` is the one call public integrations show; the
 * sale record, void and refund calls below follow the same shape and are our assumption (the reference is merchant-only).
 */
import { CONTROL_CENTER_ACCEPT } from './codes.ts'

export type ControlCenterConfig = { apiUrl: string; username: string; password: string; fetch: typeof fetch }

/** One money movement of a sale: the sale itself, a void, a credit (refund) or a chargeback. */
export type SaleTransaction = { transaction_id: string; type: string; amount: string; parent_id: string | null }
/** A sale as the API describes it; `settled` turns true with the nightly batch, after which voids are refused. */
export type SaleRecord = {
  sale_id: string; shop_id: string; reference_id: string | null; amount: string; currency: string; settled: boolean
  transactions: SaleTransaction[]
}

/** The outcome of an action: success with the new transaction, or the API's refusal (4xx other than auth). */
export type ActionReply = { ok: true; transactionId: string } | { ok: false; status: number; title: string }

/** Statuses a retry (or an operator fixing the credentials) can cure: never a permanent refusal. */
const transient = (status: number) => status >= 500 || status === 401 || status === 403 || status === 429

export function createControlCenterClient(config: ControlCenterConfig) {
  const auth = `Basic ${Buffer.from(`${config.username}:${config.password}`).toString('base64')}`

  async function call(method: 'GET' | 'POST', path: string, body?: unknown, idempotencyKey?: string) {
    const res = await config.fetch(`${config.apiUrl}/${path}`, {
      method,
      headers: {
        Authorization: auth, Accept: CONTROL_CENTER_ACCEPT,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        // not a documented Verotel header; the sandbox replays the first answer for it, the real de-duplication is
        // the sale lookup the driver makes before every reversal
        ...(idempotencyKey ? { 'X-Idempotency-Key': idempotencyKey } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    if (transient(res.status)) throw new Error(`Verotel Control Center ${method} ${path} failed with HTTP ${res.status}`)
    return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown> }
  }

  const title = (json: Record<string, unknown>, status: number) =>
    String((json.error as { title?: unknown } | undefined)?.title ?? `HTTP ${status}`)

  return {
    /** The sale record, or null when the API does not know the sale. */
    async sale(saleId: string): Promise<SaleRecord | null> {
      const { status, json } = await call('GET', `sale/${encodeURIComponent(saleId)}`)
      if (status === 404) return null
      if (status !== 200 || typeof json.sale !== 'object' || json.sale === null) {
        throw new Error(`Verotel Control Center answered HTTP ${status} for sale ${saleId}: ${title(json, status)}`)
      }
      return json.sale as SaleRecord
    },
    /** Voids (`void`) or credits (`refund`) a sale; a refusal comes back as data for the caller to judge. */
    async reverse(saleId: string, action: 'void' | 'refund', body: Record<string, string>, idempotencyKey: string): Promise<ActionReply> {
      const { status, json } = await call('POST', `sale/${encodeURIComponent(saleId)}/${action}`, body, idempotencyKey)
      if (status === 200 && json.is_success === true) return { ok: true, transactionId: String(json.transaction_id ?? '') }
      return { ok: false, status, title: title(json, status) }
    },
  }
}
export type ControlCenterClient = ReturnType<typeof createControlCenterClient>
