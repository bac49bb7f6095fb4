/** The privacy back office's commands (POST), through the shared client: bearer token, API messages as the error text. */
import { httpClient } from '../http-client'
import type { PrivacyRequest } from './types'

const post = async <T>(url: string, body: unknown): Promise<T> => {
  const response = await httpClient(url, { method: 'POST', body: JSON.stringify(body) })
  return response.json as T
}
const q = encodeURIComponent

export const privacyApi = {
  /** Moves the deadline; 422 EXTENSION_NOT_ALLOWED when the jurisdiction allows no more, 409 REQUEST_CLOSED once closed. */
  extend: (id: string, days: number, reason: string) =>
    post<PrivacyRequest>(`/api/privacy-requests/${q(id)}/extensions`, { days, reason: reason.trim() }),
  /** Staff attest the requester's identity on a pending request. */
  verify: (id: string, note: string) => post<PrivacyRequest>(`/api/privacy-requests/${q(id)}/verification`, { note: note.trim() }),
  /** Closes an open request unanswered: manifestly unfounded, or the identity cannot be verified. */
  reject: (id: string, reason: string) => post<PrivacyRequest>(`/api/privacy-requests/${q(id)}/rejection`, { reason: reason.trim() }),
}
