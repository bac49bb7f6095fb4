/**
 * Demo privacy requests for `npm start`: Fay Fan asks for a copy of her data in the privacy center (answered at once:
 * her archive waits in her privacy center), and compliance holds Rex Creator's records for a (fictional) lawsuit, so
 * the back office's privacy queue and holds registry show real entries. Skipped when Fay has a request already.
 */
import { DEMO_PASSWORD } from '../prisma/demo-users.ts'
import type { AppEnv } from './stack/stack.ts'

type Call = { status: number; body: any } // eslint-disable-line @typescript-eslint/no-explicit-any -- demo script reads API shapes

export async function seedDemoPrivacy(env: AppEnv, log: (line: string) => void): Promise<void> {
  const call = async (p: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<Call> => {
    const res = await fetch(`${env.PUBLIC_URL}${p}`, { method: init.method ?? 'GET', headers: { 'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) }, body: init.body === undefined ? undefined : JSON.stringify(init.body) })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null }
  }
  const signIn = async (email: string) => {
    const token = (await call('/api/auth/login', { method: 'POST', body: { email, password: DEMO_PASSWORD } })).body?.token as string | undefined
    if (!token) throw new Error(`demo privacy: ${email} cannot sign in`)
    return token
  }
  const fan = await signIn('fan@fanz.demo')
  if ((await call('/api/me/privacy-requests', { token: fan })).body?.items?.length) return
  const access = await call('/api/me/privacy-requests', { method: 'POST', token: fan, body: { kind: 'access', brand: 'boyfanz' } })
  if (access.status !== 202) throw new Error(`demo privacy: the access request was refused: ${JSON.stringify(access.body)}`)
  const compliance = await signIn('compliance@fanz.demo')
  const hold = await call('/api/legal-holds', { method: 'POST', token: compliance, body: { email: 'creator@fanz.demo',
    reason: 'Demo matter 2026-031: preservation letter from counsel (fictional)' } })
  if (hold.status !== 201) throw new Error(`demo privacy: the hold was refused: ${JSON.stringify(hold.body)}`)
  log(`demo privacy request: Fay Fan's data archive at ${env.PUBLIC_URL}/boyfanz/account/privacy; the queue and a litigation hold in the back office (compliance@fanz.demo)`)
}
