/** Worker process: serves the task queues named in TASK_QUEUES (all three locally; one per deployment in production). */
import { Client, Connection } from '@temporalio/client'
import { NativeConnection, Worker, bundleWorkflowCode, Runtime, makeTelemetryFilterString } from '@temporalio/worker'
import { createRequire } from 'node:module'
import pino from 'pino'
import { ConfigError } from '../domain/env.ts'
import { createDb } from '../prisma/client.ts'
import { createSearchClient } from '../activities/search/client.ts'
import { createStorageClient } from '../activities/storage/client.ts'
import { createPlatformActivities } from '../activities/platform/index.ts'
import { createLedgerActivities } from '../activities/ledger/index.ts'
import { createDrivers } from '../activities/payments/drivers.ts'
import { createPurchaseActivities } from '../activities/purchases/index.ts'
import { createChargebackActivities } from '../activities/chargebacks/index.ts'
import { createRefundActivities } from '../activities/refunds/index.ts'
import { createIdentityServices } from '../activities/identity/config.ts'
import { createIdentityActivities } from '../activities/identity/index.ts'
import { createSubscriptionActivities } from '../activities/subscriptions/index.ts'
import { createMediaProcessingActivities } from '../activities/media/processing.ts'
import { createMediaRecordActivities } from '../activities/media/records.ts'
import { createMediaPublishingActivities } from '../activities/media/publishing.ts'
import { createMediaUploadActivities } from '../activities/media/uploads.ts'
import { createModerationActivities } from '../activities/moderation/index.ts'
import { createPayoutActivities } from '../activities/payouts/index.ts'
import { createPayoutRails } from '../activities/payouts/rails/index.ts'
import { collectibleActivitiesFromEnv } from '../activities/collectibles/env.ts'
import { createPrivacyActivities } from '../activities/privacy/index.ts'
import { createArchiveExpiryActivities } from '../activities/privacy/archive-expiry.ts'
import { createReceiptSigner } from '../activities/privacy/receipt-signing.ts'
import { createPersonKeyStore } from '../activities/identity/person-key-store.ts'
import { temporalDataConverter } from '../activities/pii/temporal-data-converter.ts'
import { createCachingKeyStore } from '../activities/pii/caching-key-store.ts'
import { mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { loadWorkerConfig } from './config.ts'
import { temporalConnectionOptions } from './temporal-connection.ts'

const log = pino({ name: 'workers' })
let config
try {
  config = loadWorkerConfig()
} catch (err) {
  if (err instanceof ConfigError) { log.fatal(err.message); process.exit(78) }
  throw err
}
log.level = config.LOG_LEVEL
Runtime.install({ telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} } } })

const db = createDb(config.DATABASE_URL)
const storage = createStorageClient({ endpoint: config.S3_ENDPOINT, accessKey: config.S3_ACCESS_KEY, secretKey: config.S3_SECRET_KEY, region: config.S3_REGION })
const search = createSearchClient(config.OPENSEARCH_URL)
const ffmpeg = { ffmpegPath: config.FFMPEG_PATH, ffprobePath: config.FFPROBE_PATH }
const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 10 })
// an idle connection dropped by the server (restart, failover) is replaced on next use; it must not crash the process
pool.on('error', (err) => log.warn({ err }, 'idle PostgreSQL connection lost'))
const drivers = createDrivers(config)
const identity = createIdentityServices(config, db)
const payoutRails = createPayoutRails(config)
const collectibles = collectibleActivitiesFromEnv(config, { db, storage, search, pii: identity.pii, publicUrl: config.PUBLIC_URL,
  chargebackWindowDays: config.CHARGEBACK_WINDOW_DAYS })
if (!collectibles) log.warn('collectibles not configured (COLLECTIBLES_CONTRACT_ADDRESS, COLLECTIBLES_MINTER_PRIVATE_KEY): their workflows will wait for a worker that has them')
log.info({ processors: Object.keys(drivers), payoutRails: Object.keys(payoutRails) }, 'payment processors and payout rails configured')
// scratch space for sources and transcodes; whole sources are cached here per worker, so it needs room
const mediaWorkDir = config.MEDIA_WORK_DIR || path.join(tmpdir(), 'fanz-media')
await mkdir(mediaWorkDir, { recursive: true })

