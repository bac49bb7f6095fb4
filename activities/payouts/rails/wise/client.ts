/** Wise's REST API with a Bearer API token: JSON in and out; transport failures, 5xx and credential refusals throw. */

export type WiseClientConfig = { baseUrl: string; apiToken: string; fetch: typeof fetch }

/** An answer Wise gave on purpose (2xx or a 4xx verdict such as 422 `errors[]` or 404). */
export type WiseReply = { status: number; body: unknown }

/** The messages of a Wise `errors[]` body, for failure messages (never the request, which may carry account numbers). */
export function wiseErrors(body: unknown): { code: string; message: string }[] {
  const errors = (body as { errors?: unknown } | null)?.errors
  if (!Array.isArray(errors)) return []
  return errors.map((e: { code?: unknown; message?: unknown }) => ({ code: String(e?.code ?? 'UNKNOWN'), message: String(e?.message ?? '') }))
}

export function createWiseClient(config: WiseClientConfig) {
  const base = config.baseUrl.replace(/\/$/, '')
  return {
    /** Calls `method path`; throws (retryably) on transport errors, 5xx, 401/403 (our token or profile is wrong) and non-JSON answers. */
    async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<WiseReply> {
      const res = await config.fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${config.apiToken}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      // the path carries ids only; the token is in a header and never in a message
      const where = `Wise ${method} ${path.split('?')[0]}`
      if (res.status >= 500) throw new Error(`${where} failed with HTTP ${res.status}`)
      if (res.status === 401 || res.status === 403) throw new Error(`${where} refused our credentials (HTTP ${res.status}): check the API token and profile id`)
      const text = await res.text()
      let parsed: unknown
      try {
        parsed = text === '' ? null : JSON.parse(text)
      } catch {
        throw new Error(`${where} answered HTTP ${res.status} with a body that is not JSON`)
      }
      return { status: res.status, body: parsed }
    },
  }
}
export type WiseClient = ReturnType<typeof createWiseClient>
