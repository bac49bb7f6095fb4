/** The review queue's commands (POST), through the shared client: bearer token, API messages as the error text. */
import { httpClient } from '../http-client'
import type { BulkResult, MediaReviewDetail, ReviewDecision } from './types'

const post = async <T>(url: string, body: unknown): Promise<T> => {
  const { json } = await httpClient(url, { method: 'POST', body: JSON.stringify(body) })
  return json as T
}
const item = (id: string, action: string) => `/api/media-reviews/${encodeURIComponent(id)}/${action}`
const media = (id: string, action: string) => `/api/media/${encodeURIComponent(id)}/${action}`
const noteOf = (note: string) => (note.trim() ? note.trim() : undefined)

export type DecisionInput = { decision: ReviewDecision; reasonCode: string; note: string }

export const reviewApi = {
  decide: (id: string, { decision, reasonCode, note }: DecisionInput) =>
    post<{ id: string; accepted: boolean }>(item(id, 'decision'), { decision, reasonCode, note: noteOf(note) }),
  bulkDecide: async (ids: string[], { decision, reasonCode, note }: DecisionInput) =>
    (await post<{ results: BulkResult[] }>('/api/media-reviews/bulk-decision', { ids, decision, reasonCode, note: noteOf(note) })).results,
  /** 'me' assigns the caller, null unassigns. */
  assign: (id: string, assigneeId: 'me' | null) => post<MediaReviewDetail>(item(id, 'assign'), { assigneeId }),
  addNote: (id: string, note: string) => post<unknown>(item(id, 'notes'), { note: note.trim() }),
  decideAppeal: (id: string, uphold: boolean, note: string) => post<unknown>(item(id, 'appeal-decision'), { uphold, note: noteOf(note) }),
  takeDown: (id: string, reasonCode: string, note: string) => post<unknown>(media(id, 'takedown'), { reasonCode, note: noteOf(note) }),
  reinstate: (id: string, note: string) => post<unknown>(media(id, 'reinstate'), { note: note.trim() }),
}
