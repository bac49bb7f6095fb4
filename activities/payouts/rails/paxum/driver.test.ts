import assert from 'node:assert/strict'
import { listen, type Listening } from '../../../../ops/sandboxes/listen.ts'
import { createPaxumSandbox, type PaxumSandbox, type PaxumSandboxOptions } from '../../../../ops/sandboxes/paxum/server.ts'
import { PAYOUT_FAILURES, RailNotificationRejected, type PayoutRequest } from '../../rail.ts'
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

  it('takes no notifications', () => {
    assert.throws(() => rail().parseNotification({ url: '/', headers: {}, rawBody: '', sourceIp: '127.0.0.1', receivedAt: new Date().toISOString() }),
      (err: unknown) => err instanceof RailNotificationRejected && err.code === 'MALFORMED_NOTIFICATION')
  })
})
