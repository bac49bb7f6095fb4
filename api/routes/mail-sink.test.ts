import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import express from 'express'
import nodemailer from 'nodemailer'
import pino from 'pino'
import { pinoHttp } from 'pino-http'
import { createMailSink, type MailSink } from '../../ops/sandboxes/mail-sink/server.ts'
import { listen, type Listening } from '../../ops/sandboxes/listen.ts'
import type { AuthPerson, RoleName } from '../auth.ts'
import { errorMiddleware } from '../errors.ts'
import { createMailSinkRouter } from './mail-sink.ts'

const person = (role: RoleName): AuthPerson => ({ id: `p-${role}`, email: `${role}@fanz.test`, displayName: role, roles: [{ role, brandSlug: null }] })

/** The router between the same pieces api/app.ts puts around it: request log, a session (x-test-role here), error mapping. */
function apiAround(sinkUrl: string | undefined) {
  const app = express()
  app.use(pinoHttp({ logger: pino({ level: 'silent' }) }))
  app.use((req, _res, next) => {
    const role = req.get('x-test-role') as RoleName | undefined
    if (role) req.person = person(role)
    next()
  })
  app.use('/api', createMailSinkRouter({ sinkUrl, timeoutMs: 2000 }))
  app.use(errorMiddleware)
  return listen(app, 0)
}

async function closedPortUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return `http://127.0.0.1:${port}`
}

describe('mail sink API router', () => {
  let sink: MailSink
  let api: Listening
  before(async () => {
    sink = await createMailSink({ smtpPort: 0, maxMessages: 50 })
    api = await apiAround(sink.url)
    const transport = nodemailer.createTransport({ url: sink.smtpUrl })
    for (const n of [1, 2, 3]) {
      await transport.sendMail({ from: 'no-reply@fanz.test', to: `fan${n}@example.test`, subject: `Mail ${n}`, text: `text ${n}`,
        html: `<p>html ${n}</p>`, headers: { 'X-Fanz-Template': n === 2 ? 'passwordReset' : 'signupActivated' } })
    }
  })
  after(() => Promise.all([api.close(), sink.close()]))

  const call = async (path: string, role: RoleName | null = 'admin', base = api.url) => {
    const res = await fetch(`${base}/api${path}`, { headers: role ? { 'x-test-role': role } : {} })
    const text = await res.text()
    let body: any // eslint-disable-line @typescript-eslint/no-explicit-any -- tests assert on shapes
    try { body = JSON.parse(text) } catch { body = text }
    return { status: res.status, range: res.headers.get('content-range'), body }
  }
  const subjects = (rows: { subject: string }[]) => rows.map((r) => r.subject)

  it('lists newest first with react-admin paging and Content-Range', async () => {
    const page = await call('/mail-messages?range=[0,1]')
    assert.deepEqual([page.status, page.range, subjects(page.body)], [200, 'mail-messages 0-1/3', ['Mail 3', 'Mail 2']])
    const oldest = await call('/mail-messages?sort=["receivedAt","ASC"]&range=[0,0]')
    assert.deepEqual([oldest.range, subjects(oldest.body)], ['mail-messages 0-0/3', ['Mail 1']])
  })

  it('forwards the recipient, subject and template filters', async () => {
    assert.deepEqual(subjects((await call('/mail-messages?filter={"to":"fan1@example.test"}')).body), ['Mail 1'])
    assert.deepEqual(subjects((await call('/mail-messages?filter={"q":"mail 3"}')).body), ['Mail 3'])
    const byTemplate = await call('/mail-messages?filter={"template":"passwordReset"}')
    assert.deepEqual([byTemplate.range, subjects(byTemplate.body)], ['mail-messages 0-0/1', ['Mail 2']])
    assert.equal((await call('/mail-messages?filter={"password":"x"}')).status, 400)
  })

  it('shows one message in full, its raw source, and 404 / 400 for unknown and malformed ids', async () => {
    const [row] = (await call('/mail-messages?filter={"to":"fan2@example.test"}')).body as { id: string }[]
    const shown = await call(`/mail-messages/${row?.id}`, 'compliance')
    assert.deepEqual([shown.status, shown.body.html, shown.body.text.trim(), shown.body.template], [200, '<p>html 2</p>', 'text 2', 'passwordReset'])
    const raw = await call(`/mail-messages/${row?.id}/raw`)
    assert.match(raw.body, /^Subject: Mail 2\r$/m)
    assert.equal((await call('/mail-messages/00000000-0000-4000-8000-000000000000')).body.error.code, 'NOT_FOUND')
    assert.equal((await call('/mail-messages/not-a-uuid')).body.error.code, 'VALIDATION_FAILED')
  })

  it('is for admin and compliance only', async () => {
    assert.equal((await call('/mail-messages', 'compliance')).status, 200)
    for (const [role, status, code] of [[null, 401, 'UNAUTHENTICATED'], ['fan', 403, 'FORBIDDEN'], ['finance', 403, 'FORBIDDEN']] as const) {
      const res = await call('/mail-messages', role)
      assert.deepEqual([res.status, res.body.error.code], [status, code])
    }
  })

  it('answers 503 UNAVAILABLE naming the mail sink when none is configured or it does not answer', async () => {
    for (const sinkUrl of [undefined, await closedPortUrl()]) {
      const other = await apiAround(sinkUrl)
      try {
        const res = await call('/mail-messages', 'admin', other.url)
        assert.deepEqual([res.status, res.body.error.code, res.body.error.details], [503, 'UNAVAILABLE', { dependency: 'mail-sink' }])
        assert.match(res.body.error.message, /mail sink/i)
      } finally {
        await other.close()
      }
    }
  })
})
