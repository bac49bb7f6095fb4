import assert from 'node:assert/strict'
import { MAIL_FAILURES, toMailFailure, type MailFailure } from './failures.ts'

const err = (props: Record<string, unknown>) => Object.assign(new Error('smtp said no'), props)

describe('SMTP failure classification', () => {
  const cases: [what: string, error: unknown, type: MailFailure, nonRetryable: boolean][] = [
    ['550 on RCPT TO', err({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550, permanent: true }), MAIL_FAILURES.rejected, true],
    ['554 on DATA', err({ code: 'EMESSAGE', command: 'DATA', responseCode: 554, permanent: true }), MAIL_FAILURES.rejected, true],
    ['451 greylisting', err({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 451, permanent: false }), MAIL_FAILURES.unavailable, false],
    ['503 bad sequence', err({ code: 'EPROTOCOL', responseCode: 503, permanent: false }), MAIL_FAILURES.unavailable, false],
    ['535 bad credentials', err({ code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535, permanent: true }), MAIL_FAILURES.authFailed, false],
    ['connection refused', err({ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }), MAIL_FAILURES.unavailable, false],
    ['timeout', err({ code: 'ETIMEDOUT' }), MAIL_FAILURES.unavailable, false],
    ['malformed recipient, refused by the client', err({ code: 'EENVELOPE', command: 'API' }), MAIL_FAILURES.invalidInput, true],
    ['something that is not an Error', 'boom', MAIL_FAILURES.unavailable, false],
  ]
  for (const [what, error, type, nonRetryable] of cases) {
    it(`${what} -> ${type}${nonRetryable ? ', not retried' : ', retried'}`, () => {
      const failure = toMailFailure(error)
      assert.deepEqual([failure.type, failure.nonRetryable], [type, nonRetryable])
    })
  }
})
