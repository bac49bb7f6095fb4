import assert from 'node:assert/strict'
import { listen, type Listening } from '../../../../ops/sandboxes/listen.ts'
import { createPaxumSandbox, type PaxumSandbox, type PaxumSandboxOptions } from '../../../../ops/sandboxes/paxum/server.ts'
import { PAYOUT_FAILURES, RailNotificationRejected, type PayoutRequest } from '../../rail.ts'
import { createPaxumClient } from './client.ts'
import { createPaxumRail, type PaxumRailConfig } from './driver.ts'

const CREDENTIALS = { fromEmail: 'payouts@fanz.test', sharedSecret: 'fanz-test-paxum-secret' }

describe('paxum rail against the sandbox', () => {
  let sandbox: PaxumSandbox
  let server: Listening

  async function start(options: Partial<PaxumSandboxOptions> = {}) {
    sandbox = createPaxumSandbox({ ...CREDENTIALS, ...options })
    server = await listen(sandbox.app, 0)
  }
  beforeEach(() => start())
  afterEach(async () => {
    sandbox.stop()
    await server.close()
  })

  const rail = (over: Partial<PaxumRailConfig> = {}) => createPaxumRail({ baseUrl: server.url, ...CREDENTIALS, ...over })
  const payout = (email = 'creator@wallet.test', over: Partial<PayoutRequest> = {}): PayoutRequest => ({
    idempotencyKey: `payout:creator-1:2024-05:${Math.random()}`, amount: 12345, currency: 'USD',
    destination: { rail: 'paxum', holderName: 'Ada Maria Lovelace', email },
    reference: { workflowId: 'payout:creator-1:2024-05', creatorId: 'creator-1', runId: 'run-1' }, description: 'Fanz earnings May 2024', ...over,
  })
  const control = (path: string, body: unknown) => fetch(`${server.url}/sandbox/${path}`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

  it('pays a wallet at once, with the exact decimal amount and our key as reference', async () => {
    const request = payout()
    const state = await rail().send(request)
    assert.ok(state.status === 'settled', JSON.stringify(state))
    const [transfer] = sandbox.state.list()
    assert.deepEqual([transfer?.transactionId, transfer?.amount, transfer?.reference, transfer?.note],
      [state.providerRef, 12345, request.idempotencyKey, 'Fanz earnings May 2024'])
    assert.equal(sandbox.state.balance('USD'), 1_000_000_000 - 12345)
    const polled = await rail().status(request.idempotencyKey)
    assert.deepEqual(polled?.status === 'settled' && [polled.providerRef, polled.settledAt.slice(0, 19)], [state.providerRef, transfer?.at.slice(0, 19)])
    assert.equal(await rail().status('payout:never-sent'), null)
  })

  it('pays once when the same idempotency key is sent again', async () => {
    const request = payout()
    const first = await rail().send(request)
    const second = await rail().send(request)
    assert.equal(second.providerRef, first.providerRef)
    assert.equal(sandbox.state.list().length, 1)
    assert.equal(sandbox.state.balance('USD'), 1_000_000_000 - 12345)
  })

  const refusals: [string, Partial<PaxumSandboxOptions>, string, string][] = [
    ['nobody@invalid.paxum.test', {}, PAYOUT_FAILURES.invalidAccount, 'IP'],
    ['somebody@refused.paxum.test', {}, PAYOUT_FAILURES.recipientRefused, 'UA'],
    ['creator@wallet.test', { balance: 10_000 }, PAYOUT_FAILURES.insufficientFunds, '51'],
  ]
  for (const [email, options, failure, railCode] of refusals) {
    it(`maps ${railCode} for ${email} to ${failure} and pays nothing`, async () => {
      await server.close()
      await start(options)
      const state = await rail().send(payout(email))
      assert.deepEqual(state.status === 'failed' && [state.failure, state.railCode, state.providerRef], [failure, railCode, null])
      assert.equal(sandbox.state.list().length, 0)
    })
  }

  it('refuses a currency Paxum does not take without calling it', async () => {
    const state = await rail().send(payout(undefined, { currency: 'USDC', amount: 1_000_000 }))
    assert.deepEqual(state.status === 'failed' && state.failure, PAYOUT_FAILURES.unsupported)
  })

  it('verifies wallets: an unknown e-mail is INVALID_ACCOUNT, the refused wallet exists', async () => {
    const d = rail()
    assert.deepEqual(await d.verifyDestination({ rail: 'paxum', holderName: 'A B', email: 'creator@wallet.test' }), { verified: true, providerRecipientId: null })
    assert.deepEqual(await d.verifyDestination({ rail: 'paxum', holderName: 'A B', email: 'x@invalid.paxum.test' }),
      { verified: false, failure: PAYOUT_FAILURES.invalidAccount, message: 'Paxum: Invalid Payee' })
    assert.equal((await d.verifyDestination({ rail: 'paxum', holderName: 'A B', email: 'x@refused.paxum.test' })).verified, true)
  })

  it('throws (retryably) on 503 and on a wrong shared secret, and pays nothing', async () => {
    await control('fail-next', { count: 1 })
    await assert.rejects(rail().send(payout()), /HTTP 503/)
    await assert.rejects(rail({ sharedSecret: 'wrong' }).send(payout()), (err: Error) => /03 Invalid Merchant/.test(err.message) && !err.message.includes('wrong'))
    assert.equal(sandbox.state.list().length, 0)
  })

  it('reports transfers in the range, with adjusted amounts and transfers nobody asked for', async () => {
    const d = rail()
    const request = payout()
    const paid = await d.send(request)
    await control('report-adjust', { providerRef: paid.providerRef, amount: 12000 })
    const extra = (await (await control('report-extra', { amount: 500, currency: 'EUR' })).json()) as { payout: { transactionId: string } }
    const lines = await d.report({ from: new Date(Date.now() - 60_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() })
    assert.deepEqual(lines.map((l) => [l.providerRef, l.reference, l.amount, l.currency, l.status]), [
      [paid.providerRef, request.idempotencyKey, 12000, 'USD', 'settled'], [extra.payout.transactionId, null, 500, 'EUR', 'settled']])
    assert.deepEqual(await d.report({ from: new Date(Date.now() + 60_000).toISOString(), to: new Date(Date.now() + 120_000).toISOString() }), [])
  })

  const form = (init?: RequestInit) => new URLSearchParams(typeof init?.body === 'string' ? init.body : '')
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)

  it('bounds every request: a slow transferFunds is aborted, and the retry finds that transfer in the history', async () => {
    const signals: unknown[] = []
    const slow: typeof fetch = async (input, init) => {
      signals.push(init?.signal)
      const res = await fetch(input, init)
      if (form(init).get('method') !== 'transferFunds') return res
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)))
    }
    const request = payout()
    const started = Date.now()
    await assert.rejects(rail({ fetch: slow, requestTimeoutMs: 100 }).send(request), (err: Error) => err.name === 'TimeoutError')
    assert.ok(Date.now() - started < 2_000)
    assert.ok(signals.length === 2 && signals.every((s) => s instanceof AbortSignal))
    const [transfer] = sandbox.state.list()
    assert.deepEqual(await rail().send(request), { status: 'settled', providerRef: transfer?.transactionId, settledAt: transfer?.at.replace(/\.\d{3}Z$/, '.000Z') })
    assert.equal(sandbox.state.list().length, 1)
  })

  it('aborts a request when the signal it is given aborts, long before its own timeout', async () => {
    const client = createPaxumClient({ baseUrl: server.url, ...CREDENTIALS, requestTimeoutMs: 60_000,
      fetch: (_input, init) => new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))) })
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('activity cancelled')), 20)
    await assert.rejects(client.call('transactionHistory', {}, [], controller.signal), /activity cancelled/)
  })

  it('looks only a few days back before paying, reads no page past the one holding the key; status() looks further', async () => {
    const record = (reference: string) => sandbox.state.record({ transactionId: sandbox.state.nextId(), toEmail: 'x@wallet.test', amount: 1,
      currency: 'USD', note: '', reference, at: new Date().toISOString(), reportAmount: null, extra: false })
    const request = payout()
    record(request.idempotencyKey)
    for (let i = 0; i < 250; i++) record(`payout:someone-else-${i}:2024-05`)
    const calls: URLSearchParams[] = []
    const spy: typeof fetch = (input, init) => {
      calls.push(form(init))
      return fetch(input, init)
    }
    const found = await rail({ fetch: spy }).send(request)
    assert.deepEqual([found.status, found.providerRef], ['settled', sandbox.state.list()[0]?.transactionId])
    assert.deepEqual(calls.map((c) => [c.get('method'), c.get('fromDate'), c.get('pageNumber')]), [['transactionHistory', daysAgo(4), '1']])
    calls.length = 0
    assert.equal((await rail({ fetch: spy }).send(payout())).status, 'settled')
    assert.deepEqual(calls.map((c) => [c.get('method'), c.get('fromDate'), c.get('pageNumber')]),
      [...['1', '2', '3'].map((n) => ['transactionHistory', daysAgo(4), n]), ['transferFunds', null, null]])
    calls.length = 0
    assert.equal(await rail({ fetch: spy }).status('payout:never-sent'), null)
    assert.deepEqual(calls.map((c) => [c.get('fromDate'), c.get('toDate'), c.get('pageNumber')]).filter(([, , n]) => n === '1'),
      [[daysAgo(4), daysAgo(-1), '1'], [daysAgo(36), daysAgo(5), '1']])
  })

  it('throws (retryably) on a transferFunds code it does not know, rather than calling the payout failed', async () => {
    const odd: typeof fetch = async (input, init) => (form(init).get('method') !== 'transferFunds' ? fetch(input, init)
      : new Response('<Response><ResponseCode>Q9</ResponseCode><ResponseDescription>Something new</ResponseDescription></Response>', { status: 200 }))
    await assert.rejects(rail({ fetch: odd }).send(payout()), /Q9 Something new, a code we do not know/)
    assert.equal(sandbox.state.list().length, 0)
  })

  it('takes no notifications', () => {
    assert.throws(() => rail().parseNotification({ url: '/', headers: {}, rawBody: '', sourceIp: '127.0.0.1', receivedAt: new Date().toISOString() }),
      (err: unknown) => err instanceof RailNotificationRejected && err.code === 'MALFORMED_NOTIFICATION')
  })
})
