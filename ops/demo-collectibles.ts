/**
 * A demo collectible for `npm start`: once the demo creator's approved video is published, she opens an edition of it
 * through the studio API, and it goes on the local chain like any other. Skipped when she has an edition already.
 */
import { DEMO_PASSWORD } from '../prisma/demo-users.ts'
import type { AppEnv } from './stack/stack.ts'

const CREATOR = { email: 'gia@fanz.demo', brand: 'girlfanz' }

type Call = { status: number; body: any } // eslint-disable-line @typescript-eslint/no-explicit-any -- demo script reads API shapes

export async function seedDemoCollectibles(env: AppEnv, log: (line: string) => void): Promise<void> {
  const call = async (p: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<Call> => {
    const res = await fetch(`${env.PUBLIC_URL}${p}`, { method: init.method ?? 'GET', headers: { 'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) }, body: init.body === undefined ? undefined : JSON.stringify(init.body) })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null }
  }
  const until = async (read: () => Promise<Call>, ok: (c: Call) => boolean, what: string): Promise<Call> => {
    for (let i = 0; i < 600; i++) {
      const c = await read()
      if (ok(c)) return c
      await new Promise((r) => setTimeout(r, 500))
    }
    throw new Error(`demo collectibles: ${what} never happened`)
  }
  const token = (await call('/api/auth/login', { method: 'POST', body: { email: CREATOR.email, password: DEMO_PASSWORD } })).body?.token as string | undefined
  if (!token) throw new Error(`demo collectibles: ${CREATOR.email} cannot sign in`)
  if ((await call('/api/me/collectible-editions', { token })).body?.data?.length) return
  // the approved demo video publishes after its transcode: wait until the studio offers it
  const media = await until(() => call(`/api/me/media-for-collectibles?brand=${CREATOR.brand}`, { token }), (c) => c.body?.data?.length > 0, 'a published demo video')
  const opened = await call('/api/collectibles', { method: 'POST', token, body: { brand: CREATOR.brand, mediaId: media.body.data[0].id, title: 'Golden hour, signed',
    description: 'Twenty-five numbered collectibles of the pier at golden hour.', maxSupply: 25, priceMinor: 1999, currency: 'USD', royaltyBps: 500 } })
  if (opened.status !== 202) throw new Error(`demo collectibles: the edition was refused: ${JSON.stringify(opened.body)}`)
  const live = await until(() => call(`/api/collectibles/${opened.body.id}`, { token }), (c) => ['LIVE', 'REFUSED', 'FAILED'].includes(c.body?.status), 'the demo edition on chain')
  if (live.body.status !== 'LIVE') throw new Error(`demo collectibles: the edition ended ${live.body.status}: ${JSON.stringify(live.body.refusal)}`)
  log(`demo collectible on sale: "Golden hour, signed" (25 tokens, $19.99) at ${env.PUBLIC_URL}/${CREATOR.brand}/collectibles`)
}