/** The media pipeline's activities: transcodes and moderation, its read model, publishing and mail. */
const mediaActivities = () => ({
  ...createMediaProcessingActivities({ storage, ffmpeg, workDir: mediaWorkDir }),
  ...createModerationActivities({ db, storage, ffmpeg, workDir: mediaWorkDir,
    moderation: { baseURL: config.MODERATION_URL, apiKey: config.MODERATION_API_KEY, model: config.MODERATION_MODEL } }),
  ...createMediaRecordActivities({ db, destroyKey: (id) => keyStore.destroy(id) }),
  ...createMediaUploadActivities({ db, storage, destroyKey: (id) => keyStore.destroy(id) }),
  ...createMediaPublishingActivities({ db, search, pii: identity.pii, sendMail: identity.sendMail, publicUrl: config.PUBLIC_URL,
    adminUrl: `${config.PUBLIC_URL}/admin`, complianceEmail: config.COMPLIANCE_EMAIL, destroyKey: (id) => keyStore.destroy(id) }),
})

// data subject requests read workflow results of the person (access) and cancel their subscriptions (erasure)
// every payload that names a person is sealed with their key: destroying it (erasure) shreds them in every history
// one cached key store for the codec and the erasure's key destruction: a destroyed key is forgotten here at once
const keyStore = createCachingKeyStore(createPersonKeyStore(db))
const dataConverter = temporalDataConverter(config, db, keyStore)
const temporalClient = new Client({ connection: await Connection.connect(temporalConnectionOptions(config)), namespace: config.TEMPORAL_NAMESPACE, dataConverter })
const privacyActivities = () => createPrivacyActivities({ db, pool, storage, search, pii: identity.pii, sendMail: identity.sendMail, temporal: temporalClient,
  destroyKey: (id) => keyStore.destroy(id), signer: createReceiptSigner(config.PRIVACY_RECEIPT_KEY), publicUrl: config.PUBLIC_URL,
  adminUrl: `${config.PUBLIC_URL}/admin`, complianceEmail: config.COMPLIANCE_EMAIL, downloadDays: config.DSR_DOWNLOAD_DAYS })

/** Activities per task queue: money moves only on the finance queue; identity work runs on core. */
const activitiesFor = (taskQueue: string) => ({
  ...createPlatformActivities({ db, storage, search, ffmpeg, taskQueue }),
  ...(taskQueue === 'core' ? createIdentityActivities({ db, storage, ...identity, publicUrl: config.PUBLIC_URL, complianceEmail: config.COMPLIANCE_EMAIL,
    recordsRetentionYears: config.RECORDS_RETENTION_YEARS }) : {}),
  ...(taskQueue === 'core' ? privacyActivities() : {}),
  ...(taskQueue === 'core' ? createArchiveExpiryActivities({ db, storage }) : {}),
  ...(taskQueue === 'finance' ? { ...createLedgerActivities({ pool }), ...createPurchaseActivities({ db, drivers, chargebackWindowDays: config.CHARGEBACK_WINDOW_DAYS }),
    ...createChargebackActivities({ db, storage }), ...createRefundActivities({ db }),
    ...createSubscriptionActivities({ db, sendMail: identity.sendMail, drivers, chargebackWindowDays: config.CHARGEBACK_WINDOW_DAYS, publicUrl: config.PUBLIC_URL }),
    ...createPayoutActivities({ db, pool, pii: identity.pii, rails: payoutRails, sendMail: identity.sendMail, publicUrl: config.PUBLIC_URL, financeEmail: config.FINANCE_EMAIL }), ...collectibles } : {}),
  ...(taskQueue === 'media' ? mediaActivities() : {}),
})

const connection = await NativeConnection.connect(temporalConnectionOptions(config))
const workflowBundle = await bundleWorkflowCode({
  workflowsPath: createRequire(import.meta.url).resolve('../workflows/index.ts'),
})

const workers = await Promise.all(config.TASK_QUEUES.map((taskQueue) => Worker.create({
  connection, namespace: config.TEMPORAL_NAMESPACE, taskQueue, workflowBundle, dataConverter,
  shutdownGraceTime: '30s', // let running activities (transcodes, charges) finish on a rollout
  activities: activitiesFor(taskQueue),
  // ffmpeg uses every core it gets: a few transcodes at a time per worker, more workers for more throughput
  ...(taskQueue === 'media' ? { maxConcurrentActivityTaskExecutions: config.MEDIA_CONCURRENT_ACTIVITIES } : {}),
})))

log.info({ taskQueues: config.TASK_QUEUES }, 'workers running')
const shutdown = () => workers.forEach((w) => w.shutdown())
process.once('SIGTERM', shutdown)
process.once('SIGINT', shutdown)
await Promise.all(workers.map((w) => w.run()))
await db.$disconnect()
await pool.end()
await connection.close()
await temporalClient.connection.close()
log.info('workers stopped')
