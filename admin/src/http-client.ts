import { fetchUtils, HttpError } from 'react-admin'
import { session } from './session'

/** Body of every API error: `{ error: { code, message, requestId } }`. */
type ApiErrorBody = { error?: { code?: string; message?: string; requestId?: string } }

/** fetchJson with the bearer token, and API error messages surfaced as the HttpError message. */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' })
  const token = session.token()
  if (token) headers.set('Authorization', `Bearer ${token}`)
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers })
  } catch (error) {
    throw withApiMessage(error)
  }
}

function withApiMessage(error: unknown): unknown {
  if (!(error instanceof HttpError)) return error
  const apiError = (error.body as ApiErrorBody | null)?.error
  if (!apiError?.message) return error
  const suffix = apiError.requestId ? ` (request ${apiError.requestId})` : ''
  return new HttpError(`${apiError.message}${suffix}`, error.status, error.body)
}

/** The message to show a person for a failed call. */
export const errorMessage = (error: unknown): string =>
  error instanceof Error && error.message ? error.message : 'Request failed'
