/** The infrastructure services of the local stack: how each is prepared, started and health-checked. */
import { existsSync } from 'node:fs'
import { chmod, cp, lstat, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { Connection } from '@temporalio/client'
import { IS_ROOT, ROOT, SERVICE_DATA_ROOT, SERVICE_USER, TOOLS, checkoutDataDir, localDir, serviceDataDir, type Profile } from './paths.ts'
import { PG_BIN } from './provision.ts'
import { runCommand } from './run-command.ts'
import type { ServiceSpec } from './supervisor.ts'
import type { StackConfig } from './config.ts'

export const DEV_CREDENTIALS = { pgUser: 'fanz', pgPassword: 'fanz-local-pg', s3User: 'fanz-local', s3Secret: 'fanz-local-minio-secret' }
const JAVA_HOME = '/usr/lib/jvm/java-17-openjdk-amd64'

const httpOk = async (url: string) => (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok
const asUser = IS_ROOT ? SERVICE_USER : undefined

/** A data folder the service user owns, linked from .local/<profile>/<name> when it lives outside the checkout. */
async function ownedDataDir(profile: Profile, name: string): Promise<string> {
  const dir = serviceDataDir(profile, name)
  await mkdir(dir, { recursive: true })
  if (IS_ROOT) {
    await writeFile(path.join(checkoutDataDir(), 'checkout'), ROOT)
    await runCommand(name, ['chown', '-R', `${SERVICE_USER}:`, path.dirname(dir)])
    for (let d = path.dirname(dir); d !== '/var/lib'; d = path.dirname(d)) await chmod(d, 0o755)
    const link = path.join(localDir(profile), name)
    if (!(await lstat(link).catch(() => null))) await symlink(dir, link)
  }
  return dir
}

/** Removes service data of checkouts that no longer exist (CI clones live in temp folders that get deleted). */
export async function pruneOrphanedData(log: (line: string) => void): Promise<void> {
  if (!IS_ROOT) return
  for (const entry of await readdir(SERVICE_DATA_ROOT).catch(() => [])) {
    const dir = path.join(SERVICE_DATA_ROOT, entry)
    const checkout = await readFile(path.join(dir, 'checkout'), 'utf8').catch(() => null)
    if (checkout && !existsSync(checkout)) {
      await rm(dir, { recursive: true, force: true })
      log(`removed service data of deleted checkout ${checkout}`)
    }
  }
}

export async function postgresSpec(cfg: StackConfig): Promise<ServiceSpec> {
  const data = path.join(await ownedDataDir(cfg.profile, 'pg'), 'data')
  if (!existsSync(path.join(data, 'PG_VERSION'))) {
    const pwfile = path.join(path.dirname(data), 'pwfile')
    await writeFile(pwfile, DEV_CREDENTIALS.pgPassword, { mode: 0o644 })
    await runCommand('postgres', [`${PG_BIN}/initdb`, '-D', data, '-U', DEV_CREDENTIALS.pgUser, `--pwfile=${pwfile}`,
      '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C'], { asUser })
    await rm(pwfile)
  }
  const url = postgresUrl(cfg, 'postgres')
  return {
    name: 'postgres', ports: [{ port: cfg.ports.postgres, what: 'PostgreSQL' }], asUser, stopSignal: 'SIGINT',
    command: [`${PG_BIN}/postgres`, '-D', data, '-p', String(cfg.ports.postgres), '-c', 'listen_addresses=127.0.0.1',
      '-c', `unix_socket_directories=${path.dirname(data)}`, '-c', 'max_connections=200',
      ...(cfg.profile === 'test' ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off'] : [])],
    healthy: async () => {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 })
      await client.connect()
      await client.end()
      return true
    },
  }
}

export const postgresUrl = (cfg: StackConfig, db = 'fanz') =>
  `postgresql://${DEV_CREDENTIALS.pgUser}:${DEV_CREDENTIALS.pgPassword}@127.0.0.1:${cfg.ports.postgres}/${db}`

/** Creates the application database on a fresh cluster (or anew, for a test run). */
export async function ensureDatabase(cfg: StackConfig, { recreate = false } = {}): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl(cfg, 'postgres') })
  await client.connect()
  if (recreate) await client.query('DROP DATABASE IF EXISTS fanz WITH (FORCE)')
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', ['fanz'])
  if (!rowCount) await client.query('CREATE DATABASE fanz')
  await client.end()
}

