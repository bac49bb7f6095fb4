/** Contract of purgeExpiredArchives: the daily deletion of access archives whose download window has passed. */
import { TASK_QUEUES } from './task-queues.ts'

/** On the core queue, beside the dataSubjectRequest activities that write the archives. */
export const purgeExpiredArchivesTaskQueue = TASK_QUEUES.core

/** The Schedule that starts a run every day; each run's workflow id is this plus the scheduled time (Temporal appends it). */
export const archiveExpiryScheduleId = 'privacy-archive-expiry'

/** Archives deleted per activity call, and calls per run: a backlog beyond that is finished by the next day's run. */
export const ARCHIVE_EXPIRY_BATCH = 100
export const ARCHIVE_EXPIRY_MAX_BATCHES = 50

/** `failed`: archives storage would not delete this run (left for the next one, and logged) */
export type PurgeExpiredArchivesResult = { removed: number; failed: number }
