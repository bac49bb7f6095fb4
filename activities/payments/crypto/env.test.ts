import assert from 'node:assert/strict'
import { ConfigError, parseEnv } from '../../../domain/env.ts'
import { ANVIL_DEV_MNEMONIC, LOCAL_CUSTODY_MNEMONIC, anvilDevKey } from '../../chain/anvil-process.ts'
import { cryptoDriverFromEnv, cryptoEnvSchema } from './env.ts'

const LOCAL = {
  CRYPTO_RPC_URL: 'http://127.0.0.1:8545',
  CRYPTO_TOKEN_ADDRESS: '0x97Cd2921263f51dfBda0D74D66307b51DBb1Bd20',
  CRYPTO_ROUTER_ADDRESS: '0x6e0e1038c8d181e8955bA5e49cEE129013520c73',
  CRYPTO_TREASURY_PRIVATE_KEY: anvilDevKey(1),
  CRYPTO_CUSTODY_MNEMONIC: LOCAL_CUSTODY_MNEMONIC,
}

describe('crypto environment', () => {
  it('configures the crypto driver when every variable is set, with 2 confirmations by default', () => {
    const env = parseEnv(cryptoEnvSchema, LOCAL)
    assert.equal(env.CRYPTO_CONFIRMATIONS, 2)
    assert.equal(cryptoDriverFromEnv(env)?.name, 'crypto')
  })

  for (const missing of Object.keys(LOCAL)) {
    it(`offers no crypto payments without ${missing}`, () => {
      assert.equal(cryptoDriverFromEnv(parseEnv(cryptoEnvSchema, { ...LOCAL, [missing]: undefined })), null)
    })
  }

  const invalid: [string, Record<string, string>][] = [
    ['CRYPTO_TOKEN_ADDRESS', { CRYPTO_TOKEN_ADDRESS: '0x97Cd2921263f51dfBda0D74D66307b51DBb1Bd2' }],
    ['CRYPTO_ROUTER_ADDRESS', { CRYPTO_ROUTER_ADDRESS: 'router' }],
    ['CRYPTO_TREASURY_PRIVATE_KEY', { CRYPTO_TREASURY_PRIVATE_KEY: '59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d' }],
    ['CRYPTO_CUSTODY_MNEMONIC', { CRYPTO_CUSTODY_MNEMONIC: ANVIL_DEV_MNEMONIC.replace('junk', 'test') }],
    ['CRYPTO_RPC_URL', { CRYPTO_RPC_URL: '127.0.0.1:8545' }],
    ['CRYPTO_CONFIRMATIONS', { CRYPTO_CONFIRMATIONS: '0' }],
  ]
  for (const [variable, overrides] of invalid) {
    it(`fails at boot naming ${variable} when it is malformed`, () => {
      assert.throws(() => parseEnv(cryptoEnvSchema, { ...LOCAL, ...overrides }),
        (err) => err instanceof ConfigError && err.variables.length === 1 && err.variables[0] === variable)
    })
  }

  it('never puts the secrets into the error message', () => {
    const badKey = LOCAL.CRYPTO_TREASURY_PRIVATE_KEY.slice(2)
    const bad = { ...LOCAL, CRYPTO_CUSTODY_MNEMONIC: `${LOCAL_CUSTODY_MNEMONIC} extra`, CRYPTO_TREASURY_PRIVATE_KEY: badKey }
    assert.throws(() => parseEnv(cryptoEnvSchema, bad),
      (err: Error) => err instanceof ConfigError && err.variables.length === 2 && !err.message.includes('legend') && !err.message.includes(badKey))
  })
})
