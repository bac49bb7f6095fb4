/** The payout back office's commands (POST), through the shared client: bearer token, API messages as the error text. */
import { httpClient } from '../http-client'

const post = async <T>(url: string, body: unknown): Promise<T> => {
  const { json } = await httpClient(url, { method: 'POST', body: JSON.stringify(body) })
  return json as T
}
const q = encodeURIComponent
const optional = (note: string) => (note.trim() ? note.trim() : undefined)

export type PayoutDecisionKind = 'approve' | 'reject'
export type ScheduleAction = 'pause' | 'unpause' | 'trigger'

export const payoutApi = {
  /** 202 once the payout's workflow took the decision; 409 NOT_AWAITING_APPROVAL when it no longer waits for one. */
  decide: (itemId: string, decision: PayoutDecisionKind, note: string) =>
    post<{ id: string; workflowId: string; decision: PayoutDecisionKind }>(`/api/payout-items/${q(itemId)}/decision`, { decision, note: optional(note) }),
  /** 202 once the UNCONFIRMED payout's workflow took finance's word: paid, or not paid (back to available); 409 otherwise. */
  resolve: (itemId: string, outcome: 'settled' | 'failed', note: string) =>
    post<{ id: string; outcome: string }>(`/api/payout-items/${q(itemId)}/resolve`, { outcome, note: note.trim() }),
  resolveCase: (caseId: string, resolution: string) => post<unknown>(`/api/reconciliation-cases/${q(caseId)}/resolve`, { resolution: resolution.trim() }),
  /** pause / unpause answer the schedule's new state; trigger answers 202 with the manual run's workflow id. */
  schedule: (brand: string, action: ScheduleAction, note: string) =>
    post<{ workflowId?: string }>(`/api/payout-schedules/${q(brand)}/${action}`, { note: optional(note) }),
}

/** Tiny relative time for queues: '5 min', '3 h', '2 d'. */
export function ago(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—'
  const minutes = Math.max(0, Math.round((now - new Date(iso).getTime()) / 60_000))
  if (minutes < 60) return `${minutes} min`
  const hours = Math.round(minutes / 60)
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} d`
}
