import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import { listen, type Listening } from '../../../../ops/sandboxes/listen.ts'
import { createWireSandbox, type WireSandbox, type WireSandboxOptions } from '../../../../ops/sandboxes/wire/server.ts'
import type { WireDestination } from '../../../../domain/payouts/destinations.ts'
import { PAYOUT_FAILURES, RailNotificationRejected, type PayoutRequest } from '../../rail.ts'
import { payoutStateOf } from './codes.ts'
import { createWireRail, type WireRailConfig } from './driver.ts'
import { messageIdFor } from './iso20022.ts'

const CREDENTIALS = { username: 'fanz-api', password: 'fanz-test-bank-pass' }
const DEBTOR = { name: 'Fanz Media Ltd', iban: 'GB82WEST12345698765432', bic: 'WESTGB2L' }
const SETTLE_MS = 40

describe('wire rail against the sandbox bank', () => {
  let sandbox: WireSandbox
  let server: Listening

  async function start(options: Partial<WireSandboxOptions> = {}) {
    sandbox = createWireSandbox({ ...CREDENTIALS, settleDelayMs: SETTLE_MS, ...options })
    server = await listen(sandbox.app, 0)
  }
  beforeEach(() => start())
  afterEach(async () => {
    sandbox.stop()
    await server.close()
  })

  const rail = (over: Partial<WireRailConfig> = {}) => createWireRail({ baseUrl: server.url, ...CREDENTIALS, debtor: DEBTOR, ...over })
  const destination = (over: Partial<WireDestination> = {}): WireDestination =>
    ({ rail: 'wire', holderName: 'Ada Lovelace', iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX', country: 'DE', ...over })
  const payout = (over: Partial<WireDestination> = {}, request: Partial<PayoutRequest> = {}): PayoutRequest => ({
    idempotencyKey: `payout:c1:${Math.random().toString(36).slice(2, 10)}`, amount: 250_075, currency: 'EUR', destination: destination(over),
    reference: { workflowId: 'payout:c1:2024-05', creatorId: 'c1', runId: 'run-1' }, description: 'Fanz earnings May 2024', ...request,
  })
  const control = (path: string, body: unknown) => fetch(`${server.url}/sandbox/${path}`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const afterSettlement = (times = 1) => sleep(SETTLE_MS * times + 20)

  it('sends, is ACSP until the bank settles, then settled with the exact amount', async () => {
    const d = rail()
    const request = payout()
    const sent = await d.send(request)
    assert.ok(sent.status === 'sent', JSON.stringify(sent))
    assert.deepEqual(await d.status(request.idempotencyKey), { status: 'sent', providerRef: sent.providerRef })
    await afterSettlement()
    const settled = await d.status(request.idempotencyKey)
    assert.ok(settled?.status === 'settled' && settled.providerRef === sent.providerRef)
    const [payment] = sandbox.state.list()
    assert.deepEqual([payment?.amount, payment?.currency, payment?.creditor.iban, payment?.endToEndId, payment?.remittance],
      [250_075, 'EUR', 'DE89370400440532013000', request.idempotencyKey, 'Fanz earnings May 2024'])
    assert.equal(settled.settledAt, payment?.settledAt)
    assert.equal(await d.status('payout:never-sent'), null)
  })

  it('pays once for a repeated idempotency key, hashing keys longer than 35 characters', async () => {
    const request = payout({}, { idempotencyKey: `payout:creator-with-a-long-id:2024-05:${'x'.repeat(40)}` })
    const first = await rail().send(request)
    const second = await rail().send(request)
    assert.equal(second.providerRef, first.providerRef)
    assert.equal(sandbox.state.list().length, 1)
    assert.equal(sandbox.state.list()[0]?.msgId.length, 35)
    assert.equal(sandbox.state.balance('EUR'), 1_000_000_000 - 250_075)
  })

  const pathOf = (input: Parameters<typeof fetch>[0], init?: RequestInit) => `${init?.method ?? 'GET'} ${decodeURIComponent(new URL(String(input)).pathname)}`

  it('a retry after a lost 202 asks by our MsgId first: the first payment is the answer, nothing is posted again', async () => {
    const calls: string[] = []
    let lose = true
    const lossy: typeof fetch = async (input, init) => {
      calls.push(pathOf(input, init))
      const res = await fetch(input, init)
      if (lose && init?.method === 'POST') {
        lose = false
        throw new TypeError('fetch failed: socket hang up')
      }
      return res
    }
    const d = rail({ fetch: lossy })
    const request = payout()
    await assert.rejects(d.send(request), /socket hang up/)
    const again = await d.send(request)
    const [payment] = sandbox.state.list()
    assert.deepEqual(again, { status: 'sent', providerRef: payment?.bankRef })
    const statusPath = `GET /payments/${request.idempotencyKey}/status`
    assert.deepEqual(calls, [statusPath, 'POST /payments', statusPath])
    assert.deepEqual([sandbox.state.list().length, sandbox.state.balance('EUR')], [1, 1_000_000_000 - 250_075])
  })

  it('never takes a DU01 (duplicate) answer for a failure: reads the first payment, or throws retryably when it cannot', async () => {
    const request = payout()
    const first = await rail().send(request)
    // the bank's status lagged behind (or another attempt raced us): the POST is refused as a repeat
    let lagging = 1
    const lagged: typeof fetch = async (input, init) =>
      init?.method !== 'POST' && lagging-- > 0 ? new Response('No such payment', { status: 404 }) : fetch(input, init)
    assert.deepEqual(await rail({ fetch: lagged }).send(request), first)
    const blind: typeof fetch = async (input, init) => (init?.method !== 'POST' ? new Response('No such payment', { status: 404 }) : fetch(input, init))
    await assert.rejects(rail({ fetch: blind }).send(request), (err: Error) => err.constructor === Error && /repeat \(DU01\)/.test(err.message))
    assert.deepEqual([sandbox.state.list().length, sandbox.state.balance('EUR')], [1, 1_000_000_000 - 250_075])
    for (const reasonCode of ['DU01', 'DU05', 'AM05']) {
      assert.throws(() => payoutStateOf({ status: 'RJCT', reasonCode, reasonText: null, bankRef: null, settledAt: null }, 'M', Date.now), /repeated message/)
    }
  })

  it('reports our EndToEndId (referenceOf) as reference, returns too, when the statement AcctSvcrRef differs from pain.002', async () => {
    const d = rail()
    const key = `payout:creator-with-a-long-id:2024-05:${'y'.repeat(40)}`
    const back = await d.send(payout({ holderName: 'Return Testcase' }, { idempotencyKey: key, amount: 999 }))
    await afterSettlement(2)
    assert.equal((await control('report-adjust', { providerRef: back.providerRef, statementRef: 'STMT0001' })).status, 200)
    const ref = messageIdFor(key)
    assert.deepEqual([d.referenceOf?.(key), ref.length, ref === key, back.providerRef === 'STMT0001'], [ref, 35, false, false])
    assert.equal(sandbox.state.list()[0]?.endToEndId, ref)
    const lines = await d.report({ from: new Date(Date.now() - 60_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() })
    assert.deepEqual(lines.map((l) => [l.providerRef, l.reference, l.amount, l.status]).sort((a, b) => String(a).localeCompare(String(b))),
      [['STMT0001', ref, 999, 'returned'], ['STMT0001', ref, 999, 'settled']])
  })

  it('carries names that need escaping through the XML unchanged', async () => {
    await rail().send(payout({ holderName: 'Tom & Jerry <Studios> "Ltd"' }))
    assert.equal(sandbox.state.list()[0]?.creditor.name, 'Tom & Jerry <Studios> "Ltd"')
  })

  it('maps FAILDEFFXXX to RJCT AC01 at the first poll: INVALID_ACCOUNT, nothing debited', async () => {
    const d = rail()
    const request = payout({ bic: 'FAILDEFFXXX' })
    assert.equal((await d.send(request)).status, 'sent')
    const state = await d.status(request.idempotencyKey)
    assert.deepEqual(state?.status === 'failed' && [state.failure, state.railCode], [PAYOUT_FAILURES.invalidAccount, 'AC01'])
    assert.equal(sandbox.state.balance('EUR'), 1_000_000_000)
  })

  it('reports a "Return" creditor settled, then RETURNED with AC04, and credits the money back', async () => {
    const d = rail()
    const request = payout({ holderName: 'Return Testcase' })
    await d.send(request)
    await afterSettlement()
    assert.equal((await d.status(request.idempotencyKey))?.status, 'settled')
    await afterSettlement()
    const state = await d.status(request.idempotencyKey)
    assert.deepEqual(state?.status === 'failed' && [state.failure, state.railCode], [PAYOUT_FAILURES.returned, 'AC04'])
    assert.equal(sandbox.state.balance('EUR'), 1_000_000_000)
  })

  it('refuses at acceptance: AM04 insufficient funds, AC01 bad IBAN, and a currency it cannot wire', async () => {
    await server.close()
    await start({ balance: 100_000 })
    const cases: [PayoutRequest, string, string][] = [
      [payout(), PAYOUT_FAILURES.insufficientFunds, 'AM04'],
      [payout({ iban: 'DE00370400440532013000' }, { amount: 100 }), PAYOUT_FAILURES.invalidAccount, 'AC01'],
      [payout({}, { currency: 'USDC', amount: 1_000_000 }), PAYOUT_FAILURES.unsupported, 'UNSUPPORTED'],
    ]
    for (const [request, failure, railCode] of cases) {
      const state = await rail().send(request)
      assert.deepEqual(state.status === 'failed' && [state.failure, state.railCode], [failure, railCode], railCode)
    }
    assert.equal(sandbox.state.balance('EUR'), 100_000)
  })

  it('throws (retryably) on 503 and on refused credentials, without leaking the password', async () => {
    await control('fail-next', { count: 1 })
    await assert.rejects(rail().send(payout()), /HTTP 503/)
    await assert.rejects(rail({ password: 'not-the-password' }).send(payout()),
      (err: Error) => /credentials \(HTTP 401\)/.test(err.message) && !err.message.includes('not-the-password'))
    assert.equal(sandbox.state.list().length, 0)
  })

  it('parses the camt.053: settled payouts, adjusted amounts, extras and returns', async () => {
    const d = rail()
    const plain = payout()
    const returned = payout({ holderName: 'Return Testcase' }, { amount: 999 })
    const paid = await d.send(plain)
    const back = await d.send(returned)
    await afterSettlement(2)
    await control('report-adjust', { providerRef: paid.providerRef, amount: 250_000 })
    const extra = (await (await control('report-extra', { amount: 500, currency: 'USD' })).json()) as { payout: { bankRef: string } }
    const lines = await d.report({ from: new Date(Date.now() - 60_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() })
    const shown = lines.map((l) => [l.providerRef, l.reference, l.amount, l.currency, l.status]).sort((a, b) => String(a).localeCompare(String(b)))
    assert.deepEqual(shown, [
      [paid.providerRef, plain.idempotencyKey, 250_000, 'EUR', 'settled'], [back.providerRef, returned.idempotencyKey, 999, 'EUR', 'returned'],
      [back.providerRef, returned.idempotencyKey, 999, 'EUR', 'settled'], [extra.payout.bankRef, null, 500, 'USD', 'settled'],
    ].sort((a, b) => String(a).localeCompare(String(b))))
    assert.deepEqual(await d.report({ from: new Date(Date.now() + 60_000).toISOString(), to: new Date(Date.now() + 120_000).toISOString() }), [])
  })

  it('verifies IBAN and BIC structure, and takes no notifications', async () => {
    const d = rail()
    assert.deepEqual(await d.verifyDestination(destination()), { verified: true, providerRecipientId: null })
    assert.equal((await d.verifyDestination(destination({ iban: 'DE89370400440532013001' }))).verified, false)
    assert.equal((await d.verifyDestination(destination({ bic: 'CO1' }))).verified, false)
    assert.throws(() => d.parseNotification({ url: '/', headers: {}, rawBody: '', sourceIp: '127.0.0.1', receivedAt: new Date().toISOString() }),
      (err: unknown) => err instanceof RailNotificationRejected && err.code === 'MALFORMED_NOTIFICATION')
  })
})
