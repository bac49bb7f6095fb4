import assert from 'node:assert/strict'
import { parseEnv } from '../domain/env.ts'
import { temporalConnectionOptions, temporalEnvSchema } from './temporal-connection.ts'

const files: Record<string, string> = { '/c.pem': 'CERT', '/k.pem': 'KEY', '/ca.pem': 'CA' }
const read = (p: string) => Buffer.from(files[p] ?? assert.fail(`unexpected read of ${p}`))
const options = (env: Record<string, string>) => temporalConnectionOptions(parseEnv(temporalEnvSchema, { TEMPORAL_ADDRESS: 'temporal:7233', ...env }), read)

describe('Temporal connection options', () => {
  it('connects in plain gRPC to the local server by default', () => {
    assert.deepEqual(options({}), { address: 'temporal:7233' })
  })
  it('uses TLS and the API key for Temporal Cloud', () => {
    assert.deepEqual(options({ TEMPORAL_API_KEY: 'k-123' }), { address: 'temporal:7233', tls: true, apiKey: 'k-123' })
  })
  it('presents a client certificate for mTLS, with a private CA and server name', () => {
    const o = options({ TEMPORAL_TLS_CERT_PATH: '/c.pem', TEMPORAL_TLS_KEY_PATH: '/k.pem', TEMPORAL_TLS_CA_PATH: '/ca.pem', TEMPORAL_TLS_SERVER_NAME: 'tmprl' })
    assert.ok(o.tls && typeof o.tls === 'object')
    assert.equal(o.tls.clientCertPair?.crt.toString(), 'CERT')
    assert.equal(o.tls.clientCertPair?.key.toString(), 'KEY')
    assert.equal(o.tls.serverRootCACertificate?.toString(), 'CA')
    assert.equal(o.tls.serverNameOverride, 'tmprl')
  })
  it('refuses a certificate without its key, and TEMPORAL_TLS other than true/false', () => {
    assert.throws(() => options({ TEMPORAL_TLS_CERT_PATH: '/c.pem' }), { name: 'ConfigError' })
    assert.throws(() => options({ TEMPORAL_TLS: 'yes' }), { name: 'ConfigError' })
  })
})
