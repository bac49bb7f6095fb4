/** The creator's own payout API (/api/me/...): balances, history, statement, payout methods, tax form, minimum. */
import { ApiFormError } from '../api'
import type { PayoutDestination, PayoutRailName } from '../../../domain/payouts/destinations.ts'

export type Balance = {
  brand: string
  currency: string
  pending: number
  available: number
  inTransit: number
  reserved: number
  owed: number
  /** the larger of the brand's minimum and the creator's own */
  minimum: number
  cadence: string | null
  reservePercent: number
}

export type PayoutGate = { gate: string; passed: boolean; detail: string }
export type MyPayout = {
  id: string
  brand: string
  currency: string
  status: string
  amount: number | null
  reserve: number | null
  netted: number | null
  rail: string | null
  sentAt: string | null
  settledAt: string | null
  reason: string | null
  /** only for BLOCKED payouts: every gate, the failed ones say why */
  gates: PayoutGate[] | null
  createdAt: string
}

export type StatementLine = { at: string; account: string; entryKind: string; memo: string; workflowId: string | null; amount: number; balance: number }
export type Statement = { currency: string; from: string; to: string; openingBalance: number; closingBalance: number; lines: StatementLine[] }

export const METHOD_STATUS = { verified: 'VERIFIED', pending: 'PENDING_VERIFICATION', failed: 'FAILED' } as const
export type MethodStatus = (typeof METHOD_STATUS)[keyof typeof METHOD_STATUS]
export type PayoutMethod = {
  id: string
  rail: PayoutRailName
  /** masked by the API: never a whole account number */
  display: string
  priority: number
  status: MethodStatus
  failure: string | null
  verifiedAt: string | null
  createdAt: string
}
export type Methods = { methods: PayoutMethod[]; rails: PayoutRailName[] }

export type TaxFormOnFile = { id: string; kind: string; country: string; tinLast4: string; signedAt: string; expiresAt: string | null }
export type TaxFormInput = { kind: string; country: string; tin: string; signedName: string }

type Init = { method?: string; body?: unknown; token: string }
type ErrorShape = { code?: string; message?: string; requestId?: string; details?: unknown }

/**
 * The field errors of a refusal: INVALID_DESTINATION and INVALID_TAX_FORM name one field (`details.field`),
 * request validation lists several (`details[].path`).
 */
export function fieldErrorsOf(details: unknown, message: string): Record<string, string> {
  if (Array.isArray(details)) {
    return Object.fromEntries(details.flatMap((d: { path?: unknown; message?: unknown }) =>
      typeof d?.path === 'string' && typeof d.message === 'string' ? [[d.path.replace(/^destination\./, ''), d.message]] : []))
  }
  const field = (details as { field?: unknown } | null)?.field
  return typeof field === 'string' ? { [field]: message } : {}
}

/** One call with the creator's token; a refusal becomes an ApiFormError with the message and the fields it names. */
export async function payoutRequest<T>(path: string, { method = 'GET', body, token }: Init): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${token}` }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  } catch {
    throw new ApiFormError(0, 'NETWORK', 'Could not reach Fanz. Check your connection and try again.', {})
  }
  const parsed: unknown = response.status === 204 ? null : await response.json().catch(() => null)
  if (response.ok) return parsed as T
  const error: ErrorShape = (parsed as { error?: ErrorShape } | null)?.error ?? {}
  const message = error.message ?? `Request failed (${response.status})`
  const ref = error.requestId ? ` (reference ${error.requestId})` : ''
  throw new ApiFormError(response.status, error.code ?? `HTTP_${response.status}`, `${message}${ref}`, fieldErrorsOf(error.details, message))
}

const q = encodeURIComponent

export const payoutsApi = {
  balances: (token: string) => payoutRequest<Balance[]>('/api/me/payouts/balances', { token }),
  payouts: (token: string) => payoutRequest<MyPayout[]>('/api/me/payouts', { token }),
  statement: (currency: string, token: string) => payoutRequest<Statement>(`/api/me/payouts/statement?currency=${q(currency)}`, { token }),
  methods: (token: string) => payoutRequest<Methods>('/api/me/payout-methods', { token }),
  method: (id: string, token: string) => payoutRequest<PayoutMethod>(`/api/me/payout-methods/${q(id)}`, { token }),
  /** 202: saved and being verified with the rail; poll `method` until VERIFIED or FAILED. */
  addMethod: (destination: PayoutDestination, priority: number | undefined, token: string) =>
    payoutRequest<PayoutMethod>('/api/me/payout-methods', { method: 'POST', body: { destination, priority }, token }),
  setPriority: (id: string, priority: number, token: string) =>
    payoutRequest<PayoutMethod>(`/api/me/payout-methods/${q(id)}`, { method: 'PATCH', body: { priority }, token }),
  removeMethod: (id: string, token: string) => payoutRequest<null>(`/api/me/payout-methods/${q(id)}`, { method: 'DELETE', token }),
  taxForm: (token: string) => payoutRequest<TaxFormOnFile | null>('/api/me/tax-form', { token }),
  signTaxForm: (form: TaxFormInput, token: string) => payoutRequest<TaxFormOnFile>('/api/me/tax-form', { method: 'POST', body: form, token }),
  setMinimum: (minimum: number, token: string) => payoutRequest<{ minimum: number }>('/api/me/payout-preferences', { method: 'PUT', body: { minimum }, token }),
}

/** Fetches the statement CSV with the token (a plain link cannot carry it) and hands it to the browser as a download. */
export async function downloadStatementCsv(currency: string, token: string): Promise<void> {
  const response = await fetch(`/api/me/payouts/statement?currency=${q(currency)}&format=csv`, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' })
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: ErrorShape } | null
    throw new ApiFormError(response.status, body?.error?.code ?? `HTTP_${response.status}`, body?.error?.message ?? `Download failed (${response.status})`, {})
  }
  const url = URL.createObjectURL(await response.blob())
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = `statement-${currency}.csv`
  document.body.append(anchor)
  anchor.click()
  anchor.remove()
  // the click has handed the blob to the browser's download; give it a moment before freeing it
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
