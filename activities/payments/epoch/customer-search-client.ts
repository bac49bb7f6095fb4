/** Epoch's Customer Search API (services/customer_search/index.json): search a transaction's history and credit it. */
import { z } from 'zod'
import { CREDIT_TYPES, CSA_STATUS } from './codes.ts'
import { signParams } from './digest.ts'

export type CustomerSearchConfig = { csaBaseUrl: string; username: string; password: string; hmacKey: string; fetch: typeof fetch }

/** One row of a transaction's history, in Data Plus's own column names. */
const historyRow = z.object({
  ets_transaction_id: z.string(),
  ets_transaction_type: z.string(),
  ets_transaction_amount: z.string(),
  ets_transaction_date: z.string(),
  ets_ref_trans_ids: z.string().optional(),
  credit_type: z.enum([CREDIT_TYPES.void, CREDIT_TYPES.credit]).optional(),
})
export type HistoryRow = z.output<typeof historyRow>

/**
 * Public Customer Search clients show the actions (search, credit with trans_id and credit_reason, cancel …),
 * auth_user/auth_pass, a signed query and N-coded failures ('NMYALREADYCANCELLED'); the answers' JSON field
 * names are not public, so these are the closest plausible shape (see the sandbox).
 */
const answerSchema = z.object({
  status: z.enum([CSA_STATUS.success, CSA_STATUS.failure]),
  error: z.string().optional(),
  transactions: z.array(historyRow).optional(),
  credit_trans_id: z.string().optional(),
  credit_type: z.enum([CREDIT_TYPES.void, CREDIT_TYPES.credit]).optional(),
})
export type CsaAnswer = z.output<typeof answerSchema>
export type CsaAction = 'search' | 'credit'

export function createCustomerSearchClient(config: CustomerSearchConfig) {
  return {
    /** Runs one action; throws on transport failures, non-2xx and answers that are not the expected JSON. */
    async call(action: CsaAction, params: Record<string, string>, idempotencyKey?: string): Promise<CsaAnswer> {
      const query = new URLSearchParams(signParams({
        api_action: action, auth_user: config.username, auth_pass: config.password, ...params,
      }, config.hmacKey))
      // the header is not Epoch's; the sandbox replays the first answer for it (the real guard against a second
      // credit is the history lookup the driver makes before every credit)
      const headers: Record<string, string> = { Accept: 'application/json', ...(idempotencyKey ? { 'X-Idempotency-Key': idempotencyKey } : {}) }
      const res = await config.fetch(`${config.csaBaseUrl}/services/customer_search/index.json?${query}`, { headers })
      if (!res.ok) throw new Error(`Epoch Customer Search ${action} failed with HTTP ${res.status}`)
      const parsed = answerSchema.safeParse(await res.json().catch(() => null))
      if (!parsed.success) throw new Error(`Epoch Customer Search ${action} answered in an unexpected shape`)
      return parsed.data
    },
  }
}
