/** Builds the Express app from injected clients, so tests can build it around anything they choose. */
import { randomUUID } from 'node:crypto'
import express from 'express'
import { pinoHttp } from 'pino-http'
import type { Logger } from 'pino'
import type { Client } from '@temporalio/client'
import type { Db } from '../prisma/client.ts'
import type { SearchClient } from '../activities/search/client.ts'
import type { StorageClient } from '../activities/storage/client.ts'
import { createAuthRouter, sessionMiddleware } from './auth.ts'
import { errorMiddleware, routeNotFound } from './errors.ts'
import { openApiDocument } from './openapi.ts'
import { createHealthRouter } from './routes/health.ts'
import { createPlatformCheckRouter } from './routes/platform-checks.ts'
import { createPurchaseRouter } from './routes/purchases.ts'
import { createSubscriptionRouter } from './routes/subscriptions.ts'
import { createWebhookRouter } from './routes/webhooks.ts'
import { createFinanceRouter } from './routes/finance.ts'
import { createChargebackCaseRouter } from './routes/chargebacks.ts'
import { createFinanceRulesRouter } from './routes/finance-rules.ts'
import { createFinanceSeriesRouter } from './routes/finance-series.ts'
import type pg from 'pg'
import type { ProcessorDriver } from '../activities/payments/driver.ts'
import { createReadModelRouter } from './routes/read-models.ts'
import { createWorkflowRouter } from './routes/workflows.ts'
import { createStaticRouter } from './static.ts'
import type { KycProvider } from '../activities/kyc/provider.ts'
import type { MailSender, PiiCipher } from '../activities/identity/deps.ts'
import { createAccountSecurityRouter } from './routes/account-security.ts'
import { createOnboardingRouter } from './routes/creator-onboarding.ts'
import { createKycCaseRouter } from './routes/kyc-cases.ts'
import { createKycWebhookRouter } from './routes/kyc-webhooks.ts'
import { createMailSinkRouter } from './routes/mail-sink.ts'
import { createPerformerRecordRouter } from './routes/performer-records.ts'
import { createSignupRouter } from './routes/signup.ts'
import { createMediaUploadRouter } from './routes/media-uploads.ts'
import { createMediaRouter } from './routes/media.ts'
import { createMediaReviewRouter } from './routes/media-reviews.ts'
import { createMediaAdminRouter } from './routes/media-admin.ts'
import { createMediaPlaybackRouter, staffPreviewUrl } from './routes/media-playback.ts'
import { createMediaSearchRouter } from './routes/media-search.ts'
import type { PayoutRail, PayoutRailName } from '../activities/payouts/rail.ts'
import { createCollectibleRouter } from './routes/collectibles.ts'
import { createPayoutAdminRouter } from './routes/payouts-admin.ts'
import { createCreatorPayoutRouter } from './routes/payouts-creator.ts'
import { createPayoutWebhookRouter } from './routes/payout-webhooks.ts'
import { createPrivacyRouter } from './routes/privacy.ts'
import type { ReceiptSigner } from '../activities/privacy/receipt-signing.ts'
import type { PayloadCodec } from '@temporalio/common'
import { createTemporalCodecRouter } from './routes/temporal-codec.ts'
import { codecAuthorizer, createCodecSessionRouter } from './routes/temporal-codec-session.ts'

/** How long a moderator's preview link plays: a review session, not a shareable link. */
const PREVIEW_LINK_SECONDS = 1800

export type AppDeps = {
  db: Db; temporal: Client; storage: StorageClient; search: SearchClient; log: Logger
  drivers: Partial<Record<string, ProcessorDriver>>
  /** payout rails this deployment is configured for: the webhook routes verify with them, the studio offers them */
  payoutRails: Partial<Record<PayoutRailName, PayoutRail>>
  pool: pg.Pool
  pii: PiiCipher; kyc: KycProvider | null; sendMail: MailSender
  /** signs data-subject-request receipts (the API publishes its public key) */
  receiptSigner: ReceiptSigner
  /** opens sealed workflow payloads for the Temporal Web UI (erased people's as a placeholder) */
  temporalCodec: PayloadCodec
  config: { TEMPORAL_UI_URL: string; TEMPORAL_NAMESPACE: string; SESSION_TTL_MINUTES: number; REFRESH_TTL_DAYS: number; STATIC_DIR: string;
    PUBLIC_URL: string; MAIL_SINK_URL?: string | undefined; MEDIA_MAX_BYTES: number; MEDIA_REVIEW_SLA_HOURS: number; MEDIA_APPEAL_WINDOW_DAYS: number; PLAYBACK_SIGNING_KEYS: string[]
    COLLECTIBLE_WITHDRAWAL_HOLD_DAYS: number }
  version: string
}

