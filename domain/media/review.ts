/** Review decisions, reason codes and the statuses they lead to: what moderators, creators and admins may do to an item. */

/** A moderator's decision on an item in review. */
export const REVIEW_DECISIONS = ['approve', 'reject', 'escalate'] as const
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number]

/** Why an item is rejected, escalated or taken down: codes are stable (reports group by them), labels are for people. */
export const REASON_CODES = {
  MINOR_APPEARANCE: 'A performer appears to be under 18',
  NON_CONSENT: 'Depicts or implies non-consensual activity',
  VIOLENCE: 'Graphic violence or injury',
  ILLEGAL: 'Illegal content or activity (bestiality, incest, drugs, weapons)',
  BLOCKLIST_MATCH: 'Matches known prohibited content',
  BRAND_LIMIT: 'Outside what this brand allows',
  MISSING_PERFORMER: 'A depicted performer is not listed or not verified',
  IDENTITY_MISMATCH: 'A performer does not match their 2257 record',
  COPYRIGHT: 'Copyright or likeness complaint',
  QUALITY: 'Unwatchable: corrupt, black, silent or misleading',
  SPAM: 'Spam or misleading title, tags or caption',
  POLICY_OTHER: 'Other policy reason (explained in the note)',
  NEEDS_SENIOR: 'Needs a senior moderator',
  LEGAL: 'Needs legal or compliance review',
  LOOKS_FINE: 'Within policy',
} as const
export type ReasonCode = keyof typeof REASON_CODES
export const isReasonCode = (code: string): code is ReasonCode => Object.hasOwn(REASON_CODES, code)

/** Codes a decision may carry; approving needs none (LOOKS_FINE is implied). */
export const REASONS_FOR: Record<ReviewDecision | 'takedown', readonly ReasonCode[]> = {
  approve: ['LOOKS_FINE'],
  reject: ['MINOR_APPEARANCE', 'NON_CONSENT', 'VIOLENCE', 'ILLEGAL', 'BLOCKLIST_MATCH', 'BRAND_LIMIT', 'MISSING_PERFORMER',
    'IDENTITY_MISMATCH', 'COPYRIGHT', 'QUALITY', 'SPAM', 'POLICY_OTHER'],
  escalate: ['NEEDS_SENIOR', 'LEGAL', 'MINOR_APPEARANCE', 'NON_CONSENT', 'IDENTITY_MISMATCH', 'POLICY_OTHER'],
  takedown: ['MINOR_APPEARANCE', 'NON_CONSENT', 'VIOLENCE', 'ILLEGAL', 'BLOCKLIST_MATCH', 'COPYRIGHT', 'IDENTITY_MISMATCH', 'POLICY_OTHER', 'LEGAL'],
}

/** Reasons that must be explained in a note (a reviewer reading the trail later needs the specifics). */
export const NOTE_REQUIRED: ReadonlySet<ReasonCode> = new Set(['POLICY_OTHER', 'LEGAL', 'COPYRIGHT'])

export const MEDIA_STATUSES = ['UPLOADING', 'PROCESSING', 'IN_REVIEW', 'AWAITING_PERFORMERS', 'PUBLISHED', 'REJECTED', 'FAILED',
  'TAKEN_DOWN', 'DELETED'] as const
export type MediaStatus = (typeof MEDIA_STATUSES)[number]

/** Statuses in which the item's ingest run may still be live (its progress is worth asking for). */
export const LIVE_STATUSES: ReadonlySet<MediaStatus> = new Set(['UPLOADING', 'PROCESSING', 'IN_REVIEW', 'AWAITING_PERFORMERS', 'REJECTED'])

/** Statuses a creator may delete an item from (a taken-down item is evidence and stays until its holds end). */
export const DELETABLE: ReadonlySet<MediaStatus> = new Set(['UPLOADING', 'PROCESSING', 'IN_REVIEW', 'AWAITING_PERFORMERS', 'PUBLISHED', 'FAILED'])

/** Problems with a decision, as a code the API returns and a message for the person who made it; null when valid. */
export function decisionProblem(decision: ReviewDecision | 'takedown', reasonCode: string, note: string | undefined):
  { code: 'INVALID_REASON' | 'NOTE_REQUIRED'; message: string } | null {
  if (!isReasonCode(reasonCode) || !REASONS_FOR[decision].includes(reasonCode)) {
    return { code: 'INVALID_REASON', message: `A ${decision} needs one of: ${REASONS_FOR[decision].join(', ')}.` }
  }
  if (NOTE_REQUIRED.has(reasonCode) && !note?.trim()) return { code: 'NOTE_REQUIRED', message: `Explain ${reasonCode} in a note.` }
  return null
}
