/** Words for the pipeline's statuses and stages, as creators read them. */
import type { IngestStage } from '../../../workflows/ingest-media.contract.ts'
import { REASON_CODES, isReasonCode } from '../../../domain/media/review.ts'
import type { MediaStatus, Performer } from './media-types'

export const STATUS_LABEL: Record<MediaStatus, string> = {
  UPLOADING: 'Uploading', PROCESSING: 'Processing', IN_REVIEW: 'In review', AWAITING_PERFORMERS: 'Waiting for co-performers',
  PUBLISHED: 'Published', REJECTED: 'Rejected', FAILED: 'Failed', TAKEN_DOWN: 'Taken down', DELETED: 'Deleted',
}

export const STAGE_LABEL: Record<IngestStage, string> = {
  verifying: 'Verifying the file’s checksum', probing: 'Reading the video', transcoding: 'Converting to streaming quality levels',
  artwork: 'Making the thumbnail and previews', moderating: 'Automated safety checks', in_review: 'Waiting for a moderator',
  awaiting_performers: 'Waiting for co-performers’ 2257 records', publishing: 'Publishing', published: 'Published',
  rejected: 'Rejected', failed: 'Failed', deleted: 'Deleted',
}

export const PERFORMER_STATUS: Record<Performer['status'], string> = {
  PENDING: 'No 2257 record yet', INVITED: 'Invited — waiting for their 2257 record', VERIFIED: '2257 record verified',
}

/** Statuses the pipeline is still working on: the studio polls while an item is in one of them. */
export const IN_FLIGHT: readonly MediaStatus[] = ['UPLOADING', 'PROCESSING']

/** A decision reason as words: a known code's label, anything else as the moderator wrote it. */
export const reasonText = (reason: string | null) => (reason ? (isReasonCode(reason) ? REASON_CODES[reason] : reason) : 'no reason given')
