/** The Veriff driver: hosted verification sessions, decisions and media over the Public API, signed decision webhooks. */
import { ApplicationFailure } from '@temporalio/common'
import { z } from 'zod'
import { KYC_PROVIDERS, type KycMedia, type KycProvider } from '../provider.ts'
import { KYC_FAILURES, createVeriffApiClient, type CreateSessionBody } from './api-client.ts'
import { mediaKindFor } from './codes.ts'
import { firstIssue, toDecision, verificationSchema } from './decision.ts'
import { createWebhookParser } from './webhooks.ts'

/** One Veriff integration: its base URL, API key and shared secret, and how old a decision webhook may be. */
export type VeriffDriverConfig = {
  /** https://stationapi.veriff.com (or the integration's own base URL), or the local sandbox; without /v1 */
  apiBaseUrl: string
  /** the integration's API key, sent as X-AUTH-CLIENT */
  apiKey: string
  /** the integration's shared secret key (secret): signs requests, verifies answers and webhooks */
  sharedSecret: string
  /** default 8 days: Veriff redelivers a webhook for up to a week */
  maxDecisionAgeMs?: number
  /** default 5 min */
  maxClockSkewMs?: number
  fetch?: typeof fetch
  now?: () => number
}

const DAY_MS = 24 * 60 * 60 * 1000
// Veriff expires an unfinished session 7 days after creation and does not say so in the answer
const SESSION_LIFETIME_MS = 7 * DAY_MS
// endUserId must be a UUID; other person ids stay with us (vendorData already routes the webhook)
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i

const createdSchema = z.object({ verification: z.object({ id: z.string().min(1), url: z.url() }) })
const decisionSchema = z.object({ verification: verificationSchema.nullable() })
const mediaItem = z.object({ id: z.string().min(1), context: z.string().default(''), mimetype: z.string().nullish(),
  size: z.number().int().nullish(), timestamp: z.string().nullish() })
const mediaSchema = z.object({ images: z.array(mediaItem).default([]), videos: z.array(mediaItem).default([]) })

function validAnswer<S extends z.ZodType>(schema: S, answer: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(answer)
  if (parsed.success) return parsed.data
  throw ApplicationFailure.nonRetryable(`Veriff's answer for ${what} is not as documented (${firstIssue(parsed.error)})`, KYC_FAILURES.badAnswer)
}

function toMedia(item: z.output<typeof mediaItem>, isVideo: boolean): KycMedia {
  return {
    mediaId: item.id, kind: mediaKindFor(item.context, isVideo), providerContext: item.context,
    contentType: item.mimetype ?? (isVideo ? 'video/webm' : 'image/jpeg'), sizeBytes: item.size ?? null, capturedAt: item.timestamp ?? null,
  }
}

/** A KycProvider for Veriff; holds no state beyond its configuration. */
export function createVeriffDriver(config: VeriffDriverConfig): KycProvider {
  const now = config.now ?? Date.now
  const api = createVeriffApiClient({
    apiBaseUrl: config.apiBaseUrl, apiKey: config.apiKey, sharedSecret: config.sharedSecret, fetch: config.fetch ?? globalThis.fetch,
  })
  const parseWebhook = createWebhookParser({
    apiKey: config.apiKey, sharedSecret: config.sharedSecret,
    maxDecisionAgeMs: config.maxDecisionAgeMs ?? 8 * DAY_MS, maxClockSkewMs: config.maxClockSkewMs ?? 5 * 60_000,
  })
  return {
    name: KYC_PROVIDERS.veriff,
    async createSession(request) {
      const { firstName, lastName, dateOfBirth } = request.person
      const body: CreateSessionBody = { verification: {
        callback: request.callbackUrl, vendorData: request.vendorData,
        person: { firstName, lastName, ...(dateOfBirth ? { dateOfBirth } : {}) },
        ...(UUID.test(request.personId) ? { endUserId: request.personId } : {}),
      } }
      const { verification } = validAnswer(createdSchema, await api.createSession(body, request.idempotencyKey), 'session creation')
      // counted from this answer, so a replayed session looks slightly younger than it is: seconds on a 7-day lifetime
      return { sessionId: verification.id, hostedUrl: verification.url, expiresAt: new Date(now() + SESSION_LIFETIME_MS).toISOString() }
    },
    async getDecision(sessionId) {
      const { verification } = validAnswer(decisionSchema, await api.getDecision(sessionId), `decision of ${sessionId}`)
      return verification ? toDecision(verification) : null
    },
    async listMedia(sessionId) {
      const media = validAnswer(mediaSchema, await api.listMedia(sessionId), `media of ${sessionId}`)
      return [...media.images.map((m) => toMedia(m, false)), ...media.videos.map((m) => toMedia(m, true))]
    },
    downloadMedia: (mediaId) => api.downloadMedia(mediaId),
    parseWebhook,
    // Veriff counts any 200 as delivered and retries everything else
    webhookAck: () => ({ status: 200, contentType: 'text/plain', body: 'OK' }),
  }
}
