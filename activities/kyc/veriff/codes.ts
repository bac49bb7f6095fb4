/** Veriff's documented codes (decision statuses, reason codes, media contexts) mapped onto ours. */
import {
  KYC_REASONS, KYC_STATUSES, LIVENESS_RESULTS, MEDIA_KINDS, type KycReason, type KycStatus, type LivenessResult, type MediaKind,
} from '../provider.ts'

/** verification.code for each decision status; expired and abandoned share 9104 and differ only by status. */
export const DECISION_CODES: Record<KycStatus, number> = {
  [KYC_STATUSES.approved]: 9001,
  [KYC_STATUSES.declined]: 9102,
  [KYC_STATUSES.resubmissionRequested]: 9103,
  [KYC_STATUSES.expired]: 9104,
  [KYC_STATUSES.abandoned]: 9104,
  [KYC_STATUSES.review]: 9121,
}

// 1xx: declined, 2xx: resubmission requested (Veriff's decision code and granular reason code tables)
const REASONS: Record<number, KycReason> = {
  101: KYC_REASONS.documentFraud, // physical document not used
  102: KYC_REASONS.documentFraud, // suspected document tampering
  103: KYC_REASONS.faceMismatch, // person does not match document photo
  104: KYC_REASONS.faceMismatch, // name entered does not match document
  105: KYC_REASONS.suspiciousBehaviour,
  106: KYC_REASONS.documentFraud, // known fraud
  107: KYC_REASONS.duplicateIdentity, // velocity/abuse
  108: KYC_REASONS.duplicateIdentity,
  109: KYC_REASONS.duplicateIdentity,
  110: KYC_REASONS.duplicateIdentity,
  111: KYC_REASONS.suspiciousBehaviour, // session fraudulently accessed
  112: KYC_REASONS.restrictedLocation,
  113: KYC_REASONS.suspiciousBehaviour, // identity farming
  120: KYC_REASONS.faceMismatch,
  124: KYC_REASONS.duplicateIdentity, // face already in the collection
  127: KYC_REASONS.documentFraud, // face on a blocklist
  201: KYC_REASONS.poorCapture, // video and/or photos missing
  202: KYC_REASONS.poorCapture,
  203: KYC_REASONS.poorCapture,
  204: KYC_REASONS.poorCapture,
  205: KYC_REASONS.poorCapture, // document damaged
  206: KYC_REASONS.documentNotSupported,
  207: KYC_REASONS.documentExpired,
  208: KYC_REASONS.poorCapture, // selfie missing
  209: KYC_REASONS.poorCapture,
}

/** Our reason for a Veriff reason code; a code we have not mapped still counts as a reason (OTHER). */
export function reasonFor(status: KycStatus, reasonCode: number | null): KycReason | null {
  if (status === KYC_STATUSES.approved || reasonCode === null) return null
  return REASONS[reasonCode] ?? KYC_REASONS.other
}

/** Media `context` labels: `-pre` is the first of two captures of the same thing. */
export function mediaKindFor(context: string, isVideo: boolean): MediaKind {
  if (isVideo) return MEDIA_KINDS.video
  const base = context.replace(/-pre$/, '')
  if (base === 'document-front') return MEDIA_KINDS.documentFront
  if (base === 'document-back') return MEDIA_KINDS.documentBack
  if (base === 'face') return MEDIA_KINDS.face
  return MEDIA_KINDS.other
}

const INSIGHT_RESULTS: Record<string, LivenessResult> = {
  green: LIVENESS_RESULTS.passed, yellow: LIVENESS_RESULTS.inconclusive, red: LIVENESS_RESULTS.failed,
}

/** The face liveness insight, if the integration reports insights; anything unrecognised is inconclusive. */
export function livenessFor(insights: { label?: string | null; result?: string | null }[] | null | undefined): LivenessResult {
  const insight = insights?.find((i) => /liveness/i.test(i.label ?? ''))
  if (!insight) return LIVENESS_RESULTS.notReported
  return INSIGHT_RESULTS[(insight.result ?? '').toLowerCase()] ?? LIVENESS_RESULTS.inconclusive
}
