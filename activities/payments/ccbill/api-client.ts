/** CCBill RESTful Transaction API: OAuth2 client-credentials token (cached until expiry) and charging a payment token. */
import { CCBILL_ACCEPT } from './codes.ts'

export type ApiClientConfig = {
  apiBaseUrl: string
  appId: string
  secret: string
  fetch: typeof fetch
  now: () => number
}

/** The JSON body of POST /transactions/payment-tokens/{id} (v2) that we send. */
export type ChargeBody = {
  clientAccnum: number
  clientSubacc: number
  initialPrice: number
  initialPeriod: number
  /** a subscription CCBill rebills: the price of each rebill, every recurringPeriod days, `rebills` times (99: until cancelled) */
  recurringPrice?: number
  recurringPeriod?: number
  rebills?: number
  currencyCode: number
  passThroughInfo: Record<string, string>
}

/** What CCBill answers: 200 with the transaction outcome, or an error status with its error code. */
export type ChargeReply =
  | { ok: true; body: { approved: boolean; subscriptionId?: string | number | null; denialId?: string | number | null;
      declineCode?: string | number | null; declineText?: string | null; paymentUniqueId?: string | null } }
  | { ok: false; status: number; errorCode: number | null; message: string }

// renew a minute early so a token never expires between our check and CCBill's
const EXPIRY_MARGIN_MS = 60_000

export function createCcbillApiClient(config: ApiClientConfig) {
  let cached: { token: string; expiresAt: number } | null = null
  let pending: Promise<string> | null = null

  async function fetchToken(): Promise<string> {
    const basic = Buffer.from(`${config.appId}:${config.secret}`).toString('base64')
    const res = await config.fetch(`${config.apiBaseUrl}/ccbill-auth/oauth/token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: 'grant_type=client_credentials',
    })
    if (!res.ok) throw new Error(`CCBill OAuth token request failed with HTTP ${res.status} (check CCBill app id and secret)`)
    const body = (await res.json()) as { access_token?: string; expires_in?: number }
    if (!body.access_token) throw new Error('CCBill OAuth answer has no access_token')
    const ttlMs = (body.expires_in ?? 0) * 1000
    cached = { token: body.access_token, expiresAt: config.now() + ttlMs - Math.min(EXPIRY_MARGIN_MS, ttlMs / 2) }
    return body.access_token
  }

  /** One token for all concurrent callers; a second OAuth call only after expiry or a 401. */
  function token(): Promise<string> {
    if (cached && cached.expiresAt > config.now()) return Promise.resolve(cached.token)
    pending ??= fetchToken().finally(() => { pending = null })
    return pending
  }

  async function postCharge(paymentTokenId: string, body: ChargeBody, idempotencyKey: string): Promise<Response> {
    return config.fetch(`${config.apiBaseUrl}/transactions/payment-tokens/${encodeURIComponent(paymentTokenId)}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await token()}`, Accept: CCBILL_ACCEPT, 'Content-Type': 'application/json',
        // CCBill documents no idempotency header and ignores unknown ones; our sandbox replays the first answer for it
        'X-Idempotency-Key': idempotencyKey,
      },
      body: JSON.stringify(body),
    })
  }

  return {
    /** Charges a stored payment token; throws on transport failures and 5xx only. */
    async chargePaymentToken(paymentTokenId: string, body: ChargeBody, idempotencyKey: string): Promise<ChargeReply> {
      let res = await postCharge(paymentTokenId, body, idempotencyKey)
      if (res.status === 401) {
        // the token was revoked before its expiry: fetch a new one once
        cached = null
        res = await postCharge(paymentTokenId, body, idempotencyKey)
      }
      if (res.status >= 500 || res.status === 401 || res.status === 403) {
        throw new Error(`CCBill charge failed with HTTP ${res.status}`)
      }
      if (res.ok) return { ok: true, body: (await res.json()) as Extract<ChargeReply, { ok: true }>['body'] }
      const error = (await res.json().catch(() => ({}))) as { errorCode?: number; generalMessage?: string }
      return { ok: false, status: res.status, errorCode: error.errorCode ?? null, message: error.generalMessage ?? `HTTP ${res.status}` }
    },
  }
}
