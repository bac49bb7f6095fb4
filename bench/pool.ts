/** Shared measuring helpers of the benchmarks. */
import { DEMO_PASSWORD } from '../prisma/demo-users.ts'

/** The p-th percentile of an ascending list. */
export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

/** Runs `run` over `items`, `concurrency` at a time; returns the wall time in seconds. */
export async function pool<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>): Promise<number> {
  const t0 = performance.now()
  let next = 0
  await Promise.all(Array.from({ length: concurrency }, async () => { while (next < items.length) await run(items[next++]!) }))
  return (performance.now() - t0) / 1000
}

/** GET (or POST `body` as JSON) with an optional bearer token; the parsed JSON answer, or an error naming the status. */
export async function call<T>(url: string, o: { token?: string; body?: unknown } = {}): Promise<T> {
  const method = o.body === undefined ? 'GET' : 'POST'
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json', ...(o.token ? { authorization: `Bearer ${o.token}` } : {}) },
    ...(o.body === undefined ? {} : { body: JSON.stringify(o.body) }) })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${text.slice(0, 300)}`)
  return JSON.parse(text) as T
}

/** A demo account's session token. */
export const signIn = async (apiUrl: string, email: string) =>
  (await call<{ token: string }>(`${apiUrl}/api/auth/login`, { body: { email, password: DEMO_PASSWORD } })).token