export function createApp(deps: AppDeps): express.Express {
  const { db, temporal, config } = deps
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  app.use(pinoHttp({
    logger: deps.log,
    genReqId: (req, res) => {
      const given = req.headers['x-request-id']
      const id = typeof given === 'string' && /^[\w-]{1,128}$/.test(given) ? given : randomUUID()
      res.setHeader('X-Request-Id', id)
      return id
    },
    autoLogging: { ignore: (req) => req.url === '/healthz' },
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  }))
  // before the JSON parser: signatures are checked over the raw body
  app.use(createWebhookRouter({ db, temporal, drivers: deps.drivers, pii: deps.pii }))
  app.use(createKycWebhookRouter({ db, temporal, pii: deps.pii, provider: deps.kyc }))
  app.use(createPayoutWebhookRouter({ db, temporal, rails: deps.payoutRails }))
  // the Web UI's codec server: its own body limit and CORS, before the app-wide JSON parser
  app.use('/api', createTemporalCodecRouter({ codec: deps.temporalCodec, authorize: codecAuthorizer(db), uiOrigin: new URL(config.TEMPORAL_UI_URL).origin }))
  app.use(express.json({ limit: '1mb' }))
  app.use(sessionMiddleware(db))

  app.use(createHealthRouter({ db, temporal, storage: deps.storage, search: deps.search }))
  app.get('/openapi.json', (_req, res) => { res.json(openApiDocument(deps.version)) })

  const api = express.Router()
  api.get('/meta', (_req, res) => {
    res.json({ temporalUiUrl: config.TEMPORAL_UI_URL, namespace: config.TEMPORAL_NAMESPACE, apiVersion: deps.version })
  })
  api.use('/auth', createAuthRouter({ db, pii: deps.pii, ttl: { sessionTtlMinutes: config.SESSION_TTL_MINUTES, refreshTtlDays: config.REFRESH_TTL_DAYS } }))
  api.use(createSignupRouter({ db, temporal }))
  api.use(createAccountSecurityRouter({ db, pii: deps.pii, sendMail: deps.sendMail, publicUrl: config.PUBLIC_URL }))
  api.use(createOnboardingRouter({ db, temporal, pii: deps.pii }))
  api.use(createKycCaseRouter({ db, temporal, pii: deps.pii, provider: deps.kyc }))
  api.use(createPerformerRecordRouter({ db, pii: deps.pii, storage: deps.storage }))
  api.use(createMailSinkRouter({ sinkUrl: config.MAIL_SINK_URL }))
  api.use('/platform-checks', createPlatformCheckRouter({ db, temporal }))
  api.use('/workflows', createWorkflowRouter({ temporal }))
  api.use(createReadModelRouter({ db }))
  api.use(createFinanceRouter({ db, pool: deps.pool }))
  api.use(createChargebackCaseRouter({ db, storage: deps.storage }))
  api.use(createFinanceRulesRouter({ db }))
  api.use(createFinanceSeriesRouter({ pool: deps.pool }))
  api.use(createPurchaseRouter({ db, temporal, drivers: deps.drivers, pii: deps.pii }))
  api.use(createPayoutAdminRouter({ db, temporal }))
  api.use(createCollectibleRouter({ db, temporal, storage: deps.storage, drivers: deps.drivers, pii: deps.pii, withdrawalHoldDays: config.COLLECTIBLE_WITHDRAWAL_HOLD_DAYS }))
  api.use(createCreatorPayoutRouter({ db, pool: deps.pool, temporal, pii: deps.pii, configuredRails: Object.keys(deps.payoutRails) }))
  api.use(createCodecSessionRouter())
  api.use(createPrivacyRouter({ db, pool: deps.pool, temporal, storage: deps.storage, pii: deps.pii, sendMail: deps.sendMail, signer: deps.receiptSigner,
    publicUrl: config.PUBLIC_URL }))
  api.use(createSubscriptionRouter({ db, temporal, drivers: deps.drivers, pii: deps.pii }))
  api.use(createMediaUploadRouter({ db, temporal, storage: deps.storage, pii: deps.pii, policy: { maxBytes: config.MEDIA_MAX_BYTES,
    reviewSlaHours: config.MEDIA_REVIEW_SLA_HOURS, appealWindowDays: config.MEDIA_APPEAL_WINDOW_DAYS } }))
  // playback before the item routes: /media/:id/playback and /media/:id/hls/... are more specific than /media/:id
  api.use(createMediaPlaybackRouter({ db, storage: deps.storage, signingKeys: config.PLAYBACK_SIGNING_KEYS }))
  api.use(createMediaSearchRouter({ search: deps.search, storage: deps.storage }))
  api.use(createMediaAdminRouter({ db, temporal, appealWindowDays: config.MEDIA_APPEAL_WINDOW_DAYS }))
  api.use(createMediaRouter({ db, temporal, storage: deps.storage, pii: deps.pii }))
  api.use(createMediaReviewRouter({ db, temporal, storage: deps.storage,
    previewUrl: (mediaId, personId) => staffPreviewUrl(mediaId, personId, config.PLAYBACK_SIGNING_KEYS, PREVIEW_LINK_SECONDS) }))
  api.use(routeNotFound)
  app.use('/api', api)

  app.use(createStaticRouter(config.STATIC_DIR))
  app.use(errorMiddleware)
  return app
}
