/** Brings the whole local platform up (or the parts not given by URL) and down again. */
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { loadStackConfig, type StackConfig } from './config.ts'
import { buildFrontends } from './frontends.ts'
import { CACHE_DIR, ROOT, localDir, type Profile } from './paths.ts'
import { provision } from './provision.ts'
import { ensureBuckets, ensureSearchIndexes, migrateAndSeed } from './resources.ts'
import { DEV_CREDENTIALS, ensureDatabase, pruneOrphanedData, minioSpec, opensearchSpec, postgresSpec, postgresUrl, temporalSpec } from './services.ts'
import { Supervisor, type ServiceSpec } from './supervisor.ts'
import { TASK_QUEUES } from '../../workflows/task-queues.ts'
import { sandboxDriverEnv, sandboxPorts, sandboxProcessEnv } from './sandbox-env.ts'
import { ANVIL_PORTS, anvilRpcUrl, anvilSpec, deployChainContracts, fundDemoFans, type CryptoEnv } from './anvil.ts'

export type InfraService = 'postgres' | 'temporal' | 'minio' | 'opensearch'
export type StackOptions = {
  profile: Profile
  apps?: boolean
  browser?: boolean
  /** start from empty data (the test profile does, so every run is independent of the last) */
  fresh?: boolean
  /** infrastructure to start (default: all); benchmarks of one engine start only that one */
  infra?: InfraService[]
  log?: (line: string) => void
}

export type Stack = {
  config: StackConfig
  /** environment handed to workers, API and tests */
  env: AppEnv
  urls: Record<string, string>
  supervisor: Supervisor
  specs: Map<string, ServiceSpec>
  stop: () => Promise<void>
}

const ALL = ['postgres', 'temporal', 'minio', 'opensearch', 'anvil', 'sandboxes', 'mail-sink', 'moderation', 'workers', 'api']

