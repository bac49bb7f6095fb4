/** Same-origin JSON calls to the API; failures carry the API's `{ error: { code, message } }`. */

export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

type ErrorBody = { error?: { code?: string; message?: string; requestId?: string; details?: unknown } }

// validation failures name the fields that were wrong; show those rather than only 'not valid'
const detailText = (details: unknown): string =>
  Array.isArray(details) ? details.map((d: { message?: string }) => d.message).filter(Boolean).join('; ') : ''

export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown; token?: string | null } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (init.body !== undefined) headers['Content-Type'] = 'application/json'
  if (init.token) headers.Authorization = `Bearer ${init.token}`
  let response: Response
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
  } catch {
    throw new ApiError(0, 'NETWORK', 'Could not reach Fanz. Check your connection and try again.')
  }
  const body = (await response.json().catch(() => null)) as (T & ErrorBody) | null
  if (response.ok) return body as T
  const error = body?.error
  const details = detailText(error?.details)
  const ref = error?.requestId ? ` (reference ${error.requestId})` : ''
  const message = `${error?.message ?? `Request failed (${response.status})`}${details ? ` ${details}` : ''}${ref}`
  throw new ApiError(response.status, error?.code ?? `HTTP_${response.status}`, message)
}

/**
 * An API refusal that also says which fields were wrong: `details[].path` ('release.signatureName') -> message, or the one
 * field a domain refusal names (`details.field`, e.g. INVALID_DESTINATION) -> the refusal's message.
 */
export class ApiFormError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly fields: Readonly<Record<string, string>>,
  ) {
    super(status, code, message)
  }
}

function fieldsOf(details: unknown, message: string): Record<string, string> {
  if (Array.isArray(details)) {
    return Object.fromEntries(details.flatMap((d: { path?: unknown; message?: unknown }) =>
      typeof d?.path === 'string' && typeof d.message === 'string' ? [[d.path, d.message]] : []))
  }
  const field = (details as { field?: unknown } | null | undefined)?.field
  return typeof field === 'string' ? { [field]: message } : {}
}

/** Like apiFetch, for forms: the error keeps the message apart from the field errors, so each input can show its own. */
export async function apiSubmit<T>(path: string, init: { method?: string; body?: unknown; token?: string | null } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' }
  if (init.token) headers.Authorization = `Bearer ${init.token}`
  let response: Response
  try {
    response = await fetch(path, { method: init.method ?? 'POST', headers, body: JSON.stringify(init.body ?? {}) })
  } catch {
    throw new ApiFormError(0, 'NETWORK', 'Could not reach Fanz. Check your connection and try again.', {})
  }
  const body = (await response.json().catch(() => null)) as (T & ErrorBody) | null
  if (response.ok) return body as T
  const error = body?.error
  const message = error?.message ?? `Request failed (${response.status})`
  const ref = error?.requestId ? ` (reference ${error.requestId})` : ''
  throw new ApiFormError(response.status, error?.code ?? `HTTP_${response.status}`, `${message}${ref}`, fieldsOf(error?.details, message))
}

/**
 * Fetches `path` with the token (a plain link cannot carry it) and hands the body to the browser as a download named
 * `fileName`; a refusal is an ApiError with the API's code, a failed connection one with code NETWORK.
 */
export async function downloadWithToken(path: string, token: string, fileName: string): Promise<void> {
  let response: Response
  try {
    response = await fetch(path, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' })
  } catch {
    throw new ApiError(0, 'NETWORK', 'Could not reach Fanz. Check your connection and try again.')
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null
    throw new ApiError(response.status, body?.error?.code ?? `HTTP_${response.status}`, body?.error?.message ?? `Download failed (${response.status})`)
  }
  const url = URL.createObjectURL(await response.blob())
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = fileName
  document.body.append(anchor)
  anchor.click()
  anchor.remove()
  // the click has handed the blob to the browser's download; give it a moment before freeing it
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
