import assert from 'node:assert/strict'
import { createDwollaSandbox, type DwollaSandbox, type DwollaSandboxOptions } from '../../../../ops/sandboxes/dwolla/server.ts'
import { listen, type Listening } from '../../../../ops/sandboxes/listen.ts'
import { startWebhookReceiver, type WebhookReceiver } from '../../../../ops/sandboxes/webhook-receiver.ts'
import { PAYOUT_FAILURES, type PayoutRequest, type PayoutState } from '../../rail.ts'
import { correlationIdFor } from './codes.ts'
import { createAchRail, type AchRailConfig } from './driver.ts'

const CREDENTIALS = { key: 'dwolla-test-key', secret: 'dwolla-test-secret', webhookSecret: 'dwolla-test-webhook-secret' }
const START = 1_000_000_000
// 021000021 passes the ABA checksum; 021000022 does not
const ROUTING = '021000021'

describe('ach rail (Dwolla) against the sandbox', () => {
  let sandbox: DwollaSandbox
  let server: Listening
  let receiver: WebhookReceiver

  async function start(options: Partial<DwollaSandboxOptions> = {}) {
    sandbox = createDwollaSandbox({ ...CREDENTIALS, webhookUrl: receiver.url, webhookDelayMs: 5, settleDelayMs: 30, ...options })
    server = await listen(sandbox.app, 0)
  }
  beforeEach(async () => {
    receiver = await startWebhookReceiver({ path: '/webhooks/dwolla' })
    await start()
  })
  afterEach(async () => {
    sandbox.stop()
    await Promise.all([server.close(), receiver.close()])
  })

  const rail = (over: Partial<AchRailConfig> = {}) => createAchRail({ baseUrl: server.url, ...CREDENTIALS, accountId: sandbox.accountId,
    masterFundingSourceId: sandbox.masterFundingSourceId, ...over })
  const payout = (accountNumber = '123456789', over: Partial<PayoutRequest> = {}): PayoutRequest => ({
    idempotencyKey: `payout:creator-1:2024-05:send:ach:${Math.random()}`, amount: 12345, currency: 'USD',
    destination: { rail: 'ach', holderName: 'Ada Maria Lovelace', routingNumber: ROUTING, accountNumber, accountType: 'checking' },
    reference: { workflowId: 'payout:creator-1:2024-05', creatorId: 'creator-1', runId: 'run-1' }, description: 'Fanz earnings May 2024', ...over,
  })
  const control = (path: string, body: unknown) => fetch(`${server.url}/sandbox/${path}`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  async function until(d: ReturnType<typeof rail>, key: string, done: (s: PayoutState | null) => boolean): Promise<PayoutState | null> {
    for (let i = 0; i < 100; i++) {
      const s = await d.status(key)
      if (done(s)) return s
      await new Promise((r) => setTimeout(r, 10))
    }
    assert.fail(`payout ${key} never reached the expected state`)
  }

  it('pays a bank account: sent, then settled by status() and by the signed webhook, with our ids in metadata', async () => {
    const d = rail()
    const request = payout()
    const sent = await d.send(request)
    assert.ok(sent.status === 'sent', JSON.stringify(sent))
    const [transfer] = sandbox.state.list()
    assert.deepEqual([transfer?.id, transfer?.amount, transfer?.correlationId, transfer?.metadata],
      [sent.providerRef, 12345, correlationIdFor(request.idempotencyKey), { workflowId: 'payout:creator-1:2024-05', creatorId: 'creator-1', runId: 'run-1', idempotencyKey: request.idempotencyKey }])
    assert.equal(sandbox.state.balance(), START - 12345)
    assert.equal((await until(d, request.idempotencyKey, (s) => s?.status === 'settled'))?.providerRef, sent.providerRef)
    const events = (await receiver.waitFor(2)).map((w) => d.parseNotification(w)).sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
    assert.deepEqual(events.map((e) => [e.providerRef, e.state.status, e.workflowId]), [[sent.providerRef, 'sent', null], [sent.providerRef, 'settled', null]])
    assert.equal(await d.status('payout:never-sent'), null)
  })

  it('pays once when the same idempotency key is sent again, even concurrently (Idempotency-Key), and reuses the payee', async () => {
    const d = rail()
    const request = payout()
    const [first, concurrent] = await Promise.all([d.send(request), d.send(request)])
    const second = await d.send(request)
    assert.deepEqual([concurrent.providerRef, second.providerRef], [first.providerRef, first.providerRef])
    assert.deepEqual([sandbox.state.list().length, sandbox.state.customers.size, sandbox.state.fundingSources.size, sandbox.state.balance()], [1, 1, 1, START - 12345])
  })

  it('looks the transfer up again on a 400 from POST /transfers: a refused repeat of a made transfer is no failure', async () => {
    const request = payout()
    let lookups = 0
    // the first lookup misses (an earlier attempt's transfer not listed yet); Dwolla then refuses the repeat with a 400
    const refusing: typeof fetch = async (input, init) => {
      const path = new URL(String(input)).pathname
      if (init?.method !== 'POST' && path.endsWith('/transfers') && lookups++ === 0) return Response.json({ _embedded: { transfers: [] }, _links: {} })
      const res = await fetch(input, init)
      if (init?.method !== 'POST' || path !== '/transfers') return res
      return Response.json({ code: 'ValidationError', message: 'Validation error(s) present.',
        _embedded: { errors: [{ code: 'Duplicate', message: 'A transfer with this correlationId exists.', path: '/correlationId' }] } }, { status: 400 })
    }
    const state = await rail({ fetch: refusing }).send(request)
    const [transfer] = sandbox.state.list()
    assert.deepEqual([state, lookups, sandbox.state.list().length, sandbox.state.balance()], [{ status: 'sent', providerRef: transfer?.id }, 2, 1, START - 12345])
  })

  it('refuses a routing number failing the ABA checksum at verification and at send', async () => {
    const d = rail()
    const destination = { ...payout().destination, routingNumber: '021000022' } as PayoutRequest['destination']
    assert.deepEqual(await d.verifyDestination(destination), { verified: false, failure: PAYOUT_FAILURES.invalidAccount, message: 'Dwolla: Routing number invalid.' })
    const state = await d.send(payout(undefined, { destination }))
    assert.deepEqual(state.status === 'failed' && [state.failure, state.railCode, state.providerRef], [PAYOUT_FAILURES.invalidAccount, 'Invalid', null])
    const ok = await d.verifyDestination(payout().destination)
    assert.ok(ok.verified && ok.providerRecipientId && sandbox.state.fundingSources.has(ok.providerRecipientId))
    assert.equal(sandbox.state.list().length, 0)
  })

  const returns: [string, string, string, 'returned' | 'failed'][] = [['000000003', 'R03', PAYOUT_FAILURES.invalidAccount, 'failed'], ['000000002', 'R02', PAYOUT_FAILURES.returned, 'returned']]
  for (const [account, code, failure, reportStatus] of returns) {
    it(`ends a payout to an account ending ${account.slice(-4)} as ${code} ${failure}, refunds the balance and reports it ${reportStatus}`, async () => {
      const d = rail()
      const request = payout(account)
      const sent = await d.send(request)
      const final = await until(d, request.idempotencyKey, (s) => s?.status === 'failed')
      assert.deepEqual(final?.status === 'failed' && [final.providerRef, final.failure, final.railCode], [sent.providerRef, failure, code])
      assert.equal(sandbox.state.balance(), START)
      const events = (await receiver.waitFor(code === 'R02' ? 3 : 2)).map((w) => d.parseNotification(w))
      const failed = events.find((e) => e.state.status === 'failed')
      assert.deepEqual(failed?.state.status === 'failed' && [failed.providerRef, failed.state.railCode], [sent.providerRef, 'UNKNOWN'])
      const lines = await d.report({ from: new Date(Date.now() - 60_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() })
      assert.deepEqual(lines.map((l) => [l.providerRef, l.status]), [[sent.providerRef, reportStatus]])
    })
  }

  it('answers INSUFFICIENT_FUNDS when the master balance is short, and moves nothing', async () => {
    sandbox.stop()
    await server.close()
    await start({ balance: 10_000 })
    const state = await rail().send(payout())
    assert.deepEqual(state.status === 'failed' && [state.failure, state.railCode], [PAYOUT_FAILURES.insufficientFunds, 'InsufficientFunds'])
    assert.deepEqual([sandbox.state.list().length, sandbox.state.balance()], [0, 10_000])
  })

  it('throws (retryably) on 503 and on wrong credentials, without secrets in the message, and pays nothing', async () => {
    await control('fail-next', { count: 1 })
    await assert.rejects(rail().send(payout()), /HTTP 503/)
    await assert.rejects(rail({ secret: 'wrong-secret-xyz' }).send(payout()), (err: Error) => /HTTP 401/.test(err.message) && !err.message.includes('wrong-secret'))
    assert.equal(sandbox.state.list().length, 0)
  })

  it('refuses currencies other than USD and other rails without calling Dwolla', async () => {
    const state = await rail().send(payout(undefined, { currency: 'EUR' }))
    assert.deepEqual(state.status === 'failed' && state.failure, PAYOUT_FAILURES.unsupported)
    assert.equal(sandbox.state.customers.size, 0)
  })

  it('reports our transfers in range, with adjusted amounts and transfers nobody asked for', async () => {
    const d = rail()
    const request = payout()
    const paid = await d.send(request)
    await until(d, request.idempotencyKey, (s) => s?.status === 'settled')
    await control('report-adjust', { providerRef: paid.providerRef, amount: 12000 })
    const extra = (await (await control('report-extra', { amount: 500, currency: 'USD' })).json()) as { payout: { id: string } }
    const range = { from: new Date(Date.now() - 60_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() }
    const lines = await d.report(range)
    assert.deepEqual(lines.map((l) => [l.providerRef, l.reference, l.amount, l.currency, l.status]).sort(), [
      [paid.providerRef, request.idempotencyKey, 12000, 'USD', 'settled'], [extra.payout.id, null, 500, 'USD', 'settled']].sort())
    assert.deepEqual(await d.report({ from: range.to, to: new Date(Date.now() + 120_000).toISOString() }), [])
  })
})
