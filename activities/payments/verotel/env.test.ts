import assert from 'node:assert/strict'
import { parseEnv } from '../../../domain/env.ts'
import { verotelDriverFromEnv, verotelEnvSchema } from './env.ts'

const FULL = { VEROTEL_FLEXPAY_URL: 'https://secure.verotel.com', VEROTEL_CONTROL_CENTER_API_URL: 'https://controlcenter.verotel.com/api',
  VEROTEL_SHOP_ID: '100200', VEROTEL_SIGNATURE_KEY: 'key', VEROTEL_API_USERNAME: 'user', VEROTEL_API_PASSWORD: 'pass' }

describe('verotel driver env', () => {
  it('builds the driver when every variable is set', () => {
    assert.equal(verotelDriverFromEnv(parseEnv(verotelEnvSchema, FULL))?.name, 'verotel')
  })

  for (const missing of Object.keys(FULL)) {
    it(`offers no Verotel driver without ${missing}`, () => {
      const env = Object.fromEntries(Object.entries(FULL).filter(([k]) => k !== missing))
      assert.equal(verotelDriverFromEnv(parseEnv(verotelEnvSchema, env)), undefined)
    })
  }

  it('refuses a URL without a scheme and a non-numeric shop ID', () => {
    for (const bad of [{ VEROTEL_FLEXPAY_URL: 'secure.verotel.com' }, { VEROTEL_SHOP_ID: 'abc' }]) {
      assert.throws(() => parseEnv(verotelEnvSchema, { ...FULL, ...bad }), JSON.stringify(bad))
    }
  })
})
