import { proxyActivities } from '@temporalio/workflow'
import type { ArchiveCursor, ArchiveExpiryActivities, ExpiredArchivesBatch } from '../activities/privacy/archive-expiry.ts'
import { ARCHIVE_EXPIRY_BATCH, ARCHIVE_EXPIRY_MAX_BATCHES, type PurgeExpiredArchivesResult } from './purge-expired-archives.contract.ts'

// a run gives up well before the next day's: the schedule skips a day while one is still running
const { dsrRemoveExpiredArchives } = proxyActivities<ArchiveExpiryActivities>({ startToCloseTimeout: '10m', heartbeatTimeout: '1m',
  scheduleToCloseTimeout: '12h', retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '10m' } })

/** Deletes the access archives whose download window has passed, a batch at a time, until none is left. */
export async function purgeExpiredArchives(): Promise<PurgeExpiredArchivesResult> {
  let removed = 0
  let failed = 0
  let after: ArchiveCursor | null = null
  for (let batch = 0; batch < ARCHIVE_EXPIRY_MAX_BATCHES; batch++) {
    const done: ExpiredArchivesBatch = await dsrRemoveExpiredArchives({ limit: ARCHIVE_EXPIRY_BATCH, after })
    removed += done.removed
    failed += done.failed
    after = done.last
    if (!done.more) break
  }
  return { removed, failed }
}
