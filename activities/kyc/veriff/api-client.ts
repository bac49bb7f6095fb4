/** Veriff Public API v1 over HTTP: X-AUTH-CLIENT on every call, X-HMAC-SIGNATURE of the body (POST) or the id (GET). */
import { ApplicationFailure } from '@temporalio/common'
import { signPayload, signatureMatches } from './hmac.ts'

/** Where Veriff is and the integration's credentials. */
export type ApiClientConfig = { apiBaseUrl: string; apiKey: string; sharedSecret: string; fetch: typeof fetch }

/** Permanent failures: retrying the same request cannot succeed. */
export const KYC_FAILURES = {
  badRequest: 'KYC_BAD_REQUEST',
  notFound: 'KYC_NOT_FOUND',
  badAnswer: 'KYC_PROVIDER_BAD_ANSWER',
} as const

/** The body of POST /v1/sessions that we send. */
export type CreateSessionBody = {
  verification: {
    callback: string
    person: { firstName: string; lastName: string; dateOfBirth?: string }
    vendorData: string
    endUserId?: string
  }
}

async function failure(res: Response, what: string): Promise<never> {
  const body = (await res.json().catch(() => ({}))) as { code?: number; message?: string }
  const detail = `HTTP ${res.status}${body.code ? `, code ${body.code}` : ''}: ${body.message ?? res.statusText}`
  if (res.status === 401 || res.status === 403) {
    // retryable on purpose: the workflow waits while operators fix the key or secret, as for any provider outage
    throw new Error(`Veriff refused our credentials for ${what} (${detail}); check the Veriff API key and shared secret`)
  }
  if (res.status === 404) throw ApplicationFailure.nonRetryable(`Veriff does not know ${what} (${detail})`, KYC_FAILURES.notFound)
  if (res.status < 500 && res.status !== 408 && res.status !== 429) {
    throw ApplicationFailure.nonRetryable(`Veriff refused ${what} (${detail})`, KYC_FAILURES.badRequest)
  }
  throw new Error(`Veriff failed ${what} (${detail})`)
}

/** The four calls the driver makes; errors are classified retryable or not before they leave here. */
export function createVeriffApiClient(config: ApiClientConfig) {
  const url = (path: string) => `${config.apiBaseUrl.replace(/\/+$/, '')}/v1${path}`

  /** GET of one resource; Veriff signs the id in the path, not the (empty) body. */
  async function get(path: string, signedId: string, what: string): Promise<Response> {
    const res = await config.fetch(url(path), {
      headers: { 'X-AUTH-CLIENT': config.apiKey, 'X-HMAC-SIGNATURE': signPayload(config.sharedSecret, signedId), Accept: 'application/json' },
    })
    return res.ok ? res : failure(res, what)
  }

  /** A JSON answer whose X-HMAC-SIGNATURE must match its body: a decision is only as good as its origin. */
  async function signedJson(res: Response, what: string): Promise<unknown> {
    const text = await res.text()
    const signature = res.headers.get('x-hmac-signature') ?? res.headers.get('vrf-hmac-signature') ?? undefined
    if (!signatureMatches(config.sharedSecret, text, signature)) throw new Error(`Veriff's answer for ${what} fails its signature check`)
    try {
      return JSON.parse(text)
    } catch {
      throw ApplicationFailure.nonRetryable(`Veriff's answer for ${what} is not JSON`, KYC_FAILURES.badAnswer)
    }
  }

  return {
    /** POST /v1/sessions; the idempotency key travels as X-Idempotency-Key. */
    async createSession(body: CreateSessionBody, idempotencyKey: string): Promise<unknown> {
      const json = JSON.stringify(body)
      const res = await config.fetch(url('/sessions'), {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json', Accept: 'application/json', 'X-AUTH-CLIENT': config.apiKey,
          // Veriff does not require a signature on this one call; sending it costs nothing and the sandbox checks it
          'X-HMAC-SIGNATURE': signPayload(config.sharedSecret, json),
          // Veriff documents no idempotency header and ignores unknown ones; the sandbox answers a repeat with the first session
          'X-Idempotency-Key': idempotencyKey,
        },
        body: json,
      })
      if (!res.ok) return failure(res, 'session creation')
      return res.json()
    },
    async getDecision(sessionId: string): Promise<unknown> {
      const what = `the decision of session ${sessionId}`
      return signedJson(await get(`/sessions/${encodeURIComponent(sessionId)}/decision`, sessionId, what), what)
    },
    async listMedia(sessionId: string): Promise<unknown> {
      const what = `the media of session ${sessionId}`
      return signedJson(await get(`/sessions/${encodeURIComponent(sessionId)}/media`, sessionId, what), what)
    },
    async downloadMedia(mediaId: string): Promise<{ bytes: Uint8Array; contentType: string }> {
      const res = await get(`/media/${encodeURIComponent(mediaId)}`, mediaId, `media ${mediaId}`)
      const bytes = new Uint8Array(await res.arrayBuffer())
      return { bytes, contentType: res.headers.get('content-type')?.split(';')[0]?.trim() || 'application/octet-stream' }
    },
  }
}
