import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import { ApplicationFailure } from '@temporalio/common'
import { MockActivityEnvironment } from '@temporalio/testing'
import { DefaultLogger } from '@temporalio/worker'
import { createMailSink, type MailSink } from '../../ops/sandboxes/mail-sink/server.ts'
import { REJECTED_DOMAIN } from '../../ops/sandboxes/mail-sink/smtp.ts'
import { createMailActivities, messageIdFor, type SendMailInput, type SendMailResult } from './index.ts'
import { MAIL_FAILURES } from './failures.ts'

// Expected failures would otherwise be logged in full by the mock environment.
const quiet = { logger: new DefaultLogger('ERROR') }
const FROM = '"Fanz" <no-reply@mail.fanz.test>'
const input = (to: string, idempotencyKey = `signup:${to}:verify-email`): SendMailInput => ({
  idempotencyKey, to, template: 'verifyEmail',
  data: { brand: 'pupfanz', name: 'Rex', link: 'https://pupfanz.example/verify?t=1', code: 'AB12CD', expiresAt: '2026-05-01T14:00:00Z' },
})
const failsWith = (type: string, nonRetryable: boolean) => (err: unknown) =>
  err instanceof ApplicationFailure && err.type === type && err.nonRetryable === nonRetryable

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('mail activities', () => {
  let sink: MailSink
  before(async () => { sink = await createMailSink({ smtpPort: 0, maxMessages: 100 }) })
  after(() => sink.close())

  it('sends the rendered template, with credentials from the SMTP URL, under the key\'s Message-ID', async () => {
    const smtpUrl = sink.smtpUrl.replace('smtp://', 'smtp://fanz-mailer:secret@')
    const { sendMail } = createMailActivities({ smtpUrl, from: FROM })
    const result: SendMailResult = await new MockActivityEnvironment({}, quiet).run(sendMail, input('rex@example.test'))
    const expectedId = messageIdFor('signup:rex@example.test:verify-email', 'mail.fanz.test')
    assert.match(expectedId, /^<[0-9a-f]{64}@mail\.fanz\.test>$/)
    assert.deepEqual(result, { messageId: expectedId, accepted: ['rex@example.test'] })
    const received = await sink.waitFor((m) => m.envelope.to.includes('rex@example.test'), 2000)
    assert.deepEqual([received.messageId, received.template, received.authUser, received.subject],
      [expectedId, 'verifyEmail', 'fanz-mailer', 'PupFanz: confirm your email address'])
    assert.deepEqual(received.from, [{ address: 'no-reply@mail.fanz.test', name: 'Fanz' }])
    assert.ok(received.text.includes('AB12CD') && received.html?.includes('AB12CD'))
  })

  it('a retry with the same idempotency key carries the same Message-ID; another key does not', async () => {
    const { sendMail } = createMailActivities({ smtpUrl: sink.smtpUrl, from: FROM })
    const env = new MockActivityEnvironment({}, quiet)
    const first: SendMailResult = await env.run(sendMail, input('twice@example.test'))
    const again: SendMailResult = await env.run(sendMail, input('twice@example.test'))
    const other: SendMailResult = await env.run(sendMail, input('twice@example.test', 'signup:other:verify-email'))
    assert.equal(again.messageId, first.messageId)
    assert.notEqual(other.messageId, first.messageId)
    const ids = sink.messages().filter((m) => m.envelope.to.includes('twice@example.test')).map((m) => m.messageId)
    assert.deepEqual(ids, [other.messageId, first.messageId, first.messageId])
  })

  it('a recipient the server refuses for good fails without retries (MAIL_REJECTED)', async () => {
    const { sendMail } = createMailActivities({ smtpUrl: sink.smtpUrl, from: FROM })
    await assert.rejects(new MockActivityEnvironment({}, quiet).run(sendMail, input(`gone@${REJECTED_DOMAIN}`)),
      failsWith(MAIL_FAILURES.rejected, true))
  })

  it('an unreachable SMTP server fails retryably (MAIL_UNAVAILABLE)', async () => {
    const { sendMail } = createMailActivities({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, from: FROM })
    await assert.rejects(new MockActivityEnvironment({}, quiet).run(sendMail, input('nobody@example.test')),
      failsWith(MAIL_FAILURES.unavailable, false))
  })

  it('invalid template data or address fails without retries and sends nothing (MAIL_INVALID_INPUT)', async () => {
    const { sendMail } = createMailActivities({ smtpUrl: sink.smtpUrl, from: FROM })
    const before = sink.messages().length
    const badLink = { ...input('a@example.test'), data: { ...input('a@example.test').data, link: 'javascript:alert(1)' } } as SendMailInput
    const unknownTemplate = { ...input('a@example.test'), template: 'newsletter' }
    for (const bad of [badLink, unknownTemplate, input('not-an-address')]) {
      await assert.rejects(new MockActivityEnvironment({}, quiet).run(sendMail, bad), failsWith(MAIL_FAILURES.invalidInput, true))
    }
    assert.equal(sink.messages().length, before)
  })

  it('fits the injected MailSender contract of activities/identity (template name and string data)', async () => {
    type MailSender = (message: { idempotencyKey: string; to: string; template: string; data: Record<string, string> }) => Promise<unknown>
    const sender: MailSender = createMailActivities({ smtpUrl: sink.smtpUrl, from: FROM }).sendMail
    await sender({ idempotencyKey: 'kyc:case-9:escalation', to: 'compliance@fanz.test', template: 'kycEscalation',
      data: { caseId: 'case-9', link: 'http://localhost:3000/admin/#/kyc-cases/case-9/show' } })
    const received = await sink.waitFor((m) => m.template === 'kycEscalation', 2000)
    assert.equal(received.subject, 'Fanz compliance: KYC case case-9 is past its review SLA')
  })

  it('refuses a From address with no domain to build Message-IDs from', () => {
    assert.throws(() => createMailActivities({ smtpUrl: sink.smtpUrl, from: 'Fanz' }), /MAIL_FROM has no domain/)
  })
})
