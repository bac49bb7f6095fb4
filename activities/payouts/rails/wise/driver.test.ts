import assert from 'node:assert/strict'
import { listen, type Listening } from '../../../../ops/sandboxes/listen.ts'
import { startWebhookReceiver, type WebhookReceiver } from '../../../../ops/sandboxes/webhook-receiver.ts'
import { WISE_SANDBOX_PUBLIC_KEY_PEM } from '../../../../ops/sandboxes/wise/local-keys.ts'
import { createWiseSandbox, type WiseSandbox, type WiseSandboxOptions } from '../../../../ops/sandboxes/wise/server.ts'
import { PAYOUT_FAILURES, type PayoutRequest, type PayoutState } from '../../rail.ts'
import { customerTransactionIdFor } from './codes.ts'
import { createWiseRail, type WiseRailConfig } from './driver.ts'

const CREDENTIALS = { apiToken: 'wise-test-token-0123456789', profileId: 4242 }
const START = 1_000_000_000
const IBAN = 'DE89370400440532013000'

describe('wise rail against the sandbox', () => {
  let sandbox: WiseSandbox
  let server: Listening
  let receiver: WebhookReceiver

  async function start(options: Partial<WiseSandboxOptions> = {}) {
    sandbox = createWiseSandbox({ ...CREDENTIALS, webhookUrl: receiver.url, webhookDelayMs: 5, settleDelayMs: 30, ...options })
    server = await listen(sandbox.app, 0)
  }
  beforeEach(async () => {
    receiver = await startWebhookReceiver({ path: '/webhooks/wise' })
    await start()
  })
  afterEach(async () => {
    sandbox.stop()
    await Promise.all([server.close(), receiver.close()])
  })

  const rail = (over: Partial<WiseRailConfig> = {}) =>
    createWiseRail({ baseUrl: server.url, ...CREDENTIALS, webhookPublicKeyPem: WISE_SANDBOX_PUBLIC_KEY_PEM, ...over })
  const payout = (holderName = 'Ada Lovelace', over: Partial<PayoutRequest> = {}): PayoutRequest => ({
    idempotencyKey: `payout:creator-1:2024-05:${Math.random()}`, amount: 12345, currency: 'EUR',
    destination: { rail: 'wise', holderName, currency: 'EUR', country: 'DE', iban: IBAN },
    reference: { workflowId: 'payout:creator-1:2024-05', creatorId: 'creator-1', runId: 'run-1' }, description: 'Fanz earnings May 2024', ...over,
  })
  const control = (path: string, body: unknown) => fetch(`${server.url}/sandbox/${path}`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const balance = (currency = 'EUR') => sandbox.state.balanceOf(currency)?.amount
  async function settles(key: string, until: (s: PayoutState | null) => boolean): Promise<PayoutState | null> {
    for (let i = 0; i < 100; i++) {
      const s = await rail().status(key)
      if (until(s)) return s
      await new Promise((r) => setTimeout(r, 10))
    }
    assert.fail(`payout ${key} never reached the expected state`)
  }

  it('pays an IBAN: sent, then settled by status() and by the signed webhook, with the exact amount and our UUID', async () => {
    const request = payout()
    const sent = await rail().send(request)
    assert.ok(sent.status === 'sent', JSON.stringify(sent))
    const [transfer] = sandbox.state.list()
    assert.deepEqual([String(transfer?.id), transfer?.sourceAmount, transfer?.targetAmount, transfer?.customerTransactionId, transfer?.reference],
      [sent.providerRef, 12345, 12345, customerTransactionIdFor(request.idempotencyKey), 'Fanz earnings May 2024'])
    assert.equal(balance(), START - 12345)
    const settled = await settles(request.idempotencyKey, (s) => s?.status === 'settled')
    assert.equal(settled?.providerRef, sent.providerRef)
    const received = await receiver.waitFor(3)
    // deliveries may arrive in any order, as Wise warns
    const events = received.map((w) => rail().parseNotification(w)).sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
    assert.deepEqual(events.map((e) => [e.providerRef, e.state.status]), [[sent.providerRef, 'sent'], [sent.providerRef, 'sent'], [sent.providerRef, 'settled']])
    assert.deepEqual([events[2]?.workflowId, events[2]?.eventId.startsWith(`${sent.providerRef}:outgoing_payment_sent:`)], [null, true])
    assert.equal(await rail().status('payout:never-sent'), null)
  })

  it('pays once when the same idempotency key is sent again', async () => {
    const request = payout()
    const first = await rail().send(request)
    const second = await rail().send(request)
    assert.equal(second.providerRef, first.providerRef)
    assert.equal(sandbox.state.list().length, 1)
    assert.equal(balance(), START - 12345)
  })

  it('converts when the destination currency differs: our amount is the source amount', async () => {
    const sent = await rail().send(payout(undefined, { currency: 'USD', amount: 10000 }))
    const [transfer] = sandbox.state.list()
    assert.deepEqual([sent.status, transfer?.sourceCurrency, transfer?.sourceAmount, transfer?.targetCurrency, transfer?.targetAmount], ['sent', 'USD', 10000, 'EUR', 9200])
    assert.equal(balance('USD'), START - 10000)
  })

  it('refuses an invalid recipient (verifyDestination and send) and pays nothing', async () => {
    const d = rail()
    const destination = payout('Invalid Person').destination
    assert.deepEqual(await d.verifyDestination(destination),
      { verified: false, failure: PAYOUT_FAILURES.invalidAccount, message: 'Wise: Please specify a valid account holder name.' })
    assert.deepEqual(await d.verifyDestination({ rail: 'wise', holderName: 'Ada', currency: 'EUR', country: 'DE', iban: 'DE00370400440532013000' }),
      { verified: false, failure: PAYOUT_FAILURES.invalidAccount, message: 'Wise: Please specify a valid IBAN.' })
    const ok = await d.verifyDestination({ rail: 'wise', holderName: 'Ada', currency: 'GBP', country: 'GB', accountNumber: '31926819', bankCode: '23-14-70' })
    assert.ok(ok.verified && ok.providerRecipientId && sandbox.state.recipients.get(Number(ok.providerRecipientId))?.type === 'sort_code')
    const state = await d.send(payout('Invalid Person'))
    assert.deepEqual(state.status === 'failed' && [state.failure, state.railCode, state.providerRef], [PAYOUT_FAILURES.invalidAccount, 'NOT_VALID', null])
    assert.equal(sandbox.state.list().length, 0)
  })

  const outcomes: [string, string, string][] = [['Bounce Back', PAYOUT_FAILURES.returned, 'bounced_back'], ['Cancel Me', PAYOUT_FAILURES.rejected, 'cancelled']]
  for (const [holder, failure, railCode] of outcomes) {
    it(`ends a payout to "${holder}" as ${failure} (${railCode}) and refunds the balance`, async () => {
      const request = payout(holder)
      const sent = await rail().send(request)
      const final = await settles(request.idempotencyKey, (s) => s?.status === 'failed')
      assert.deepEqual(final?.status === 'failed' && [final.providerRef, final.failure, final.railCode], [sent.providerRef, failure, railCode])
      assert.equal(balance(), START)
      const events = (await receiver.waitFor(railCode === 'bounced_back' ? 4 : 3)).map((w) => rail().parseNotification(w))
      const ending = events.find((e) => e.state.status === 'failed')?.state
      assert.deepEqual(ending?.status === 'failed' && [ending.failure, ending.railCode], [failure, railCode])
    })
  }

  it('answers INSUFFICIENT_FUNDS when the balance is short, and funds the same transfer once it is topped up', async () => {
    sandbox.stop()
    await server.close()
    await start({ balance: 10_000 })
    const request = payout()
    const state = await rail().send(request)
    assert.deepEqual(state.status === 'failed' && [state.failure, state.railCode], [PAYOUT_FAILURES.insufficientFunds, 'transfer.insufficient_funds'])
    // unfunded is not final: it can still be funded, so the poll says 'sent' (and moves no money)
    assert.deepEqual(await rail().status(request.idempotencyKey), { status: 'sent', providerRef: state.providerRef })
    assert.equal(balance(), 10_000)
    sandbox.state.balanceOf('EUR')!.amount = 20_000
    const again = await rail().send(request)
    assert.deepEqual([again.status, again.providerRef, sandbox.state.list().length, balance()], ['sent', state.providerRef, 1, 20_000 - 12345])
  })

  const route = (input: Parameters<typeof fetch>[0], init?: RequestInit) => `${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`

  it('a retry after a lost transfer answer finds the transfer by customerTransactionId: no new recipient or quote, funded once', async () => {
    const calls: string[] = []
    let lose = true
    const lossy: typeof fetch = async (input, init) => {
      calls.push(route(input, init))
      const res = await fetch(input, init)
      if (lose && route(input, init) === 'POST /v1/transfers') {
        lose = false
        throw new TypeError('fetch failed: other side closed')
      }
      return res
    }
    const request = payout()
    await assert.rejects(rail({ fetch: lossy }).send(request), /other side closed/)
    const [transfer] = sandbox.state.list()
    assert.deepEqual(await rail().status(request.idempotencyKey), { status: 'sent', providerRef: String(transfer?.id) })
    assert.equal(balance(), START)
    calls.length = 0
    assert.deepEqual(await rail({ fetch: lossy }).send(request), { status: 'sent', providerRef: String(transfer?.id) })
    assert.deepEqual(calls, ['GET /v1/transfers', `POST /v3/profiles/${CREDENTIALS.profileId}/transfers/${transfer?.id}/payments`])
    assert.deepEqual([sandbox.state.list().length, sandbox.state.recipients.size, sandbox.state.quotes.size, balance()], [1, 1, 1, START - 12345])
  })

  it('looks the transfer up again on a 4xx from /v1/transfers before calling the payout failed', async () => {
    const request = payout()
    const first = await rail().send(request)
    // the first lookup misses (Wise's list lagging) and Wise refuses the repeated customerTransactionId with its new quote
    let missing = 1
    const refusing: typeof fetch = async (input, init) => {
      if (route(input, init) === 'GET /v1/transfers' && missing-- > 0) return Response.json([])
      if (route(input, init) === 'POST /v1/transfers') return Response.json({ errors: [{ code: 'error.duplicate', message: 'Duplicate customerTransactionId' }] }, { status: 422 })
      return fetch(input, init)
    }
    // the same transfer (it may have settled meanwhile: the sandbox settles after its delay)
    const again = await rail({ fetch: refusing }).send(request)
    assert.equal(again.providerRef, first.providerRef)
    assert.notEqual(again.status, 'failed')
    assert.deepEqual([sandbox.state.list().length, balance()], [1, START - 12345])
    // no transfer behind the refusal: a 422 is final, a 429 (or any other 4xx) is retried
    const none: typeof fetch = async (input, init) => (route(input, init) === 'GET /v1/transfers' ? Response.json([]) : refusing(input, init))
    const refused = await rail({ fetch: none }).send(payout())
    assert.deepEqual(refused.status === 'failed' && [refused.failure, refused.railCode], [PAYOUT_FAILURES.rejected, 'error.duplicate'])
    const limited: typeof fetch = async (input, init) => (route(input, init) === 'POST /v1/transfers' ? Response.json({}, { status: 429 }) : fetch(input, init))
    await assert.rejects(rail({ fetch: limited }).send(payout()), /HTTP 429/)
    assert.equal(sandbox.state.list().length, 1)
  })

  it('throws (retryably) on 503 and on a wrong token, without the token in the message, and pays nothing', async () => {
    await control('fail-next', { count: 1 })
    await assert.rejects(rail().send(payout()), /HTTP 503/)
    await assert.rejects(rail({ apiToken: 'wrong-token-xyz' }).send(payout()), (err: Error) => /HTTP 401/.test(err.message) && !err.message.includes('wrong-token'))
    assert.equal(sandbox.state.list().length, 0)
  })

  it('refuses destinations and currencies it cannot pay without calling Wise', async () => {
    const state = await rail().send(payout(undefined, { currency: 'USDC', amount: 1_000_000 }))
    assert.deepEqual(state.status === 'failed' && state.failure, PAYOUT_FAILURES.unsupported)
    const cad = await rail().verifyDestination({ rail: 'wise', holderName: 'Ada', currency: 'CAD', country: 'CA', accountNumber: '1234567', bankCode: '00011' })
    assert.deepEqual(cad.verified === false && cad.failure, PAYOUT_FAILURES.unsupported)
    assert.equal(sandbox.state.recipients.size, 0)
  })

  it('reports the statement\'s debits in range, with adjusted amounts, returns and payouts nobody asked for', async () => {
    const d = rail()
    const request = payout()
    const paid = await d.send(request)
    const bouncing = payout('Bounce Back', { amount: 500 })
    const bounced = await d.send(bouncing)
    await settles(request.idempotencyKey, (s) => s?.status === 'settled')
    await settles(bouncing.idempotencyKey, (s) => s?.status === 'failed')
    await control('report-adjust', { providerRef: paid.providerRef, amount: 12000 })
    const extra = (await (await control('report-extra', { amount: 700, currency: 'GBP' })).json()) as { payout: { id: number } }
    const range = { from: new Date(Date.now() - 60_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() }
    const lines = await d.report(range)
    assert.deepEqual(lines.map((l) => [l.providerRef, l.reference, l.amount, l.currency, l.status]).sort(), [
      [paid.providerRef, customerTransactionIdFor(request.idempotencyKey), 12000, 'EUR', 'settled'],
      [bounced.providerRef, sandbox.state.transfers.get(Number(bounced.providerRef))?.customerTransactionId, 500, 'EUR', 'returned'],
      [String(extra.payout.id), null, 700, 'GBP', 'settled']].sort())
    assert.equal(d.referenceOf?.(request.idempotencyKey), customerTransactionIdFor(request.idempotencyKey))
    assert.deepEqual(await d.report({ from: range.to, to: new Date(Date.now() + 120_000).toISOString() }), [])
  })
})
