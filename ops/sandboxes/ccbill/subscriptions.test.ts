import assert from 'node:assert/strict'
import { listen, type Listening } from '../listen.ts'
import { startWebhookReceiver, type WebhookReceiver } from '../webhook-receiver.ts'
import { createCcbillSandbox, type CcbillSandbox } from './server.ts'

const OPTIONS = { appId: 'app', secret: 'sec', clientAccnum: '900100', datalinkUsername: 'dl', datalinkPassword: 'dlpass' }
const ACCEPT = 'application/vnd.mcn.transaction-service.api.v.2+json'
const RECURRING = { clientAccnum: 900100, clientSubacc: 0, initialPrice: 9.99, initialPeriod: 30, recurringPrice: 12.99, recurringPeriod: 30,
  rebills: 99, currencyCode: 978, passThroughInfo: { 'X-workflowId': 'sub:s-1', 'X-fanId': 'fan-1' } }

describe('ccbill sandbox subscriptions', () => {
  let sandbox: CcbillSandbox
  let server: Listening
  let receiver: WebhookReceiver

  beforeEach(async () => {
    receiver = await startWebhookReceiver()
    sandbox = createCcbillSandbox({ ...OPTIONS, webhookUrl: receiver.url, webhookDelayMs: 5 })
    server = await listen(sandbox.app, 0)
  })
  afterEach(async () => {
    sandbox.stop()
    await Promise.all([server.close(), receiver.close()])
  })

  async function charge(body: unknown = RECURRING): Promise<string> {
    const oauth = await fetch(`${server.url}/ccbill-auth/oauth/token`, { method: 'POST', body: 'grant_type=client_credentials',
      headers: { authorization: `Basic ${Buffer.from('app:sec').toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' } })
    const { access_token: token } = (await oauth.json()) as { access_token: string }
    const res = await fetch(`${server.url}/transactions/payment-tokens/tok_approve`, { method: 'POST', body: JSON.stringify(body),
      headers: { authorization: `Bearer ${token}`, accept: ACCEPT, 'content-type': 'application/json' } })
    return String(((await res.json()) as { subscriptionId: string }).subscriptionId)
  }
  const rebill = (ref: string, body: unknown) => fetch(`${server.url}/sandbox/subscriptions/${ref}/rebill`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const status = async (ref: string) => {
    const res = await fetch(`${server.url}/sandbox/subscriptions/${ref}`)
    return { status: res.status, body: (await res.json()) as { subscription?: Record<string, unknown> } }
  }
  const datalink = async (action: string, subscriptionId: string, extra: Record<string, string> = {}) => {
    const query = new URLSearchParams({ clientAccnum: '900100', clientSubacc: '0000', usingSubacc: '0000', username: 'dl', password: 'dlpass',
      action, subscriptionId, ...extra })
    return (await fetch(`${server.url}/utils/subscriptionManagement.cgi?${query}`)).text()
  }
  const fieldsOf = (n: { rawBody: string }) => Object.fromEntries(new URLSearchParams(n.rawBody))
  const eventTypeOf = (n: { url: string }) => new URL(n.url, 'http://x').searchParams.get('eventType')

  it('remembers a subscription per approved recurring charge, with the terms and the first sale\'s X- fields', async () => {
    const ref = await charge()
    const { status: code, body } = await status(ref)
    assert.equal(code, 200)
    assert.deepEqual(body.subscription && [body.subscription.status, body.subscription.recurringPrice, body.subscription.currency,
      body.subscription.periodDays, body.subscription.timesRebilled, body.subscription.passThrough],
    ['active', '12.99', 'EUR', 30, 0, { 'X-workflowId': 'sub:s-1', 'X-fanId': 'fan-1' }])
    const [sale] = await receiver.waitFor(1)
    assert.deepEqual(sale && [fieldsOf(sale).recurringPeriod, fieldsOf(sale).billedRecurringPrice, fieldsOf(sale).rebills], ['30', '12.99', '99'])
    const oneTime = await charge({ ...RECURRING, recurringPrice: undefined, recurringPeriod: undefined, rebills: undefined })
    assert.equal((await status(oneTime)).status, 404)
    assert.equal((await status('1234')).status, 404)
  })

  it('rebills on demand: RenewalSuccess or RenewalFailure, form-encoded, with the first sale\'s X- fields; duplicates on request', async () => {
    const ref = await charge()
    const approved = (await (await rebill(ref, { outcome: 'approve', duplicate: true })).json()) as { rebill: { transactionId: string } }
    assert.equal((await rebill(ref, { outcome: 'decline' })).status, 200)
    const received = await receiver.waitFor(4)
    const renewals = received.filter((n) => eventTypeOf(n) === 'RenewalSuccess')
    const [failure] = received.filter((n) => eventTypeOf(n) === 'RenewalFailure')
    assert.equal(renewals.length, 2)
    assert.equal(renewals[0]?.rawBody, renewals[1]?.rawBody)
    assert.equal(renewals[0]?.headers['content-type'], 'application/x-www-form-urlencoded')
    const renewal = fieldsOf(renewals[0] ?? assert.fail('no renewal'))
    assert.deepEqual([renewal.subscriptionId, renewal.transactionId, renewal.billedAmount, renewal.billedCurrencyCode, renewal['X-workflowId'],
      renewal['X-fanId'], renewal.clientAccnum], [ref, approved.rebill.transactionId, '12.99', '978', 'sub:s-1', 'fan-1', '900100'])
    assert.match(renewal.timestamp ?? '', /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)
    const failed = fieldsOf(failure ?? assert.fail('no failure'))
    assert.deepEqual([failed.subscriptionId, failed['X-workflowId'], failed.billedAmount, typeof failed.failureReason], [ref, 'sub:s-1', undefined, 'string'])
    assert.deepEqual((await status(ref)).body.subscription?.timesRebilled, 1)
  })

  it('refunds up to what the subscription billed last: a rebill dearer than the first sale too', async () => {
    const ref = await charge()
    assert.equal(await datalink('refundTransaction', ref, { amount: '12.99' }), '"results"\n"-5"\n')
    assert.equal((await rebill(ref, { outcome: 'approve' })).status, 200)
    assert.equal(await datalink('refundTransaction', ref, { amount: '12.99' }), '"results"\n"1"\n')
  })

  it('refuses a rebill of an unknown subscription (404) or with a body that is not one (400)', async () => {
    const ref = await charge()
    assert.equal((await rebill('1234', { outcome: 'approve' })).status, 404)
    for (const body of [{}, { outcome: 'maybe' }, { outcome: 'approve', duplicate: 'yes' }]) assert.equal((await rebill(ref, body)).status, 400)
  })

  it('cancels through DataLink once: Cancellation webhook, no further rebills, status says so', async () => {
    const ref = await charge()
    assert.match(await datalink('viewSubscriptionStatus', ref), /"recurringSubscription".*\n.*"2","\d{14}","","","1","0"/)
    assert.equal(await datalink('cancelSubscription', ref), '"results"\n"1"\n')
    assert.equal(await datalink('cancelSubscription', ref), '"results"\n"0"\n')
    assert.equal((await rebill(ref, { outcome: 'approve' })).status, 409)
    assert.equal((await status(ref)).body.subscription?.status, 'cancelled')
    assert.match(await datalink('viewSubscriptionStatus', ref), /\n"1","\d{14}","\d{14}","","1","0"/)
    await receiver.waitFor(2)
    await new Promise((r) => setTimeout(r, 50))
    const cancellations = receiver.received.filter((n) => eventTypeOf(n) === 'Cancellation')
    assert.equal(cancellations.length, 1)
    const fields = fieldsOf(cancellations[0] ?? assert.fail('no cancellation'))
    assert.deepEqual([fields.subscriptionId, fields['X-workflowId'], fields.transactionId, typeof fields.reason], [ref, 'sub:s-1', undefined, 'string'])
    const oneTime = await charge({ ...RECURRING, rebills: 0 })
    assert.equal(await datalink('cancelSubscription', oneTime), '"results"\n"0"\n')
  })
})
