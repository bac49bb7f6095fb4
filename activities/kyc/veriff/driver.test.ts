import assert from 'node:assert/strict'
import { ApplicationFailure } from '@temporalio/common'
import { signPayload } from './hmac.ts'
import { API_KEY, PERSON_ID, SECRET, useKycSandbox } from './sandbox-harness.ts'

describe('veriff driver against the kyc sandbox: sessions, decisions, media', () => {
  const h = useKycSandbox()

  it('creates a session with X-AUTH-CLIENT, the body HMAC and the idempotency key; a retry gets the same session', async () => {
    const d = h.driver({ now: () => Date.parse('2026-03-01T12:00:00Z') })
    const session = await d.createSession(h.request())
    const [sent] = h.requests
    assert.ok(sent)
    assert.deepEqual([sent.url, sent.headers.get('x-auth-client'), sent.headers.get('x-hmac-signature'), sent.headers.get('x-idempotency-key')],
      [`${h.url}/v1/sessions`, API_KEY, signPayload(SECRET, sent.body), 'kyc:case-1:session'])
    assert.deepEqual(JSON.parse(sent.body).verification, { callback: 'https://fanz.example/kyc/done', vendorData: 'kyc:case-1',
      person: { firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1990-12-10' }, endUserId: PERSON_ID })
    assert.ok(session.hostedUrl.startsWith(`${h.url}/v/`))
    assert.equal(session.expiresAt, '2026-03-08T12:00:00.000Z')
    assert.deepEqual(await d.createSession(h.request()), session)
    const other = await d.createSession(h.request({ idempotencyKey: 'kyc:case-1:session:2', personId: 'fan-42' }))
    assert.notEqual(other.sessionId, session.sessionId)
    assert.deepEqual(h.sandbox.state.list().map((s) => s.endUserId), [PERSON_ID, null])
  })

  it('fails retryably and says why on a wrong API key or shared secret', async () => {
    const retryable = (code: number) => (err: Error) => !(err instanceof ApplicationFailure) && err.message.includes(`HTTP 401, code ${code}`)
      && /check the Veriff API key and shared secret/.test(err.message)
    await assert.rejects(h.driver({ apiKey: '00000000-0000-4000-8000-000000000000' }).createSession(h.request()), retryable(1803))
    await assert.rejects(h.driver({ sharedSecret: 'not-the-shared-secret' }).createSession(h.request()), retryable(1819))
    const { sessionId } = await h.driver().createSession(h.request())
    await assert.rejects(h.driver({ sharedSecret: 'not-the-shared-secret' }).getDecision(sessionId), retryable(1818))
    assert.equal(h.sandbox.state.list().length, 1)
  })

  it('fails non-retryably on a request Veriff refuses or a session it does not know', async () => {
    const permanent = (type: string, text: RegExp) => (err: Error) =>
      err instanceof ApplicationFailure && err.nonRetryable && err.type === type && text.test(err.message)
    const d = h.driver()
    await assert.rejects(d.createSession(h.request({ vendorData: 'x'.repeat(1001) })), permanent('KYC_BAD_REQUEST', /code 1500/))
    await assert.rejects(d.getDecision('2d1b6a7e-0000-4000-8000-000000000000'), permanent('KYC_NOT_FOUND', /HTTP 404/))
    await d.createSession(h.request())
    await assert.rejects(d.createSession(h.request({ vendorData: 'kyc:case-2' })), permanent('KYC_BAD_REQUEST', /HTTP 422/))
  })

  it('has no decision until the session is decided, then the decision with the verified person', async () => {
    const d = h.driver()
    const { sessionId } = await d.createSession(h.request())
    assert.equal(await d.getDecision(sessionId), null)
    const document = { type: 'DRIVERS_LICENSE', number: 'LOVEL901210AB9CD', country: 'GB', validUntil: '2031-04-20' }
    assert.equal((await h.decide(sessionId, { status: 'approved', document, riskLabels: ['client_data_mismatch'] })).status, 200)
    const decision = await d.getDecision(sessionId)
    assert.deepEqual({ ...decision, decidedAt: 'x' }, {
      sessionId, vendorData: 'kyc:case-1', status: 'approved', providerReasonCode: null, reason: null, reasonCode: null, decidedAt: 'x',
      liveness: 'passed', riskLabels: ['client_data_mismatch'],
      person: { firstName: 'Ada', lastName: 'Lovelace', dateOfBirth: '1990-12-10',
        document: { type: 'DRIVERS_LICENSE', number: 'LOVEL901210AB9CD', issuingCountry: 'GB', validUntil: '2031-04-20' } },
    })
    assert.ok(Math.abs(Date.parse(decision?.decidedAt ?? '') - Date.now()) < 5000)
  })

  it('refuses a decision answer whose body does not match its signature', async () => {
    const tampering: typeof fetch = async (input, init) => {
      const res = await fetch(input, init)
      if (!String(input).endsWith('/decision')) return res
      const forged = (await res.text()).replace('"declined"', '"approved"').replace('9102', '9001')
      return new Response(forged, { status: res.status, headers: res.headers })
    }
    const { sessionId } = await h.driver().createSession(h.request())
    await h.decide(sessionId, { status: 'declined' })
    await assert.rejects(h.driver({ fetch: tampering }).getDecision(sessionId), /fails its signature check/)
    assert.equal((await h.driver().getDecision(sessionId))?.status, 'declined')
  })

  it('lists the document sides and the selfie and downloads each with its content type', async () => {
    const d = h.driver()
    const { sessionId } = await d.createSession(h.request())
    await h.decide(sessionId, { status: 'approved' })
    const media = await d.listMedia(sessionId)
    assert.deepEqual(media.map((m) => [m.kind, m.providerContext, m.contentType]),
      [['document_front', 'document-front', 'image/png'], ['document_back', 'document-back', 'image/png'], ['face', 'face', 'image/jpeg']])
    const files = await Promise.all(media.map((m) => d.downloadMedia(m.mediaId)))
    assert.deepEqual(files.map((f) => f.contentType), ['image/png', 'image/png', 'image/jpeg'])
    assert.deepEqual(files.map((f) => [...f.bytes.subarray(0, 2)]), [[0x89, 0x50], [0x89, 0x50], [0xff, 0xd8]])
    assert.deepEqual(files.map((f) => f.bytes.length), media.map((m) => m.sizeBytes))
    assert.notDeepEqual(files[0]?.bytes, files[1]?.bytes)
    assert.equal(h.requests.at(-1)?.headers.get('x-hmac-signature'), signPayload(SECRET, media[2]?.mediaId ?? ''))
  })
})
