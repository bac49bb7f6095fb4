/** Contract of ingestMedia: one upload from the stored source to a published (or rejected) item, on the media queue. */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow'
import { TASK_QUEUES } from './task-queues.ts'
import type { ReasonCode, ReviewDecision } from '../domain/media/review.ts'

/** A co-performer slot to invite; `email` only in runs started before addresses were sealed on the slot. */
export type CoPerformerInvite = { performerId: string; email?: string }

/** What an invited co-performer's address is sealed for (the slot's own key, destroyed when the invitation ends). */
export const CO_PERFORMER_EMAIL_PURPOSE = 'media_performers.email_sealed'

export type IngestMediaInput = {
  mediaId: string
  /**
   * co-performers to invite, by slot id: the address is sealed on the slot (media_performers.email_sealed), never in
   * a workflow's history. Runs started before that carry `email`, which the invitation then uses.
   */
  invites?: CoPerformerInvite[]
  /** hours the creator has to finish the upload before it is abandoned (default 24) */
  uploadWindowHours?: number
  /** hours a moderator has to decide before the item is escalated (default 24) */
  reviewSlaHours?: number
  /** days a creator may appeal a rejection; the quarantined outputs are purged after (default 14) */
  appealWindowDays?: number
}

export type IngestStage = 'verifying' | 'probing' | 'transcoding' | 'artwork' | 'moderating' | 'in_review' | 'awaiting_performers'
  | 'publishing' | 'published' | 'rejected' | 'failed' | 'deleted'

export type RenditionState = 'pending' | 'running' | 'done' | 'failed'
export type RenditionProgress = { name: string; height: number; percent: number; state: RenditionState }

/** What the creator studio and the review queue show of a running ingest. */
export type IngestProgress = {
  stage: IngestStage
  /** 0-100 over the whole pipeline up to review */
  percent: number
  renditions: RenditionProgress[]
  /** the reason a creator can read when the upload failed or was rejected */
  message: string | null
  escalated: boolean
  appealed: boolean
}

export type IngestMediaOutput = { status: 'PUBLISHED' | 'REJECTED' | 'FAILED' | 'DELETED'; reason: string | null }

export type ReviewDecisionInput = { decision: ReviewDecision; reasonCode: ReasonCode; note?: string; actorId: string }
export type AppealInput = { reason: string; actorId: string }
export type AppealDecisionInput = { uphold: boolean; note?: string; actorId: string }

export const ingestMediaWorkflowId = (mediaId: string) => `media:${mediaId}`
export const ingestMediaTaskQueue = TASK_QUEUES.media

/** The creator's browser finished the multipart upload and the API assembled the object. */
export const uploadCompletedSignal = defineSignal<[]>('uploadCompleted')
/**
 * A moderator's approve / reject / escalate; the API checks role and reason first. Updates, not signals: the moderator
 * learns at once whether the item was still waiting for a decision (a validator refuses it otherwise).
 */
export const reviewDecisionUpdate = defineUpdate<{ accepted: true }, [ReviewDecisionInput]>('reviewDecision')
/** The creator appeals a rejection within the window (once). */
export const appealUpdate = defineUpdate<{ accepted: true }, [AppealInput]>('appeal')
/** A second moderator decides the appeal: uphold (the creator was right: publish) or deny. */
export const appealDecisionUpdate = defineUpdate<{ accepted: true }, [AppealDecisionInput]>('appealDecision')
/** A performer accepted an invitation or finished verification: re-check the 2257 gate now rather than at the next poll. */
export const performerVerifiedSignal = defineSignal<[{ performerId: string }]>('performerVerified')
export const ingestProgressQuery = defineQuery<IngestProgress>('ingestProgress')

/** Refusals of the updates above (ApplicationFailure types; the API maps them to 409). */
export const REVIEW_REFUSALS = {
  notInReview: 'NOT_IN_REVIEW',
  notAppealable: 'NOT_APPEALABLE',
  appealWindowClosed: 'APPEAL_WINDOW_CLOSED',
  notAppealed: 'NOT_APPEALED',
  ownDecision: 'OWN_DECISION_APPEALED',
  ownUpload: 'OWN_UPLOAD',
  ownEscalation: 'OWN_ESCALATION',
} as const

export const verifyCoPerformerWorkflowId = (performerId: string) => `coperformer:${performerId}`
export type VerifyCoPerformerInput = CoPerformerInvite & { mediaId: string; parentWorkflowId: string; expiresInDays?: number }

export const INGEST_ERRORS = {
  checksumMismatch: 'CHECKSUM_MISMATCH',
  truncated: 'TRUNCATED_UPLOAD',
  unreadable: 'UNREADABLE_MEDIA',
  noVideo: 'NO_VIDEO_STREAM',
  tooShort: 'TOO_SHORT',
  tooLong: 'TOO_LONG',
  transcodeFailed: 'TRANSCODE_FAILED',
  uploadExpired: 'UPLOAD_EXPIRED',
} as const
