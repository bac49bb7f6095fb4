import assert from 'node:assert/strict'
import { ConfigError } from '../../../domain/env.ts'
import { loadMailSinkConfig } from './config.ts'

describe('mail sink config', () => {
  it('defaults to the dev ports and 500 messages', () => {
    assert.deepEqual({ ...loadMailSinkConfig({}) }, { MAIL_SINK_SMTP_PORT: 8625, MAIL_SINK_HTTP_PORT: 8626, MAIL_SINK_MAX_MESSAGES: 500 })
  })

  const bad: Record<string, string>[] = [{ MAIL_SINK_SMTP_PORT: '70000' }, { MAIL_SINK_HTTP_PORT: 'http' }, { MAIL_SINK_MAX_MESSAGES: '0' }]
  for (const env of bad) {
    it(`refuses ${JSON.stringify(env)}, naming the variable`, () => {
      assert.throws(() => loadMailSinkConfig(env), (err: unknown) => err instanceof ConfigError && err.variables.join() === Object.keys(env).join())
    })
  }
})
