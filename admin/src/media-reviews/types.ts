/** The review queue's read model (GET /api/media-reviews, /api/media-reviews/:id) and the vocabulary of decisions. */
import type { MediaStatus, ReviewDecision } from '../../../domain/media/review.ts'
import type { IngestProgress } from '../../../workflows/ingest-media.contract.ts'

export type { IngestProgress, MediaStatus, ReviewDecision }

export type Verdict = 'pass' | 'review' | 'block'
export type Flag = 'none' | 'review' | 'block'

/** review and block are null where the brand's policy does not act on the category (sexual, on an adult platform) */
export type CategoryFinding = { score: number; review: number | null; block: number | null; flagged: Flag }
export type BlocklistMatch = { atSeconds: number; phash: string; matched: string; distance: number; category: string }
export type FrameScores = { atSeconds: number; scores: Record<string, number> }

/** What the machines concluded about an item, against the brand's policy of that version. */
export type Findings = {
  verdict: Verdict
  policyVersion: number
  brand: string
  categories: Record<string, CategoryFinding>
  blocklistMatches: BlocklistMatch[]
  frames: FrameScores[]
  text: Record<string, number>
  reasons: string[]
}

export type Probe = {
  durationSeconds: number
  video: { codec: string; width: number; height: number; fps: number } | null
  audio: { codec: string } | null
}

export type Rendition = { name: string; height: number; width: number; bandwidth: number }

export type MediaView = {
  id: string
  brand: string
  creatorId: string
  creatorName: string | null
  postId: string
  title: string
  caption: string
  tags: string[]
  access: 'ppv' | 'subscribers'
  priceMinor: number | null
  currency: string | null
  fileName: string
  contentType: string
  sizeBytes: number
  status: MediaStatus
  failureCode: string | null
  failureReason: string | null
  probe: Probe | null
  renditions: Rendition[]
  thumbnailUrl: string | null
  previewUrl: string | null
  spriteUrl: string | null
  spriteVttUrl: string | null
  findings: Findings | null
  assigneeId: string | null
  reviewDueAt: string | null
  escalatedAt: string | null
  decision: string | null
  decisionReason: string | null
  decidedBy: string | null
  decidedAt: string | null
  appealDeadline: string | null
  publishedAt: string | null
  takenDownAt: string | null
  createdAt: string
  updatedAt: string
  /** the creator appealed (stays true once the appeal is decided: the trail says how it ended) */
  appealed?: boolean
  appealedAt?: string | null
  /** when the quarantined outputs were removed, once the appeal window closed */
  purgedAt?: string | null
}

export type PerformerStatus = 'PENDING' | 'INVITED' | 'VERIFIED'
export type Performer = { id: string; alias: string; role: 'uploader' | 'co-performer'; status: PerformerStatus; verifiedAt: string | null }
export type ReviewEvent = { id: string; actorId: string | null; actorName: string | null; action: string; reasonCode: string | null; note: string | null; createdAt: string }

/** The moderator's workspace adds the live progress, performers, the trail and a signed HLS playlist for staff. */
export type MediaReviewDetail = MediaView & {
  progress: IngestProgress | null
  performers: Performer[]
  events: ReviewEvent[]
  previewPlaylistUrl: string | null
}

export type Reason = { code: string; label: string }
/** GET /api/media-reasons: the codes each action takes, and those that must be explained in a note. */
export type MediaReasons = { approve: Reason[]; reject: Reason[]; escalate: Reason[]; takedown: Reason[]; noteRequired: string[] }

/** Bulk decisions answer per item: a batch is never all-or-nothing. */
export type BulkResult = { id: string; ok: boolean; code?: string; message?: string }

export const RESOURCE = 'media-reviews'

const APPEAL_DECISIONS = ['appeal_upheld', 'appeal_denied']
const lastIndexOf = (events: ReviewEvent[], actions: string[]) => events.findLastIndex((e) => actions.includes(e.action))

/** A rejected item whose creator appealed and whose appeal nobody has decided yet (the trail tells, where loaded). */
export function appealPending(item: MediaView & { progress?: IngestProgress | null; events?: ReviewEvent[] }): boolean {
  if (item.status !== 'REJECTED' || !(item.appealed ?? item.progress?.appealed ?? false)) return false
  const events = item.events ?? []
  return lastIndexOf(events, ['appeal']) >= lastIndexOf(events, APPEAL_DECISIONS)
}

/**
 * The show page first renders the row the list cached (no trail, performers or playlist) until the detail arrives;
 * this fills the detail-only fields so the workspace can render either.
 */
export const withDetailDefaults = (item: MediaView & Partial<MediaReviewDetail>): MediaReviewDetail => ({
  ...item,
  progress: item.progress ?? null,
  performers: item.performers ?? [],
  events: item.events ?? [],
  previewPlaylistUrl: item.previewPlaylistUrl ?? null,
})
