/** The creator's own payout API (/api/me/...): balances, history, statement, payout methods, tax form, minimum. */
import { apiFetch, apiSubmit, downloadWithToken } from '../api'
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
type MethodStatus = (typeof METHOD_STATUS)[keyof typeof METHOD_STATUS]
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

const q = encodeURIComponent

// reads and DELETE carry no body (apiFetch); writes may be refused with field errors (apiSubmit -> ApiFormError)
export const payoutsApi = {
  balances: (token: string) => apiFetch<Balance[]>('/api/me/payouts/balances', { token }),
  payouts: (token: string) => apiFetch<MyPayout[]>('/api/me/payouts', { token }),
  statement: (currency: string, token: string) => apiFetch<Statement>(`/api/me/payouts/statement?currency=${q(currency)}`, { token }),
  methods: (token: string) => apiFetch<Methods>('/api/me/payout-methods', { token }),
  method: (id: string, token: string) => apiFetch<PayoutMethod>(`/api/me/payout-methods/${q(id)}`, { token }),
  /** 202: saved and being verified with the rail; poll `method` until VERIFIED or FAILED. */
  addMethod: (destination: PayoutDestination, priority: number | undefined, token: string) =>
    apiSubmit<PayoutMethod>('/api/me/payout-methods', { body: { destination, priority }, token }),
  setPriority: (id: string, priority: number, token: string) =>
    apiSubmit<PayoutMethod>(`/api/me/payout-methods/${q(id)}`, { method: 'PATCH', body: { priority }, token }),
  removeMethod: (id: string, token: string) => apiFetch<null>(`/api/me/payout-methods/${q(id)}`, { method: 'DELETE', token }),
  taxForm: (token: string) => apiFetch<TaxFormOnFile | null>('/api/me/tax-form', { token }),
  signTaxForm: (form: TaxFormInput, token: string) => apiSubmit<TaxFormOnFile>('/api/me/tax-form', { body: form, token }),
  setMinimum: (minimum: number, token: string) => apiSubmit<{ minimum: number }>('/api/me/payout-preferences', { method: 'PUT', body: { minimum }, token }),
}

/** Fetches the statement CSV with the token (a plain link cannot carry it) and hands it to the browser as a download. */
export const downloadStatementCsv = (currency: string, token: string) =>
  downloadWithToken(`/api/me/payouts/statement?currency=${q(currency)}&format=csv`, token, `statement-${currency}.csv`)