export async function startStack(options: StackOptions): Promise<Stack> {
  const log = options.log ?? ((line: string) => console.log(`[stack] ${line}`))
  const cfg = loadStackConfig(options.profile)
  const apps = options.apps ?? true
  const wanted = new Set<InfraService>(options.infra ?? ['postgres', 'temporal', 'minio', 'opensearch'])
  if (apps && wanted.size < 4) throw new Error('the apps need every infrastructure service')
  const own = { postgres: !cfg.DATABASE_URL && wanted.has('postgres'), temporal: !cfg.TEMPORAL_ADDRESS && wanted.has('temporal'),
    minio: !cfg.S3_ENDPOINT && wanted.has('minio'), opensearch: !cfg.OPENSEARCH_URL && wanted.has('opensearch') }
  const t0 = Date.now()
  log(`provisioning what is missing (cache: ${CACHE_DIR})`)
  await provision({ ...own, browser: options.browser ?? false, testServer: options.profile === 'test' })
  log(`provisioned in ${((Date.now() - t0) / 1000).toFixed(1)} s`)

  const dir = localDir(cfg.profile)
  await mkdir(dir, { recursive: true })
  const supervisor = new Supervisor(path.join(dir, 'logs'), path.join(dir, 'pids'), log)
  await supervisor.reapStale(ALL)
  await pruneOrphanedData(log)
  const specs = new Map<string, ServiceSpec>()
  const order: string[] = []
  const stop = () => supervisor.stopAll(order)
  const launch = async (spec: ServiceSpec) => {
    specs.set(spec.name, spec)
    order.push(spec.name)
    const t = Date.now()
    await supervisor.start(spec)
    log(`${spec.name} healthy in ${((Date.now() - t) / 1000).toFixed(1)} s`)
  }

  try {
    // Infrastructure has no start-up dependencies between its parts: start it all at once.
    const infra: Promise<ServiceSpec>[] = []
    const fresh = options.fresh ?? options.profile === 'test'
    if (fresh && own.temporal) for (const f of ['temporal.db', 'temporal.db-wal', 'temporal.db-shm']) await rm(path.join(dir, f), { force: true })
    if (own.postgres) infra.push(postgresSpec(cfg))
    if (own.temporal) infra.push(Promise.resolve(temporalSpec(cfg)))
    if (own.minio) infra.push(Promise.resolve(minioSpec(cfg)))
    if (own.opensearch) infra.push(opensearchSpec(cfg))
    // the local EVM chain for crypto payments (and later NFT mints); the apps need it, infrastructure-only starts do not
    if (apps) infra.push(anvilSpec({ profile: cfg.profile, fresh }))
    await Promise.all((await Promise.all(infra)).map(launch))
    if (own.postgres) await ensureDatabase(cfg, { recreate: fresh })

    const crypto = apps ? await deployChainContracts(anvilRpcUrl(ANVIL_PORTS[cfg.profile])) : undefined
    const env = appEnv(cfg, crypto)
    await Promise.all([
      wanted.has('minio') ? ensureBuckets(env) : undefined, wanted.has('opensearch') ? ensureSearchIndexes(env) : undefined,
      wanted.has('postgres') ? migrateAndSeed(env) : undefined, apps ? buildFrontends(log) : undefined,
    ])
    if (crypto) await fundDemoFans({ ...crypto, DATABASE_URL: env.DATABASE_URL })
    log('buckets, index templates, migrations and seed in place')

    if (apps) {
      const childEnv = { ...process.env, ...env }
      // Outside providers we cannot reach here answer from local sandboxes speaking their documented wire formats.
      const sp = sandboxPorts(cfg.ports.sandboxes)
      await launch({
        name: 'sandboxes', cwd: ROOT, env: { ...childEnv, ...sandboxProcessEnv(sp, env.PUBLIC_URL) },
        ports: [{ port: sp.ccbill, what: 'CCBill sandbox' }, { port: sp.segpay, what: 'Segpay sandbox' }, { port: sp.epoch, what: 'Epoch sandbox' },
          { port: sp.verotel, what: 'Verotel sandbox' }, { port: sp.kyc, what: 'KYC sandbox' }, { port: sp.paxum, what: 'Paxum sandbox' },
          { port: sp.wise, what: 'Wise sandbox' }, { port: sp.dwolla, what: 'Dwolla (ACH) sandbox' }, { port: sp.wire, what: 'bank (wire) sandbox' }],
        command: [process.execPath, '--import', 'tsx', 'ops/sandboxes/main.ts'],
        healthy: async () => (await fetch(`http://127.0.0.1:${sp.kyc}/sandbox/sessions`)).ok,
      })
      // the local SMTP sink: every mail the platform sends lands here, readable in the back office
      await launch({
        name: 'mail-sink', cwd: ROOT, env: { ...childEnv, MAIL_SINK_SMTP_PORT: String(sp.smtp), MAIL_SINK_HTTP_PORT: String(sp.mailHttp) },
        ports: [{ port: sp.smtp, what: 'mail sink (SMTP)' }, { port: sp.mailHttp, what: 'mail sink (HTTP)' }],
        command: [process.execPath, '--import', 'tsx', 'ops/sandboxes/mail-sink/main.ts'],
        healthy: async () => (await fetch(`http://127.0.0.1:${sp.mailHttp}/messages`)).ok,
      })
      // the platform's own moderation endpoint loads its image model (~7 s) while the workers start: nothing waits on it before the first upload
      await Promise.all([
        launch({
          name: 'moderation', cwd: ROOT, env: { ...childEnv, MODERATION_PORT: String(sp.moderation) }, startTimeoutMs: 90_000,
          ports: [{ port: sp.moderation, what: 'moderation endpoint (OpenAI-compatible)' }],
          command: [process.execPath, '--import', 'tsx', 'api/moderation/main.ts'],
          healthy: async () => (await fetch(`http://127.0.0.1:${sp.moderation}/healthz`)).ok,
        }),
        launch({
          name: 'workers', ports: [], cwd: ROOT, env: { ...childEnv, TASK_QUEUES: Object.values(TASK_QUEUES).join(',') }, startTimeoutMs: 90_000,
          command: [process.execPath, '--import', 'tsx', 'workers/main.ts'],
          healthy: () => workersPolling(env),
        }),
      ])
      await launch({
        name: 'api', ports: [{ port: cfg.ports.api, what: 'API' }], cwd: ROOT, env: childEnv,
        command: [process.execPath, '--import', 'tsx', 'api/main.ts'],
        healthy: async () => (await fetch(`${env.PUBLIC_URL}/readyz`)).ok,
      })
    }
    return { config: cfg, env, urls: urls(cfg, env), supervisor, specs, stop }
  } catch (err) {
    await stop()
    throw err
  }
}

