/** Dwolla's API: an OAuth client-credentials token (cached until shortly before it expires), then JSON-HAL calls. */

export type DwollaClientConfig = { baseUrl: string; key: string; secret: string; fetch: typeof fetch; now: () => number }

/** An answer Dwolla gave on purpose: 2xx, or a 4xx verdict (400 ValidationError, 404). */
export type DwollaReply = { status: number; body: Record<string, unknown> | null; location: string | null }

const HAL = 'application/vnd.dwolla.v1.hal+json'

/** The embedded errors of a ValidationError, e.g. [{code:'InsufficientFunds', message, path}]; the top-level error otherwise. */
export function dwollaErrors(body: Record<string, unknown> | null): { code: string; message: string; about: string | null }[] {
  const embedded = (body?._embedded as { errors?: unknown } | undefined)?.errors
  const list = Array.isArray(embedded) ? embedded : body ? [body] : []
  return list.map((e: { code?: unknown; message?: unknown; _links?: { about?: { href?: unknown } } }) => ({
    code: String(e?.code ?? 'Unknown'), message: String(e?.message ?? ''), about: typeof e?._links?.about?.href === 'string' ? e._links.about.href : null,
  }))
}

export function createDwollaClient(config: DwollaClientConfig) {
  const base = config.baseUrl.replace(/\/$/, '')
  let token: { value: string; until: number } | null = null

  async function accessToken(): Promise<string> {
    if (token && token.until > config.now()) return token.value
    const res = await config.fetch(`${base}/token`, { method: 'POST', body: 'grant_type=client_credentials', headers: {
      authorization: `Basic ${Buffer.from(`${config.key}:${config.secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' } })
    if (!res.ok) throw new Error(`Dwolla POST /token answered HTTP ${res.status}${res.status === 401 ? ': check the application key and secret' : ''}`)
    const body = (await res.json()) as { access_token?: unknown; expires_in?: unknown }
    if (typeof body.access_token !== 'string') throw new Error('Dwolla POST /token answered without an access_token')
    // renewed a minute early so a token never expires in flight
    token = { value: body.access_token, until: config.now() + (Number(body.expires_in) || 3600) * 1000 - 60_000 }
    return token.value
  }

  return {
    /** The absolute URL of a path, as Dwolla's links name resources. */
    href: (path: string) => `${base}${path}`,
    /** Calls Dwolla; throws (retryably) on transport errors, 5xx, 401/403 (a dropped token is fetched afresh next time) and non-JSON answers. */
    async call(method: 'GET' | 'POST', pathOrHref: string, body?: unknown, headers: Record<string, string> = {}): Promise<DwollaReply> {
      const url = pathOrHref.startsWith('http') ? pathOrHref : `${base}${pathOrHref}`
      const res = await config.fetch(url, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: {
        authorization: `Bearer ${await accessToken()}`, accept: HAL, ...(body === undefined ? {} : { 'content-type': HAL }), ...headers } })
      const where = `Dwolla ${method} ${new URL(url).pathname}`
      if (res.status === 401 || res.status === 403) token = null
      if (res.status >= 500 || res.status === 401 || res.status === 403) throw new Error(`${where} failed with HTTP ${res.status}`)
      const text = await res.text()
      let parsed: Record<string, unknown> | null = null
      try {
        parsed = text === '' ? null : (JSON.parse(text) as Record<string, unknown>)
      } catch {
        throw new Error(`${where} answered HTTP ${res.status} with a body that is not JSON`)
      }
      return { status: res.status, body: parsed, location: res.headers.get('location') }
    },
  }
}
export type DwollaClient = ReturnType<typeof createDwollaClient>
