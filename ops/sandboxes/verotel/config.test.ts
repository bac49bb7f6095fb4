import assert from 'node:assert/strict'
import { ConfigError, parseEnv } from '../../../domain/env.ts'
import { verotelSandboxEnvSchema, verotelSandboxOptions } from './config.ts'

describe('verotel sandbox config', () => {
  it('has local defaults, with no postbacks until a URL is given', () => {
    const options = verotelSandboxOptions(parseEnv(verotelSandboxEnvSchema, {}))
    assert.deepEqual(options, { shopId: '100200', signatureKey: 'fanz-local-flexpay-key', apiUsername: 'fanzcc', apiPassword: 'fanzcc-pass',
      postbackUrl: undefined, postbackDelayMs: 200, duplicatePostbacks: false })
    assert.equal(parseEnv(verotelSandboxEnvSchema, {}).VEROTEL_SANDBOX_PORT, 8604)
  })

  const bad: Record<string, string>[] = [{ VEROTEL_SANDBOX_PORT: '0' }, { VEROTEL_DUPLICATE_POSTBACKS: 'yes' },
    { VEROTEL_POSTBACK_URL: 'localhost:3000/webhooks/verotel' }, { VEROTEL_SHOP_ID: 'shop-1' }, { VEROTEL_POSTBACK_DELAY_MS: '-1' }]
  for (const env of bad) {
    it(`refuses ${JSON.stringify(env)}, naming the variable`, () => {
      assert.throws(() => parseEnv(verotelSandboxEnvSchema, env), (err: Error) => err instanceof ConfigError && err.variables.includes(Object.keys(env)[0] ?? ''))
    })
  }
})
