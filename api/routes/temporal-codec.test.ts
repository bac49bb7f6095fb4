import assert from 'node:assert/strict'
import { randomBytes, randomUUID } from 'node:crypto'
import express, { type Request } from 'express'
import pino from 'pino'
import { pinoHttp } from 'pino-http'
import { createInMemoryKeyStore } from '../../activities/pii/in-memory-key-store.test-support.ts'
import { PII_PAYLOAD_ENCODING, createPersonPayloadCodec } from '../../activities/pii/payload-codec.ts'
import { createPii } from '../../activities/pii/pii.ts'
import { listen, type Listening } from '../../ops/sandboxes/listen.ts'
import { errorMiddleware } from '../errors.ts'
import { createTemporalCodecRouter } from './temporal-codec.ts'

const UI = 'http://localhost:8233'
const fan = randomUUID()
const pii = createPii({ keyStore: createInMemoryKeyStore(), masterKeys: new Map([['k1', randomBytes(32)]]), currentKeyId: 'k1', indexKey: randomBytes(32) })
const codec = createPersonPayloadCodec({ pii, knownPeople: async (ids) => new Set(ids.filter((id) => id === fan)), onShredded: 'placeholder' })
// the test's stand-in for the admin session: a cookie naming the role
const authorize = async (req: Request) => req.get('cookie') === 'codec=admin'
const b64 = (s: string) => Buffer.from(s).toString('base64')
const clear = (value: unknown) => ({ metadata: { encoding: b64('json/plain') }, data: b64(JSON.stringify(value)) })

describe('Temporal codec endpoint', () => {
  let api: Listening
  before(async () => {
    const app = express()
    app.use(pinoHttp({ logger: pino({ level: 'silent' }) }))
    app.use('/api', createTemporalCodecRouter({ codec, authorize, uiOrigin: UI }))
    app.use(errorMiddleware)
    api = await listen(app, 0)
  })
  after(() => api.close())

  const post = async (op: string, payload: unknown, headers: Record<string, string> = { cookie: 'codec=admin' }) => {
    const res = await fetch(`${api.url}/api/temporal-codec/${op}`, { method: 'POST', body: JSON.stringify(payload),
      headers: { 'content-type': 'application/json', origin: UI, 'x-namespace': 'default', ...headers } })
    const body: any = await res.json() // eslint-disable-line @typescript-eslint/no-explicit-any -- tests assert on shapes
    return { status: res.status, headers: res.headers, body }
  }

  it('answers the CORS preflight of the Web UI, credentials allowed, and no other origin', async () => {
    const preflight = (origin: string) => fetch(`${api.url}/api/temporal-codec/decode`, { method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace' } })
    const ok = await preflight(UI)
    assert.equal(ok.status, 204)
    assert.equal(ok.headers.get('access-control-allow-origin'), UI)
    assert.equal(ok.headers.get('access-control-allow-credentials'), 'true')
    assert.match(ok.headers.get('access-control-allow-methods') ?? '', /POST/)
    for (const header of ['content-type', 'x-namespace', 'authorization']) assert.match(ok.headers.get('access-control-allow-headers') ?? '', new RegExp(header))
    const other = await preflight('https://evil.example')
    assert.equal(other.headers.get('access-control-allow-origin'), null)
  })

  it('refuses callers authorize turns away: 401 without credentials, 403 with, readable by the UI', async () => {
    for (const [headers, status, code] of [[{}, 401, 'UNAUTHENTICATED'], [{ cookie: 'codec=fan' }, 403, 'FORBIDDEN']] as const) {
      const res = await post('decode', { payloads: [] }, headers)
      assert.deepEqual([res.status, res.body.error.code], [status, code])
      assert.equal(res.headers.get('access-control-allow-origin'), UI)
    }
  })

  it('encodes and decodes over HTTP in the proto JSON form, and shows an erased person as a placeholder', async () => {
    const original = clear({ fanId: fan, email: 'jane@example.com' })
    const other = clear({ postId: randomUUID() })
    const encoded = await post('encode', { payloads: [original, other] })
    assert.equal(encoded.status, 200)
    assert.equal(encoded.headers.get('access-control-allow-origin'), UI)
    assert.equal(encoded.body.payloads[0].metadata.encoding, b64(PII_PAYLOAD_ENCODING))
    assert.deepEqual(encoded.body.payloads[1], other)
    const decoded = await post('decode', encoded.body)
    assert.deepEqual([decoded.status, decoded.body], [200, { payloads: [original, other] }])

    await pii.destroyPersonKey(fan)
    const erased = await post('decode', encoded.body)
    assert.equal(erased.status, 200)
    assert.deepEqual(JSON.parse(Buffer.from(erased.body.payloads[0].data, 'base64').toString()),
      { erased: 'personal data of an erased person', subjects: [fan] })
  })

  it('refuses a body that is not payloads: 400 VALIDATION_FAILED', async () => {
    for (const body of [{}, { payloads: [{ data: 'not base64!' }] }, { payloads: [{ metadata: { encoding: 42 } }] }]) {
      const res = await post('decode', body)
      assert.deepEqual([res.status, res.body.error.code], [400, 'VALIDATION_FAILED'])
    }
  })
})
