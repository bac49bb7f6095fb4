/** The real stack the tests run against, started once by the root hook; plus small HTTP helpers. */
import type { Stack } from '../../ops/stack/stack.ts'
import { DEMO_PASSWORD } from '../../prisma/demo-users.ts'

let current: Stack | undefined

export const setTestStack = (stack: Stack | undefined) => { current = stack }

export function testStack(): Stack {
  if (!current) throw new Error('the test stack is not running (root hook test/setup/root-hooks.ts starts it)')
  return current
}

export const apiUrl = () => testStack().env.PUBLIC_URL

/** Calls the API with an optional bearer token and JSON body; returns status, headers and parsed body. */
export async function api(path: string, init: { method?: string; token?: string; body?: unknown; rawBody?: string } = {}) {
  const headers: Record<string, string> = {}
  if (init.token) headers.authorization = `Bearer ${init.token}`
  if (init.body !== undefined || init.rawBody !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${apiUrl()}${path}`, {
    method: init.method ?? 'GET', headers, body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  })
  const text = await res.text()
  let body: any // eslint-disable-line @typescript-eslint/no-explicit-any -- tests assert on shapes
  try { body = text ? JSON.parse(text) : null } catch { body = text }
  return { status: res.status, headers: res.headers, body }
}

/** Polls `read` every 250 ms until `ok` holds (workflows run asynchronously); fails naming `what`. */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, tries = 160): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await read()
    if (ok(v)) return v
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${what} never happened`)
}

/** Signs a demo user in and returns the bearer token. */
export async function login(email = 'admin@fanz.demo', password = DEMO_PASSWORD): Promise<string> {
  const res = await api('/api/auth/login', { method: 'POST', body: { email, password } })
  if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.token as string
}
