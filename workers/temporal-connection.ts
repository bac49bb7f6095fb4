/**
 * How the API and the workers reach Temporal: plain gRPC to the local server by default; TLS with a client
 * certificate (mTLS) or an API key for Temporal Cloud or any TLS-terminated server, by configuration only.
 */
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import type { TLSConfig } from '@temporalio/common/lib/internal-non-workflow/tls-config.js'
import { booleanString, ConfigError, hostPort } from '../domain/env.ts'

export const temporalEnvSchema = z.object({
  TEMPORAL_ADDRESS: hostPort.describe('Temporal frontend (Temporal Cloud: <namespace>.<account>.tmprl.cloud:7233 or <region>.api.temporal.io:7233)'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TLS: booleanString(false).describe('connect over TLS (implied by a client certificate or an API key)'),
  TEMPORAL_TLS_CERT_PATH: z.string().min(1).optional().describe('PEM client certificate for mTLS'),
  TEMPORAL_TLS_KEY_PATH: z.string().min(1).optional().describe('PEM private key of the client certificate'),
  TEMPORAL_TLS_CA_PATH: z.string().min(1).optional().describe('PEM CA bundle of a server with a private CA'),
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional().describe('TLS server name when it differs from the address host'),
  TEMPORAL_API_KEY: z.string().min(1).optional().describe('secret: Temporal Cloud API key'),
})
export type TemporalEnv = z.output<typeof temporalEnvSchema>

/** Connection options for Connection.connect / NativeConnection.connect; reads certificate files once. */
export function temporalConnectionOptions(env: TemporalEnv, read: (path: string) => Buffer = readFileSync):
  { address: string; tls?: TLSConfig | boolean; apiKey?: string } {
  if (Boolean(env.TEMPORAL_TLS_CERT_PATH) !== Boolean(env.TEMPORAL_TLS_KEY_PATH)) {
    throw new ConfigError(['TEMPORAL_TLS_CERT_PATH', 'TEMPORAL_TLS_KEY_PATH'], 'TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH go together')
  }
  const mtls = env.TEMPORAL_TLS_CERT_PATH && env.TEMPORAL_TLS_KEY_PATH
    ? { clientCertPair: { crt: read(env.TEMPORAL_TLS_CERT_PATH), key: read(env.TEMPORAL_TLS_KEY_PATH) } } : {}
  const tlsOn = env.TEMPORAL_TLS || Boolean(env.TEMPORAL_API_KEY) || Object.keys(mtls).length > 0
  const tls: TLSConfig = { ...mtls, ...(env.TEMPORAL_TLS_CA_PATH ? { serverRootCACertificate: read(env.TEMPORAL_TLS_CA_PATH) } : {}),
    ...(env.TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: env.TEMPORAL_TLS_SERVER_NAME } : {}) }
  return { address: env.TEMPORAL_ADDRESS, ...(tlsOn ? { tls: Object.keys(tls).length > 0 ? tls : true } : {}),
    ...(env.TEMPORAL_API_KEY ? { apiKey: env.TEMPORAL_API_KEY } : {}) }
}