export function temporalSpec(cfg: StackConfig): ServiceSpec {
  const address = `127.0.0.1:${cfg.ports.temporal}`
  return {
    name: 'temporal',
    ports: [{ port: cfg.ports.temporal, what: 'Temporal gRPC' }, { port: cfg.ports.temporalUi, what: 'Temporal Web UI' }],
    command: [TOOLS.temporal, 'server', 'start-dev', '--db-filename', path.join(localDir(cfg.profile), 'temporal.db'),
      '--ip', '127.0.0.1', '--port', String(cfg.ports.temporal), '--ui-port', String(cfg.ports.temporalUi),
      '--namespace', cfg.TEMPORAL_NAMESPACE, '--log-level', 'warn',
      // the Web UI opens sealed payloads through the API's codec endpoint (admins only)
      '--ui-codec-endpoint', `http://localhost:${cfg.ports.api}/api/temporal-codec`],
    healthy: async () => {
      const connection = await Connection.connect({ address, connectTimeout: 1000 })
      try {
        const res = await connection.healthService.check({})
        return res.status === 1 && (await httpOk(`http://127.0.0.1:${cfg.ports.temporalUi}/`))
      } finally {
        await connection.close()
      }
    },
  }
}

export function minioSpec(cfg: StackConfig): ServiceSpec {
  return {
    name: 'minio',
    ports: [{ port: cfg.ports.minio, what: 'MinIO S3 API' }, { port: cfg.ports.minioConsole, what: 'MinIO console' }],
    command: [TOOLS.minio, 'server', path.join(localDir(cfg.profile), 'minio'), '--quiet',
      '--address', `127.0.0.1:${cfg.ports.minio}`, '--console-address', `127.0.0.1:${cfg.ports.minioConsole}`],
    env: { ...process.env, MINIO_ROOT_USER: DEV_CREDENTIALS.s3User, MINIO_ROOT_PASSWORD: DEV_CREDENTIALS.s3Secret },
    healthy: () => httpOk(`http://127.0.0.1:${cfg.ports.minio}/minio/health/live`),
  }
}

export async function opensearchSpec(cfg: StackConfig): Promise<ServiceSpec> {
  const base = await ownedDataDir(cfg.profile, 'opensearch')
  const conf = path.join(base, 'config')
  if (!existsSync(conf)) {
    await cp(path.join(TOOLS.opensearchHome, 'config'), conf, { recursive: true })
    await writeFile(path.join(conf, 'opensearch.yml'), [
      'cluster.name: fanz-local', 'node.name: fanz-local-1', `path.data: ${path.join(base, 'data')}`,
      `path.logs: ${path.join(base, 'logs')}`, 'network.host: 127.0.0.1', 'discovery.type: single-node',
      `http.port: ${cfg.ports.opensearch}`, `transport.port: ${cfg.ports.opensearchTransport}`,
      'action.auto_create_index: true', 'cluster.routing.allocation.disk.threshold_enabled: false', '',
    ].join('\n'))
    for (const d of ['data', 'logs']) await mkdir(path.join(base, d), { recursive: true })
    // The launcher runs from the install folder, which this instance must not write to: make log paths absolute.
    const jvmOptions = await readFile(path.join(conf, 'jvm.options'), 'utf8')
    await writeFile(path.join(conf, 'jvm.options'), jvmOptions.replaceAll('logs/', `${base}/logs/`).replaceAll('=data', `=${base}/data`))
    if (IS_ROOT) await runCommand('opensearch', ['chown', '-R', `${SERVICE_USER}:`, base])
  }
  const heap = cfg.profile === 'test' ? '512m' : '1g'
  return {
    name: 'opensearch', asUser, startTimeoutMs: 120_000,
    ports: [{ port: cfg.ports.opensearch, what: 'OpenSearch HTTP' }, { port: cfg.ports.opensearchTransport, what: 'OpenSearch transport' }],
    command: [path.join(TOOLS.opensearchHome, 'bin', 'opensearch')],
    env: { ...process.env, JAVA_HOME, OPENSEARCH_JAVA_HOME: JAVA_HOME, OPENSEARCH_PATH_CONF: conf,
      OPENSEARCH_JAVA_OPTS: `-Xms${heap} -Xmx${heap}` },
    healthy: () => httpOk(`http://127.0.0.1:${cfg.ports.opensearch}/_cluster/health?wait_for_status=yellow&timeout=1s`),
  }
}
