/** One interface for every age/ID verification (KYC) provider: hosted session, decision, media, signed webhooks. */
import type { InboundNotification } from '../payments/driver.ts'

// webhooks are rejected with the same coded error as processor notifications, so one route error mapping serves both
export { NOTIFICATION_ERRORS, NotificationRejected, type InboundNotification } from '../payments/driver.ts'

/** The KYC providers we have drivers for. */
export const KYC_PROVIDERS = { veriff: 'veriff' } as const
export type KycProviderName = (typeof KYC_PROVIDERS)[keyof typeof KYC_PROVIDERS]

/** The provider's verdict on a session; `approved` alone says nothing about age, which the platform decides. */
export const KYC_STATUSES = {
  approved: 'approved',
  declined: 'declined',
  resubmissionRequested: 'resubmission_requested',
  review: 'review',
  expired: 'expired',
  abandoned: 'abandoned',
} as const
export type KycStatus = (typeof KYC_STATUSES)[keyof typeof KYC_STATUSES]

/** Why a session was not approved, in our words; drivers map each provider's reason codes onto these. */
export const KYC_REASONS = {
  documentFraud: 'DOCUMENT_FRAUD',
  faceMismatch: 'FACE_MISMATCH',
  suspiciousBehaviour: 'SUSPICIOUS_BEHAVIOUR',
  duplicateIdentity: 'DUPLICATE_IDENTITY',
  restrictedLocation: 'RESTRICTED_LOCATION',
  poorCapture: 'POOR_CAPTURE',
  documentExpired: 'DOCUMENT_EXPIRED',
  documentNotSupported: 'DOCUMENT_NOT_SUPPORTED',
  other: 'OTHER',
} as const
export type KycReason = (typeof KYC_REASONS)[keyof typeof KYC_REASONS]

/** Whether the selfie came from a live person in front of the camera, as far as the provider reports it. */
export const LIVENESS_RESULTS = { passed: 'passed', failed: 'failed', inconclusive: 'inconclusive', notReported: 'not_reported' } as const
export type LivenessResult = (typeof LIVENESS_RESULTS)[keyof typeof LIVENESS_RESULTS]

/** What we ask the provider for: a hosted verification session for one person and one case. */
export type CreateSessionRequest = {
  /** forwarded to the provider so a retried activity never opens a second session */
  idempotencyKey: string
  /** our person id; sent as the provider's end-user id where it has the right shape */
  personId: string
  /** our case id, echoed back in every webhook so it finds its workflow; never personal data */
  vendorData: string
  /** where the provider's hosted flow sends the person when done */
  callbackUrl: string
  /** what the person told us; the provider compares it with the document */
  person: { firstName: string; lastName: string; dateOfBirth?: string }
}

/** The session the person is sent to; it expires unfinished at `expiresAt`. */
export type KycSession = { sessionId: string; hostedUrl: string; expiresAt: string }

/** What the document says, as the provider read it; dates are YYYY-MM-DD. */
export type VerifiedPerson = {
  firstName: string | null
  lastName: string | null
  dateOfBirth: string | null
  document: { type: string | null; number: string | null; issuingCountry: string | null; validUntil: string | null }
}

/** A session's decision, from a webhook or from polling. */
export type KycDecision = {
  sessionId: string
  /** our case id, as sent at session creation */
  vendorData: string | null
  status: KycStatus
  /** the provider's own reason code and text, kept for the audit trail */
  providerReasonCode: string | null
  reason: string | null
  /** our reason category; null when approved or when the provider gave no reason */
  reasonCode: KycReason | null
  decidedAt: string
  /** present when the provider extracted data from the document (always on approval) */
  person: VerifiedPerson | null
  liveness: LivenessResult
  riskLabels: string[]
}

/** A verified decision webhook: deduped by (provider, eventId). */
export type KycEvent = KycDecision & { provider: KycProviderName; eventId: string }

/** What a captured image or video shows. */
export const MEDIA_KINDS = {
  documentFront: 'document_front', documentBack: 'document_back', face: 'face', video: 'video', other: 'other',
} as const
export type MediaKind = (typeof MEDIA_KINDS)[keyof typeof MEDIA_KINDS]

/** One capture of a session's latest attempt, as metadata. */
export type KycMedia = {
  mediaId: string; kind: MediaKind; providerContext: string; contentType: string; sizeBytes: number | null; capturedAt: string | null
}
/** A capture's bytes, for evidence storage. */
export type MediaFile = { bytes: Uint8Array; contentType: string }

/** What every KYC provider implements. Transport failures throw retryable errors; permanent ones ApplicationFailure. */
export interface KycProvider {
  readonly name: KycProviderName
  createSession(request: CreateSessionRequest): Promise<KycSession>
  /** null while the provider has not decided yet */
  getDecision(sessionId: string): Promise<KycDecision | null>
  listMedia(sessionId: string): Promise<KycMedia[]>
  downloadMedia(mediaId: string): Promise<MediaFile>
  /** verifies authenticity and freshness, then parses; throws NotificationRejected */
  parseWebhook(notification: InboundNotification): KycEvent
  /** the answer the provider expects on success; anything else makes it redeliver */
  webhookAck(): { status: number; contentType: string; body: string }
}
