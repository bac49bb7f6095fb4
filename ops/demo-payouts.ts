/**
 * Demo payouts for `npm start`, after the demo creator exists (ops/demo-media.ts): she signs a W-8BEN and adds a Paxum
 * wallet in her studio (verified by the Paxum sandbox); her earlier sales past their chargeback window are booked as
 * one labelled opening entry; finance runs GirlFanz payouts, and her payout, above the approval threshold, waits in
 * the approvals queue. Runs once per database (skipped when she has a tax form on file).
 */
import pg from 'pg'
import { createLedgerStore } from '../activities/ledger/store.ts'
import { DEMO_PASSWORD } from '../prisma/demo-users.ts'
import type { AppEnv } from './stack/stack.ts'

const CREATOR = { email: 'gia@fanz.demo', brand: 'girlfanz', name: 'Gia Demo' }
/** $6,400.00: above the default approval threshold of $5,000.00, so the demo shows the approvals queue */
const OPENING_EARNINGS = 640_000

type Call = { status: number; body: any } // eslint-disable-line @typescript-eslint/no-explicit-any -- demo script reads API shapes

export async function seedDemoPayouts(env: AppEnv, log: (line: string) => void): Promise<void> {
  const call = async (p: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<Call> => {
    const res = await fetch(`${env.PUBLIC_URL}${p}`, { method: init.method ?? 'GET', headers: { 'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) }, body: init.body === undefined ? undefined : JSON.stringify(init.body) })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null }
  }
  const login = async (email: string) => (await call('/api/auth/login', { method: 'POST', body: { email, password: DEMO_PASSWORD } })).body?.token as string
  const token = await login(CREATOR.email)
  if (!token) throw new Error('demo payouts: the demo creator does not exist')
  if ((await call('/api/me/tax-form', { token })).body) return

  await call('/api/me/tax-form', { method: 'POST', token, body: { kind: 'W-8BEN', country: 'NL', tin: 'NL000099998B57', signedName: CREATOR.name } })
  const method = await call('/api/me/payout-methods', { method: 'POST', token, body: { destination: { rail: 'paxum', holderName: CREATOR.name, email: 'gia.payouts@fanz.demo' } } })
  for (let i = 0; i < 120; i++) {
    if ((await call(`/api/me/payout-methods/${method.body.id}`, { token })).body?.status !== 'PENDING_VERIFICATION') break
    await new Promise((r) => setTimeout(r, 500))
  }
  const me = (await call('/api/auth/me', { token })).body.person as { id: string }
  const db = new pg.Pool({ connectionString: env.DATABASE_URL, max: 1 })
  try {
    const book = { brand: CREATOR.brand, currency: 'USD' }
    await createLedgerStore(db).postEntries([{ idempotencyKey: `demo-earnings:${me.id}`, kind: 'demo_opening_earnings', brand: CREATOR.brand,
      memo: 'demo data: earlier sales of the demo creator, past their chargeback window', postings: [
        { account: { ...book, kind: 'processorClearing', owner: 'ccbill' }, amount: OPENING_EARNINGS },
        { account: { ...book, kind: 'creatorAvailable', owner: me.id }, amount: -OPENING_EARNINGS },
      ] }], null)
  } finally {
    await db.end()
  }
  const finance = await login('finance@fanz.demo')
  const run = await call(`/api/payout-schedules/${CREATOR.brand}/trigger`, { method: 'POST', token: finance, body: { note: 'demo run' } })
  log(`demo payouts: ${CREATOR.email} has a verified Paxum wallet and $6,400.00 available; run ${run.body?.workflowId} waits for finance `
    + `approval (finance@fanz.demo / ${DEMO_PASSWORD}, back office > Payout approvals)`)
}