/** Every variable the apps need, pointing at the started or the given services. */
function appEnv(cfg: StackConfig, crypto?: CryptoEnv) {
  return {
    DATABASE_URL: cfg.DATABASE_URL ?? postgresUrl(cfg),
    TEMPORAL_ADDRESS: cfg.TEMPORAL_ADDRESS ?? `127.0.0.1:${cfg.ports.temporal}`,
    TEMPORAL_NAMESPACE: cfg.TEMPORAL_NAMESPACE,
    TEMPORAL_UI_URL: cfg.TEMPORAL_UI_URL ?? `http://localhost:${cfg.ports.temporalUi}`,
    S3_ENDPOINT: cfg.S3_ENDPOINT ?? `http://127.0.0.1:${cfg.ports.minio}`,
    S3_ACCESS_KEY: cfg.S3_ACCESS_KEY ?? DEV_CREDENTIALS.s3User,
    S3_SECRET_KEY: cfg.S3_SECRET_KEY ?? DEV_CREDENTIALS.s3Secret,
    OPENSEARCH_URL: cfg.OPENSEARCH_URL ?? `http://127.0.0.1:${cfg.ports.opensearch}`,
    API_PORT: String(cfg.ports.api),
    PUBLIC_URL: `http://localhost:${cfg.ports.api}`,
    LOG_LEVEL: cfg.LOG_LEVEL as string,
    // a test stack's payout runs start only when a test asks for one
    PAYOUT_SCHEDULES_PAUSED: cfg.profile === 'test' ? 'true' : 'false',
    // tests withdraw collectibles they just bought; the dev stack keeps the chargeback-window hold
    COLLECTIBLE_WITHDRAWAL_HOLD_DAYS: cfg.profile === 'test' ? '0' : '30',
    ...sandboxDriverEnv(sandboxPorts(cfg.ports.sandboxes)),
    ...crypto,
  }
}
export type AppEnv = ReturnType<typeof appEnv>

function urls(cfg: StackConfig, env: AppEnv): Record<string, string> {
  return {
    'Storefronts': `${env.PUBLIC_URL}/  (per brand: ${env.PUBLIC_URL}/boyfanz, or http://boyfanz.localhost:${cfg.ports.api}/)`,
    'Back office': `${env.PUBLIC_URL}/admin  (admin@fanz.demo / FanzDemo!2026)`,
    'API docs': `${env.PUBLIC_URL}/docs  (OpenAPI: ${env.PUBLIC_URL}/openapi.json)`,
    'Temporal Web UI': env.TEMPORAL_UI_URL,
    'PostgreSQL': env.DATABASE_URL,
    'MinIO (S3 API)': env.S3_ENDPOINT,
    ...(cfg.S3_ENDPOINT ? {} : { 'MinIO console': `http://localhost:${cfg.ports.minioConsole}` }),
    'OpenSearch': env.OPENSEARCH_URL,
    'Processor sandboxes': `${env.CCBILL_API_URL}/sandbox/transactions (CCBill), ${env.SEGPAY_SRS_URL}/sandbox/transactions (Segpay), ${env.EPOCH_API_URL}/sandbox/transactions (Epoch), ${env.VEROTEL_FLEXPAY_URL}/sandbox/transactions (Verotel)`,
    ...(env.CRYPTO_RPC_URL ? { 'Local chain (anvil)': `${env.CRYPTO_RPC_URL}  (FanzUSD ${env.CRYPTO_TOKEN_ADDRESS})` } : {}),
    'Payout rail sandboxes': `${env.PAXUM_API_URL}/sandbox/payouts (Paxum), ${env.WISE_API_URL}/sandbox/payouts (Wise), ${env.DWOLLA_API_URL}/sandbox/payouts (Dwolla ACH), ${env.WIRE_API_URL}/sandbox/payouts (bank wire)`,
    'KYC sandbox (Veriff-style)': `${env.VERIFF_API_URL}/sandbox/sessions`,
    'Mail sink': `${env.PUBLIC_URL}/admin/#/mail-messages  (raw: ${env.MAIL_SINK_URL}/messages)`,
    'Moderation endpoint': `${env.MODERATION_URL}/moderations  (OpenAI-compatible, local models)`,
  }
}

/** Workers are up when every task queue has a poller the server saw in the last few seconds. */
async function workersPolling(env: AppEnv): Promise<boolean> {
  const { Connection } = await import('@temporalio/client')
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS })
  try {
    for (const name of Object.values(TASK_QUEUES)) {
      const res = await connection.workflowService.describeTaskQueue({
        namespace: env.TEMPORAL_NAMESPACE, taskQueue: { name }, taskQueueType: 2, // activity pollers
      })
      const fresh = (res.pollers ?? []).some((p) => Date.now() - Number(p.lastAccessTime?.seconds ?? 0) * 1000 < 5000)
      if (!fresh) return false
    }
    return true
  } finally {
    await connection.close()
  }
}
