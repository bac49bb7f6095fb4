import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { listen, type Listening } from '../listen.ts'
import { createKycSandbox, type KycSandbox } from './server.ts'
import { RECEIVER_ROUTES, startWebhookReceiver, type WebhookReceiver } from '../webhook-receiver.ts'

const API_KEY = '6a1f0c3e-2b4d-4e8f-9a7c-1d2e3f4a5b6c'
const SECRET = 'sandbox-test-shared-secret'
const sign = (payload: string, secret = SECRET) => createHmac('sha256', secret).update(payload).digest('hex')
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" }
const unescapeHtml = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e)

/** The fields a browser would submit: each input's value, each select's selected (or first) option. */
function formFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const [, name = '', value = ''] of html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) fields[name] = unescapeHtml(value)
  for (const [, name = '', options = ''] of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>(.*?)<\/select>/gs)) {
    fields[name] = unescapeHtml((/<option value="([^"]*)" selected>/.exec(options) ?? /<option value="([^"]*)"/.exec(options))?.[1] ?? '')
  }
  return fields
}

describe('kyc sandbox wire protocol', () => {
  let sandbox: KycSandbox
  let server: Listening
  let receiver: WebhookReceiver

  beforeEach(async () => {
    receiver = await startWebhookReceiver({ ...RECEIVER_ROUTES.kyc, failFirst: 2 })
    sandbox = createKycSandbox({ apiKey: API_KEY, sharedSecret: SECRET, webhookUrl: receiver.url, webhookDelayMs: 5, publicUrl: () => server.url })
    server = await listen(sandbox.app, 0)
  })
  afterEach(async () => {
    sandbox.stop()
    await Promise.all([server.close(), receiver.close()])
  })

  const create = (body: unknown, headers: Record<string, string> = {}) => {
    const json = typeof body === 'string' ? body : JSON.stringify(body)
    return fetch(`${server.url}/v1/sessions`, { method: 'POST', body: json,
      headers: { 'content-type': 'application/json', 'x-auth-client': API_KEY, 'x-hmac-signature': sign(json), ...headers } })
  }
  const get = (path: string, signed: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/v1${path}`, { headers: { 'x-auth-client': API_KEY, 'x-hmac-signature': sign(signed), ...headers } })
  const failure = async (res: Response) => [res.status, ((await res.json()) as { code?: number }).code]
  const PERSON = { firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1990-12-10' }
  const newSession = async (extra: Record<string, unknown> = {}) =>
    ((await (await create({ verification: { vendorData: 'kyc:case-1', person: PERSON, ...extra } })).json()) as
      { verification: { id: string; url: string; sessionToken: string } }).verification

  it('answers Veriff\'s credential codes and creates nothing for a refused request', async () => {
    const body = JSON.stringify({ verification: {} })
    const cases: [Record<string, string>, number, number][] = [
      [{ 'x-auth-client': '' }, 401, 1801],
      [{ 'x-auth-client': 'not-a-uuid' }, 401, 1802],
      [{ 'x-auth-client': '00000000-0000-4000-8000-000000000000' }, 401, 1803],
      [{ 'x-hmac-signature': 'abc' }, 401, 1812],
      [{ 'x-hmac-signature': sign(body, 'wrong-secret') }, 401, 1819],
    ]
    for (const [headers, status, code] of cases) assert.deepEqual(await failure(await create(body, headers)), [status, code], JSON.stringify(headers))
    assert.equal(sandbox.state.list().length, 0)
    assert.equal((await create(body, { 'x-hmac-signature': '' })).status, 201, 'POST /sessions needs no signature')
  })

  it('checks the signed id on GET and answers with signed JSON', async () => {
    const { id } = await newSession()
    assert.deepEqual(await failure(await get(`/sessions/${id}/decision`, id, { 'x-hmac-signature': '' })), [401, 1812])
    assert.deepEqual(await failure(await get(`/sessions/${id}/decision`, 'another-id')), [401, 1818])
    assert.equal((await get('/sessions/2d1b6a7e-0000-4000-8000-000000000000/decision', '2d1b6a7e-0000-4000-8000-000000000000')).status, 404)
    const res = await get(`/sessions/${id}/decision`, id)
    const text = await res.text()
    assert.deepEqual([res.status, JSON.parse(text).verification, res.headers.get('x-auth-client')], [200, null, API_KEY])
    assert.equal(res.headers.get('x-hmac-signature'), sign(text))
  })

  it('refuses bad session bodies with Veriff\'s troubleshooting codes', async () => {
    const cases: [unknown, number][] = [
      [{}, 1102], [{ verification: { vendorData: 'x'.repeat(1001) } }, 1500], [{ verification: { vendorData: 42 } }, 1501],
      [{ verification: { person: { dateOfBirth: '10/12/1990' } } }, 1203], [{ verification: { endUserId: 'person-1' } }, 1104], ['{"verif', 1104],
      [{ verification: { callback: 'javascript:alert(1)' } }, 1104],
    ]
    for (const [body, code] of cases) assert.deepEqual(await failure(await create(body)), [400, code], JSON.stringify(body))
  })

  it('answers a repeated X-Idempotency-Key with the first session, once per key, and refuses it for another body', async () => {
    const body = { verification: { vendorData: 'kyc:case-1', person: PERSON } }
    const first = await (await create(body, { 'x-idempotency-key': 'kyc:case-1:session' })).text()
    const again = await (await create(body, { 'x-idempotency-key': 'kyc:case-1:session' })).text()
    const other = await (await create(body, { 'x-idempotency-key': 'kyc:case-2:session' })).text()
    assert.equal(again, first)
    assert.notEqual(JSON.parse(other).verification.id, JSON.parse(first).verification.id)
    const reused = await create({ verification: { vendorData: 'kyc:case-3' } }, { 'x-idempotency-key': 'kyc:case-1:session' })
    assert.equal(reused.status, 422, 'a key reused for another request is a bug to surface, not a session to hand out')
    assert.equal(sandbox.state.list().length, 2)
  })

  it('runs the hosted flow: escaped form, browser post, redirect, captures, signed webhook retried until delivered', async () => {
    const hostile = '<script>alert(1)</script>'
    const { id, url } = await newSession({ callback: 'https://fanz.example/kyc/done', person: { ...PERSON, firstName: hostile } })
    const html = await (await fetch(url)).text()
    assert.ok(!html.includes(hostile) && html.includes('&lt;script&gt;'), 'merchant data is escaped')
    assert.equal(sandbox.state.find(id)?.status, 'started')
    const fields: Record<string, string> = { ...formFields(html), outcome: 'declined', reasonCode: '106' }
    assert.deepEqual([fields.firstName, fields.dateOfBirth, fields.documentType], [hostile, '1990-12-10', 'PASSPORT'])
    const posted = await fetch(url, { method: 'POST', redirect: 'manual', body: new URLSearchParams(fields),
      headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    assert.deepEqual([posted.status, posted.headers.get('location')], [303, 'https://fanz.example/kyc/done'])
    const [webhook] = await receiver.waitFor(1)
    assert.ok(webhook)
    assert.deepEqual([webhook.headers['x-auth-client'], webhook.headers['x-hmac-signature']], [API_KEY, sign(webhook.rawBody)])
    const { verification } = JSON.parse(webhook.rawBody)
    assert.deepEqual([verification.id, verification.status, verification.code, verification.reasonCode, verification.reason,
      verification.person.firstName, verification.vendorData], [id, 'declined', 9102, 106, 'Known fraud', hostile, 'kyc:case-1'])
    const captured = sandbox.state.mediaOf(sandbox.state.find(id) ?? assert.fail()).map((m) => m.context)
    assert.deepEqual(captured, ['document-front', 'document-back', 'face'])
    for (let i = 0; i < 50 && !sandbox.webhooks.deliveries[0]?.delivered; i++) await new Promise((r) => setTimeout(r, 10))
    assert.deepEqual(sandbox.webhooks.deliveries.map((d) => [d.attempts, d.delivered]), [[3, true]])
  })

  it('re-renders an invalid form with its errors and decides nothing', async () => {
    const { id, url } = await newSession()
    const fields = { ...formFields(await (await fetch(url)).text()), dateOfBirth: '', documentCountry: 'USA', outcome: 'expired' }
    const res = await fetch(url, { method: 'POST', body: new URLSearchParams(fields) })
    const html = await res.text()
    assert.equal(res.status, 400)
    for (const field of ['person.dateOfBirth', 'document.country', 'status']) assert.ok(html.includes(`<li>${field}: `), field)
    assert.equal(sandbox.state.find(id)?.decision, null)
  })

  it('lets a resubmission and a review be decided again, and nothing after a final decision', async () => {
    const { id, url } = await newSession()
    const decide = (body: unknown) => fetch(`${server.url}/sandbox/sessions/${id}/decide`, { method: 'POST',
      headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    assert.equal((await decide({ status: 'approved', reasonCode: 106 })).status, 400, 'no reason code on an approval')
    assert.equal((await decide({ status: 'resubmission_requested' })).status, 200)
    assert.equal((await decide({ status: 'review' })).status, 200)
    assert.equal((await decide({ status: 'approved', person: { dateOfBirth: '2012-05-01' } })).status, 200)
    assert.equal((await decide({ status: 'declined' })).status, 409)
    const session = sandbox.state.find(id)
    assert.deepEqual([session?.attempts.length, session?.status, (session?.decision?.person as { dateOfBirth: string }).dateOfBirth],
      [3, 'approved', '2012-05-01'])
    assert.match(await (await fetch(url)).text(), /nothing more to do/)
    const listed = (await (await fetch(`${server.url}/sandbox/sessions`)).json()) as { sessions: { id: string; media: unknown[] }[] }
    assert.deepEqual(listed.sessions.map((s) => [s.id, s.media.length]), [[id, 3]])
  })
})
