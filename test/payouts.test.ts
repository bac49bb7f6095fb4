import assert from 'node:assert/strict'
import pg from 'pg'
import { createPublicClient, erc20Abi, http } from 'viem'
import { addMethod, balancesOf, itemOf, makePayable, runNow, runRecord, seedAvailable, seedOwed } from './support/payouts.ts'
import { mailTo, newVerifiedCreator } from './support/people.ts'
import { api, login, testStack, until } from './support/stack.ts'

const BRAND = 'daddyfanz'
// a fresh address per test stack start is not needed: the test stack's chain starts empty every time
const CREATOR_WALLET = '0x8626f6940E2eb28930eFb4CeF49B2d1F2C9C1199' as const
type Creator = Awaited<ReturnType<typeof newVerifiedCreator>>
const paxum = (email: string) => ({ rail: 'paxum' as const, holderName: 'Tess Maker', email })
const ach = (accountNumber: string) => ({ rail: 'ach' as const, holderName: 'Tess Maker', routingNumber: '021000021', accountNumber, accountType: 'checking' as const })

describe('payout runs (real Temporal, PostgreSQL ledger, Paxum / Wise / Dwolla / bank sandboxes)', function () {
  this.timeout(600_000)
  let finance: string
  let db: pg.Client
  const c: Record<'paid' | 'noTax' | 'approval' | 'fallback' | 'returned' | 'wire' | 'crypto' | 'owes', Creator> = {} as never
  let workflowId: string
  let runId: string

  before(async () => {
    finance = await login('finance@fanz.demo')
    db = new pg.Client({ connectionString: testStack().env.DATABASE_URL })
    await db.connect()
    const names = ['paid', 'noTax', 'approval', 'fallback', 'returned', 'wire', 'crypto', 'owes'] as const
    const made = await Promise.all(names.map((n) => newVerifiedCreator(BRAND, 'Tess', `Payee${n}`)))
    names.forEach((n, i) => { c[n] = made[i]! })
    await makePayable(c.paid.token, paxum(`tess.${c.paid.id.slice(0, 8)}@payees.example`))
    await addMethod(c.noTax.token, paxum(`notax.${c.noTax.id.slice(0, 8)}@payees.example`))
    await makePayable(c.approval.token, { rail: 'wise', holderName: 'Tess Maker', currency: 'USD', country: 'US', accountNumber: '12345678', bankCode: '021000021' })
    const failing = await makePayable(c.fallback.token, ach('000123450003'))
    assert.equal(failing.status, 'VERIFIED', 'Dwolla takes the funding source; the account fails only when paid')
    await addMethod(c.fallback.token, paxum(`fallback.${c.fallback.id.slice(0, 8)}@payees.example`), 1)
    await makePayable(c.returned.token, ach('000123450002'))
    await makePayable(c.wire.token, { rail: 'wire', holderName: 'Tess Maker', iban: 'GB82WEST12345698765432', bic: 'NWBKGB2LXXX', country: 'GB' })
    await makePayable(c.crypto.token, { rail: 'crypto', address: CREATOR_WALLET })
    await makePayable(c.owes.token, paxum(`owes.${c.owes.id.slice(0, 8)}@payees.example`))
    const amounts = { paid: 20_000, noTax: 15_000, approval: 800_000, fallback: 30_000, returned: 25_000, wire: 40_000, crypto: 10_000, owes: 30_000 }
    for (const n of names) await seedAvailable({ brand: BRAND, creatorId: c[n].id, amount: amounts[n], key: `${c[n].id}:1` })
    // a refund after an earlier payout left this creator owing 50.00: it is settled out of the next payout
    await seedOwed({ brand: BRAND, creatorId: c.owes.id, amount: 5_000, key: `${c.owes.id}:owed` })
    // the rail's report will list a payout no ledger entry explains: reconciliation must open a case for it
    await fetch(`${testStack().env.PAXUM_API_URL}/sandbox/report-extra`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ amount: 4242, currency: 'USD' }) })
    workflowId = await runNow(finance, BRAND)
    runId = (await runRecord(finance, workflowId, 'PAYING')).id
  })
  after(() => db.end())

  it('pays a creator through Paxum once: reserve kept back, in transit then settled, with the run on every entry', async () => {
    const item = await itemOf(finance, runId, c.paid.id, (s) => s === 'PAID')
    assert.deepEqual([item.amount, item.reserve, item.rail], [19_000, 1_000, 'paxum'], '5 % of 200.00 is kept as a rolling reserve')
    const b = await balancesOf(c.paid.token, BRAND)
    assert.deepEqual([b?.available, b?.inTransit, b?.reserved], [0, 0, 1_000])
    const entries = await db.query('SELECT idempotency_key, kind, workflow_id FROM journal_entries WHERE idempotency_key LIKE $1 ORDER BY id', [`${item.workflowId}:%`])
    assert.deepEqual(entries.rows.map((r) => r.kind), ['payout_reserve', 'payout_sent', 'payout_settled'])
    assert.ok(entries.rows.every((r) => r.workflow_id === item.workflowId))
    const sandbox = await (await fetch(`${testStack().env.PAXUM_API_URL}/sandbox/payouts`)).json() as { payouts: { reference?: string; toEmail?: string }[] }
    assert.equal(sandbox.payouts.filter((p) => JSON.stringify(p).includes(item.workflowId)).length, 1, 'exactly one Paxum transfer')
    await until(() => mailTo(c.paid.email, 'payoutNotice'), (m) => /has arrived/.test(m.subject), 'the payout-paid mail')
  })

  it('blocks a creator without a tax form, tells them why, and leaves the money available', async () => {
    const item = await itemOf(finance, runId, c.noTax.id, (s) => s === 'BLOCKED')
    assert.ok((item.gates as { gate: string; passed: boolean }[]).some((g) => g.gate === 'TAX_FORM' && !g.passed))
    assert.equal((await balancesOf(c.noTax.token, BRAND))?.available, 15_000)
    assert.match((await mailTo(c.noTax.email, 'payoutNotice')).text, /tax form/i)
  })

  it('falls back to the next rail when ACH fails permanently (R03), and pays once', async () => {
    const item = await itemOf(finance, runId, c.fallback.id, (s) => s === 'PAID')
    assert.equal(item.rail, 'paxum')
    const attempts = item.attempts as { rail: string; outcome: string }[]
    assert.deepEqual(attempts.map((a) => a.rail), ['ach', 'paxum'])
    const b = await balancesOf(c.fallback.token, BRAND)
    assert.deepEqual([b?.available, b?.inTransit], [0, 0])
  })

  it('a payout the bank returns after settling (R02) goes back to available with the reason', async () => {
    const item = await itemOf(finance, runId, c.returned.id, (s) => s === 'RETURNED')
    assert.match(String(item.failureMessage), /closed/i)
    const b = await balancesOf(c.returned.token, BRAND)
    assert.deepEqual([b?.available, b?.inTransit, b?.reserved], [25_000, 0, 0], 'the payout and the reserve kept back from it are available again')
    await until(() => mailTo(c.returned.email, 'payoutNotice'), (m) => /came back/.test(m.subject), 'the payout-returned mail')
  })

  it('settles what a creator owes back (a late refund) out of the payout, before the reserve', async () => {
    const item = await itemOf(finance, runId, c.owes.id, (s) => s === 'PAID')
    assert.deepEqual([item.netted, item.reserve, item.amount], [5_000, 1_250, 23_750], '300.00 less 50.00 owed, less 5 % of the rest')
    const b = await balancesOf(c.owes.token, BRAND)
    assert.deepEqual([b?.available, b?.owed, b?.reserved], [0, 0, 1_250])
  })

  it('pays by wire through the bank API, polling its pain.002 status', async () => {
    const item = await itemOf(finance, runId, c.wire.id, (s) => s === 'PAID')
    assert.equal(item.rail, 'wire')
    assert.ok(item.providerRef)
  })

  it('pays in the stablecoin on the local chain, once, settled after its confirmations', async () => {
    const item = await itemOf(finance, runId, c.crypto.id, (s) => s === 'PAID')
    assert.deepEqual([item.rail, item.amount], ['crypto', 9_500])
    const env = testStack().env
    const client = createPublicClient({ transport: http(env.CRYPTO_RPC_URL) })
    const balance = await client.readContract({ address: env.CRYPTO_TOKEN_ADDRESS as `0x${string}`, abi: erc20Abi, functionName: 'balanceOf', args: [CREATOR_WALLET] })
    assert.equal(balance, 95_000_000n, '95.00 FanzUSD (6 decimals) reached the creator once')
  })

  it('an outlier waits for finance: refused to anyone else, approved once, then paid through Wise', async () => {
    const item = await itemOf(finance, runId, c.approval.id, (s) => s === 'AWAITING_APPROVAL')
    assert.equal(item.approvalReason, 'ABOVE_THRESHOLD')
    const queue = await api(`/api/payout-items?filter=${encodeURIComponent(JSON.stringify({ status: 'AWAITING_APPROVAL', runId }))}`, { token: finance })
    assert.ok((queue.body as { id: string }[]).some((i) => i.id === item.id))
    assert.match((await mailTo('finance@fanz.demo', 'payoutApproval')).subject, /waits for approval/)
    const byCreator = await api(`/api/payout-items/${item.id}/decision`, { method: 'POST', token: c.approval.token, body: { decision: 'approve' } })
    assert.equal(byCreator.status, 403)
    const noNote = await api(`/api/payout-items/${item.id}/decision`, { method: 'POST', token: finance, body: { decision: 'reject' } })
    assert.equal(noNote.status, 400, 'a rejection says why')
    const approved = await api(`/api/payout-items/${item.id}/decision`, { method: 'POST', token: finance, body: { decision: 'approve', note: 'known creator' } })
    assert.equal(approved.status, 202, JSON.stringify(approved.body))
    const again = await api(`/api/payout-items/${item.id}/decision`, { method: 'POST', token: finance, body: { decision: 'approve' } })
    assert.deepEqual([again.status, again.body.error?.code], [409, 'NOT_AWAITING_APPROVAL'])
    const paid = await itemOf(finance, runId, c.approval.id, (s) => s === 'PAID')
    assert.deepEqual([paid.rail, paid.amount], ['wise', 760_000])
  })

  it('completes the run and reconciles it: the payout only the rail knows becomes a case', async () => {
    const run = await runRecord(finance, workflowId)
    const cases = await api(`/api/reconciliation-cases?filter=${encodeURIComponent(JSON.stringify({ runId: run.id }))}`, { token: finance })
    const unknown = (cases.body as { kind: string; rail: string; railAmount: number }[]).filter((k) => k.kind === 'UNKNOWN_AT_RAIL' && k.rail === 'paxum')
    assert.deepEqual(unknown.map((k) => k.railAmount), [4242])
    const resolved = await api(`/api/reconciliation-cases/${(cases.body as { id: string; kind: string }[]).find((k) => k.kind === 'UNKNOWN_AT_RAIL')!.id}/resolve`,
      { method: 'POST', token: finance, body: { resolution: 'a manual transfer made outside the platform' } })
    assert.equal(resolved.body.status, 'RESOLVED')
    const csv = await fetch(`${testStack().env.PUBLIC_URL}/api/payout-runs/${run.id}/items.csv`, { headers: { authorization: `Bearer ${finance}` } })
    const text = await csv.text()
    assert.match(text, /^item,creator_id,creator,currency,available,amount,reserve/)
    const paidLine = text.split('\n').find((l) => l.includes(c.paid.id))
    assert.match(paidLine ?? '', /,19000,1000,0,PAID,paxum,/, 'the paid creator\'s own line: amount, reserve, netted, status, rail')
    const trial = await db.query('SELECT currency, sum(balance)::int AS net FROM ledger_accounts GROUP BY currency')
    assert.ok(trial.rows.every((r) => r.net === 0), 'the books still balance')
  })

  it('refuses bad payout methods, tax forms and outsiders with clear codes, nothing stored', async () => {
    const t = c.paid.token
    const badIban = await api('/api/me/payout-methods', { method: 'POST', token: t, body: { destination: { rail: 'wire', holderName: 'Tess Maker', iban: 'DE89370400440532013001', bic: 'COBADEFFXXX', country: 'DE' } } })
    assert.deepEqual([badIban.status, badIban.body.error?.code, badIban.body.error?.details?.field], [422, 'INVALID_DESTINATION', 'iban'])
    const badAddress = await api('/api/me/payout-methods', { method: 'POST', token: t, body: { destination: { rail: 'crypto', address: '0x123' } } })
    assert.deepEqual([badAddress.status, badAddress.body.error?.code], [422, 'INVALID_DESTINATION'])
    const w9 = await api('/api/me/tax-form', { method: 'POST', token: t, body: { kind: 'W-9', country: 'NL', tin: '123456789', signedName: 'Tess Maker' } })
    assert.deepEqual([w9.status, w9.body.error?.code], [422, 'INVALID_TAX_FORM'])
    const methods = await api('/api/me/payout-methods', { token: t })
    assert.equal((methods.body.methods as unknown[]).length, 1, 'nothing stored by the refusals')
    assert.equal((await api('/api/payout-runs', { token: t })).status, 403)
    const refused = await addMethod(t, { rail: 'wise', holderName: 'Invalid Person', currency: 'EUR', country: 'DE', iban: 'DE89370400440532013000' })
    assert.equal(refused.status, 'FAILED')
    assert.ok(refused.failure)
    const forged = await fetch(`${testStack().env.PUBLIC_URL}/webhooks/payouts/ach`, { method: 'POST', headers: { 'content-type': 'application/json',
      'x-request-signature-sha-256': '00'.repeat(32) }, body: JSON.stringify({ id: 'evt-1', resourceId: 'x', topic: 'transfer_completed', timestamp: new Date().toISOString(), _links: {} }) })
    assert.equal(forged.status, 401)
  })

  it('a creator sees their payout history and a statement with the payout on it', async () => {
    const history = await api('/api/me/payouts', { token: c.paid.token })
    assert.equal(history.body[0].status, 'PAID')
    const statement = await until(() => api('/api/me/payouts/statement?currency=USD', { token: c.paid.token }),
      (r) => (r.body?.lines as { entryKind: string }[] | undefined)?.some((l) => l.entryKind === 'payout_sent') ?? false, 'the payout on the statement')
    assert.equal(statement.body.closingBalance, 0)
  })
})
