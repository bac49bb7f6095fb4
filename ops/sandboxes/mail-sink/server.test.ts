import assert from 'node:assert/strict'
import nodemailer, { type SendMailOptions } from 'nodemailer'
import { createMailSink, type MailSink } from './server.ts'
import { REJECTED_DOMAIN } from './smtp.ts'
import type { MessageSummary, SinkMessage } from './store.ts'

describe('mail sink', () => {
  let sink: MailSink
  beforeEach(async () => { sink = await createMailSink({ smtpPort: 0, maxMessages: 50 }) })
  afterEach(() => sink.close())

  const send = (mail: SendMailOptions, url = sink.smtpUrl, authMethod?: string) =>
    nodemailer.createTransport({ url, authMethod }).sendMail({ from: '"FanzLab" <no-reply@fanz.test>', ...mail })
  const get = async <T>(path: string) => {
    const res = await fetch(`${sink.url}${path}`)
    return { status: res.status, range: res.headers.get('content-range'), body: (await res.json()) as T }
  }

  it('receives a message over SMTP and parses it for the API', async () => {
    await send({
      to: 'Fan One <fan1@example.test>', cc: 'ops@fanz.test', subject: 'BoyFanz: Confirm your email', messageId: '<abc123@fanz.test>',
      text: 'Your code is 123456', html: '<p>Your code is <b>123456</b></p>', headers: { 'X-Fanz-Template': 'verifyEmail' },
      attachments: [{ filename: 'terms.txt', content: 'be nice' }],
    })
    const list = await get<MessageSummary[]>('/messages')
    assert.equal(list.range, 'messages 0-0/1')
    const [row] = list.body
    assert.ok(row)
    assert.deepEqual([row.subject, row.messageId, row.template, row.authUser], ['BoyFanz: Confirm your email', '<abc123@fanz.test>', 'verifyEmail', null])
    assert.deepEqual(row.to, [{ address: 'fan1@example.test', name: 'Fan One' }])
    assert.deepEqual(row.envelope, { from: 'no-reply@fanz.test', to: ['fan1@example.test', 'ops@fanz.test'] })
    assert.deepEqual(row.attachments, [{ filename: 'terms.txt', contentType: 'text/plain', size: 7 }])
    assert.equal('html' in row, false)
    const { body } = await get<SinkMessage>(`/messages/${row.id}`)
    assert.equal(body.text.trim(), 'Your code is 123456')
    assert.equal(body.html, '<p>Your code is <b>123456</b></p>')
    assert.ok(body.headers.some((h) => h.name === 'Message-ID' && h.value === '<abc123@fanz.test>'))
  })

  it('filters by recipient and subject, and pages with Content-Range, newest first', async () => {
    for (const n of [1, 2, 3]) await send({ to: `page${n}@example.test`, subject: `Page ${n}`, text: 'x' })
    await send({ to: 'someone@other.test', subject: 'Unrelated', text: 'x' })
    const page = await get<MessageSummary[]>('/messages?q=page&range=[1,2]')
    assert.equal(page.range, 'messages 1-2/3')
    assert.deepEqual(page.body.map((m) => m.subject), ['Page 2', 'Page 1'])
    const oldest = await get<MessageSummary[]>('/messages?q=page&order=asc&range=[0,0]')
    assert.deepEqual(oldest.body.map((m) => m.subject), ['Page 1'])
    const to = await get<MessageSummary[]>('/messages?to=PAGE3@example.test')
    assert.deepEqual([to.range, to.body.map((m) => m.subject)], ['messages 0-0/1', ['Page 3']])
    assert.equal((await get('/messages?range=[3,1]')).status, 400)
  })

  it('serves the raw RFC 822 source, and 404 for an unknown id', async () => {
    await send({ to: 'raw@example.test', subject: 'Raw please', text: 'body line', messageId: '<raw-1@fanz.test>' })
    const [message] = sink.messages()
    const res = await fetch(`${sink.url}/messages/${message?.id}/raw`)
    assert.equal(res.headers.get('content-type'), 'message/rfc822')
    const raw = await res.text()
    assert.match(raw, /^Message-ID: <raw-1@fanz\.test>\r$/m)
    assert.match(raw, /^Subject: Raw please\r$/m)
    assert.equal(raw, message?.raw.toString())
    assert.equal((await get('/messages/nope')).status, 404)
  })

  for (const method of ['PLAIN', 'LOGIN']) {
    it(`accepts AUTH ${method} from a production-like SMTP URL and records the user`, async () => {
      const info = await send({ to: 'auth@example.test', subject: method, text: 'x' }, sink.smtpUrl.replace('smtp://', 'smtp://mailer:s%3Acret@'), method)
      assert.deepEqual(info.accepted, ['auth@example.test'])
      assert.equal((await sink.waitFor((m) => m.subject === method, 1000)).authUser, 'mailer')
    })
  }

  it(`refuses recipients at ${REJECTED_DOMAIN} with a permanent 550`, async () => {
    await assert.rejects(send({ to: `gone@${REJECTED_DOMAIN}`, subject: 'x', text: 'x' }),
      (err: { responseCode?: number }) => err.responseCode === 550)
    assert.equal(sink.messages().length, 0)
  })

  it('long-polls with wait= until a matching message arrives, and answers empty when none does', async () => {
    const waiting = get<MessageSummary[]>('/messages?to=late@example.test&wait=5000')
    await send({ to: 'early@example.test', subject: 'Not this one', text: 'x' })
    await send({ to: 'late@example.test', subject: 'This one', text: 'x' })
    assert.deepEqual((await waiting).body.map((m) => m.subject), ['This one'])
    const none = await get<MessageSummary[]>('/messages?to=nobody@example.test&wait=50')
    assert.deepEqual([none.range, none.body], ['messages 0-0/0', []])
  })

  it('DELETE /messages empties the sink', async () => {
    await send({ to: 'a@example.test', subject: 'x', text: 'x' })
    assert.equal((await fetch(`${sink.url}/messages`, { method: 'DELETE' })).status, 204)
    assert.deepEqual((await get<unknown[]>('/messages')).body, [])
  })
})
