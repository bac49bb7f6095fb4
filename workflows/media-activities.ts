/** The activity proxies of the media pipeline: long media work with heartbeats, short bookkeeping with patient retries. */
import { ActivityCancellationType, proxyActivities } from '@temporalio/workflow'
import type { MediaProcessingActivities } from '../activities/media/processing.ts'
import type { MediaRecordActivities } from '../activities/media/records.ts'
import type { MediaPublishingActivities } from '../activities/media/publishing.ts'
import type { ModerationActivities } from '../activities/moderation/index.ts'
import type { MediaUploadActivities } from '../activities/media/uploads.ts'
import { INGEST_ERRORS } from './ingest-media.contract.ts'

/**
 * Transcodes and moderation: each attempt heartbeats, so a lost worker is noticed in a minute, not hours, and a deletion
 * reaches a running transcode within seconds; cleanup waits until a cancelled transcode has stopped writing.
 */
export const mediaWork = proxyActivities<MediaProcessingActivities & ModerationActivities>({
  startToCloseTimeout: '4 hours',
  heartbeatTimeout: '30 seconds',
  cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumAttempts: 4, nonRetryableErrorTypes: Object.values(INGEST_ERRORS) },
})

/** Read-model writes, mail and search: retried until the database or service is back. */
export const mediaRecords = proxyActivities<MediaRecordActivities & MediaPublishingActivities & MediaUploadActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
})

/** Mailing every subscriber: long for a big audience, heartbeated per mail so a retry resumes where it stopped. */
export const mediaMailing = proxyActivities<Pick<MediaPublishingActivities, 'notifySubscribers'>>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' },
})
