/** The media API calls of the storefront: studio uploads and items, playback and search. */
import { ApiError } from '../api'
import type {
  CreateUploadRequest, CreatedUpload, MediaView, Offer, Playback, SearchResult, UploadParts,
} from './media-types'

/** An API refusal that keeps the whole error body, so callers can read extra fields (a playback offer). */
export class MediaApiError extends ApiError {
  constructor(status: number, code: string, message: string, readonly body: Record<string, unknown>) {
    super(status, code, message)
  }
}

type Init = { method?: string; body?: unknown; token?: string | null }
type ErrorShape = { code?: string; message?: string; requestId?: string; details?: unknown }

// the error middleware wraps refusals as { error: {...} }; a route may also answer { code, message } directly
const errorOf = (body: unknown): ErrorShape & Record<string, unknown> => {
  const b = (body ?? {}) as { error?: ErrorShape } & ErrorShape
  return typeof b.error === 'object' && b.error !== null ? { ...b, ...b.error } : b
}
const detailText = (details: unknown) =>
  Array.isArray(details) ? details.map((d: { message?: string }) => d.message).filter(Boolean).join('; ') : ''

export async function mediaRequest<T>(path: string, init: Init = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (init.body !== undefined) headers['Content-Type'] = 'application/json'
  if (init.token) headers.Authorization = `Bearer ${init.token}`
  let response: Response
  try {
    response = await fetch(path, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) })
  } catch {
    throw new MediaApiError(0, 'NETWORK', 'Could not reach Fanz. Check your connection and try again.', {})
  }
  const body: unknown = await response.json().catch(() => null)
  if (response.ok) return body as T
  const error = errorOf(body)
  const details = detailText(error.details)
  const ref = error.requestId ? ` (reference ${error.requestId})` : ''
  const message = `${error.message ?? `Request failed (${response.status})`}${details ? ` ${details}` : ''}${ref}`
  throw new MediaApiError(response.status, error.code ?? `HTTP_${response.status}`, message, error)
}

const q = encodeURIComponent

export const createUpload = (request: CreateUploadRequest, token: string) =>
  mediaRequest<CreatedUpload>('/api/media/uploads', { method: 'POST', body: request, token })

/** What storage already holds of an unfinished upload, and fresh part URLs for the rest. */
export const getUploadParts = (id: string, token: string) => mediaRequest<UploadParts>(`/api/media/uploads/${q(id)}/parts`, { token })

export const completeUpload = (id: string, parts: { partNumber: number; etag: string }[], token: string) =>
  mediaRequest<{ id: string; workflowId: string }>(`/api/media/uploads/${q(id)}/complete`, { method: 'POST', body: { parts }, token })

export const listStudioMedia = (brand: string, token: string) =>
  mediaRequest<{ items: MediaView[] }>(`/api/studio/media?brand=${q(brand)}`, { token })

export const getMedia = (id: string, token: string | null) => mediaRequest<MediaView>(`/api/media/${q(id)}`, { token })

export const deleteMedia = (id: string, token: string) =>
  mediaRequest<{ id: string; status: string }>(`/api/media/${q(id)}`, { method: 'DELETE', token })

export const appealMedia = (id: string, reason: string, token: string) =>
  mediaRequest<unknown>(`/api/media/${q(id)}/appeal`, { method: 'POST', body: { reason }, token })

export type PlaybackAnswer =
  | { kind: 'play'; playback: Playback } | { kind: 'locked'; offer: Offer | null; message: string } | { kind: 'sign-in' }

// the offer may sit beside the code or, from a DomainError, in its details
const offerOf = (body: Record<string, unknown>): Offer | null => {
  const details = body.details as { offer?: Offer } | undefined
  return (body.offer as Offer | undefined) ?? details?.offer ?? null
}

/** Whether the fan may watch: a signed playlist, the offer that would unlock it, or a sign-in first. */
export async function getPlayback(id: string, token: string | null): Promise<PlaybackAnswer> {
  try {
    return { kind: 'play', playback: await mediaRequest<Playback>(`/api/media/${q(id)}/playback`, { token }) }
  } catch (error) {
    if (error instanceof MediaApiError && error.status === 401) return { kind: 'sign-in' }
    if (error instanceof MediaApiError && error.code === 'NOT_ENTITLED') return { kind: 'locked', offer: offerOf(error.body), message: error.message }
    throw error
  }
}

export const SEARCH_PAGE_SIZE = 20

/** Published videos of the brand matching `text` (typo tolerant); empty text lists the newest. */
export const searchMedia = (brand: string, text: string, from: number, token: string | null) =>
  mediaRequest<SearchResult>(`/api/search/media?brand=${q(brand)}&q=${q(text)}&from=${from}&size=${SEARCH_PAGE_SIZE}`, { token })
