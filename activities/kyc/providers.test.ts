import assert from 'node:assert/strict'
import { ConfigError, parseEnv } from '../../domain/env.ts'
import { createKycProvider, kycEnvSchema } from './providers.ts'

const FULL = { VERIFF_API_URL: 'https://stationapi.veriff.com', VERIFF_API_KEY: '9d2e4f6a-8b1c-4d3e-a5f7-0b2c4d6e8f1a',
  VERIFF_SHARED_SECRET: 'a-long-enough-shared-secret' }

describe('kyc provider configuration', () => {
  it('builds the Veriff driver only when URL, key and secret are all set', () => {
    assert.equal(createKycProvider(parseEnv(kycEnvSchema, {})), null)
    assert.equal(createKycProvider(parseEnv(kycEnvSchema, { ...FULL, VERIFF_SHARED_SECRET: undefined })), null)
    assert.equal(createKycProvider(parseEnv(kycEnvSchema, FULL))?.name, 'veriff')
  })

  it('defaults the webhook age to 8 days and refuses bad values, naming the variable', () => {
    assert.equal(parseEnv(kycEnvSchema, FULL).VERIFF_WEBHOOK_MAX_AGE_HOURS, 192)
    const bad: Record<string, string>[] = [{ VERIFF_API_URL: 'stationapi.veriff.com' }, { VERIFF_API_KEY: 'fanz-key' },
      { VERIFF_SHARED_SECRET: 'short' }, { VERIFF_WEBHOOK_MAX_AGE_HOURS: '0' }]
    for (const env of bad) {
      assert.throws(() => parseEnv(kycEnvSchema, { ...FULL, ...env }),
        (err: Error) => err instanceof ConfigError && err.variables.includes(Object.keys(env)[0] ?? ''))
    }
  })
})
