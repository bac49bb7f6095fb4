/** Helpers of the payout tests: earnings seeded into the real ledger, a creator made payable, a run started and awaited. */
import assert from 'node:assert/strict'
import pg from 'pg'
import { createLedgerStore } from '../../activities/ledger/store.ts'
import type { PayoutDestination } from '../../domain/payouts/destinations.ts'
import { api, testStack, until } from './stack.ts'

/**
 * Earnings a creator already has: posted to the real ledger as sales that cleared their chargeback window (processor
 * clearing -> creator available), so a run has something to pay. One entry per key; a repeated key posts nothing.
 */
export async function seedAvailable(i: { brand: string; currency?: string; creatorId: string; amount: number; key: string }): Promise<void> {
  const pool = new pg.Pool({ connectionString: testStack().env.DATABASE_URL, max: 1 })
  try {
    const currency = i.currency ?? 'USD'
    const book = { brand: i.brand, currency }
    await createLedgerStore(pool).postEntries([{ idempotencyKey: `test-earnings:${i.key}`, kind: 'test_earnings', brand: i.brand,
      memo: `earlier sales of creator ${i.creatorId}, past their chargeback window`, postings: [
        { account: { ...book, kind: 'processorClearing', owner: 'ccbill' }, amount: i.amount },
        { account: { ...book, kind: 'creatorAvailable', owner: i.creatorId }, amount: -i.amount },
      ] }], null)
  } finally {
    await pool.end()
  }
}

/** What a creator owes back (a refund after their share was paid out): creator receivable debited, clearing credited. */
export async function seedOwed(i: { brand: string; currency?: string; creatorId: string; amount: number; key: string }): Promise<void> {
  const pool = new pg.Pool({ connectionString: testStack().env.DATABASE_URL, max: 1 })
  try {
    const book = { brand: i.brand, currency: i.currency ?? 'USD' }
    await createLedgerStore(pool).postEntries([{ idempotencyKey: `test-owed:${i.key}`, kind: 'test_refund_shortfall', brand: i.brand,
      memo: `a refund creator ${i.creatorId} owes back`, postings: [
        { account: { ...book, kind: 'creatorReceivable', owner: i.creatorId }, amount: i.amount },
        { account: { ...book, kind: 'processorClearing', owner: 'ccbill' }, amount: -i.amount },
      ] }], null)
  } finally {
    await pool.end()
  }
}

/** Signs a tax form and adds a payout method through the studio API, then waits until the rail verified it. */
export async function makePayable(token: string, destination: PayoutDestination,
  form = { kind: 'W-8BEN', country: 'NL', tin: 'NL123456789B01', signedName: 'Tess Maker' }) {
  const signed = await api('/api/me/tax-form', { method: 'POST', token, body: form })
  assert.equal(signed.status, 201, JSON.stringify(signed.body))
  return addMethod(token, destination)
}

/** Adds a payout method and waits for the rail's verdict; returns the method. */
export async function addMethod(token: string, destination: PayoutDestination, priority?: number) {
  const added = await api('/api/me/payout-methods', { method: 'POST', token, body: { destination, ...(priority === undefined ? {} : { priority }) } })
  assert.equal(added.status, 202, JSON.stringify(added.body))
  const done = await until(() => api(`/api/me/payout-methods/${added.body.id}`, { token }), (r) => r.body?.status !== 'PENDING_VERIFICATION', 'the method verification')
  return done.body as { id: string; status: string; failure: string | null; display: string }
}

/** Finance runs a brand's payouts now; returns the run's workflow id once its record exists. */
export async function runNow(financeToken: string, brand: string): Promise<string> {
  const started = await api(`/api/payout-schedules/${brand}/trigger`, { method: 'POST', token: financeToken, body: { note: 'test run' } })
  assert.equal(started.status, 202, JSON.stringify(started.body))
  return started.body.workflowId as string
}

/** The run's record once it reached `status` (COMPLETED by default). */
export async function runRecord(financeToken: string, workflowId: string, status = 'COMPLETED', tries = 400) {
  const found = await until(() => api(`/api/payout-runs?filter=${encodeURIComponent(JSON.stringify({}))}&range=[0,49]`, { token: financeToken }),
    (r) => (r.body as { workflowId: string; status: string }[]).some((x) => x.workflowId === workflowId && x.status === status), `payout run ${workflowId} ${status}`, tries)
  return (found.body as { id: string; workflowId: string; status: string }[]).find((x) => x.workflowId === workflowId)!
}

/** One creator's item in a run, when its status satisfies `ok`. */
export async function itemOf(financeToken: string, runId: string, creatorId: string, ok: (status: string) => boolean = () => true, tries = 400) {
  const res = await until(() => api(`/api/payout-items?filter=${encodeURIComponent(JSON.stringify({ runId, creatorId }))}`, { token: financeToken }),
    (r) => r.body?.length === 1 && ok(r.body[0].status), `the payout of ${creatorId}`, tries)
  return res.body[0] as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- tests assert on shapes
}

/** A creator's ledger balances on a brand, as the studio shows them. */
export async function balancesOf(token: string, brand: string, currency = 'USD') {
  const res = await api('/api/me/payouts/balances', { token })
  return (res.body as { brand: string; currency: string; available: number; inTransit: number; reserved: number; owed: number; pending: number }[])
    .find((b) => b.brand === brand && b.currency === currency)
}
