/**
 * Data minimisation for access archives: once the download window of an archive has passed, the zip goes from the
 * exports bucket. The request keeps its downloadExpiresAt, so the privacy center still answers DOWNLOAD_EXPIRED.
 */
import { Context } from '@temporalio/activity'
import type { Db } from '../../prisma/client.ts'
import { BUCKETS } from '../../domain/storage.ts'
import type { StorageClient } from '../storage/client.ts'

export type ArchiveExpiryDeps = { db: Db; storage: StorageClient }
/** Where a batch stopped: the next one starts after this archive (expiry, then id), past any it could not delete. */
export type ArchiveCursor = { at: string; id: string }
export type ExpiredArchivesBatch = { removed: number; failed: number; more: boolean; last: ArchiveCursor | null }

export function createArchiveExpiryActivities({ db, storage }: ArchiveExpiryDeps) {
  return {
    /**
     * Deletes up to `limit` archives whose download window has passed, oldest first after `after`, and forgets their
     * keys; `more` says a full batch was found. A retry finds the archives it already handled gone from the query. An
     * archive storage refuses to delete is counted in `failed`, logged and left for the next day: it never holds the
     * others back.
     */
    async dsrRemoveExpiredArchives(input: { limit: number; after?: ArchiveCursor | null }): Promise<ExpiredArchivesBatch> {
      const now = new Date()
      const { info, log } = Context.current()
      const run = info.workflowExecution
      const after = input.after ? { OR: [{ downloadExpiresAt: { gt: new Date(input.after.at) } },
        { downloadExpiresAt: new Date(input.after.at), id: { gt: input.after.id } }] } : {}
      const expired = await db.dsrRequest.findMany({ where: { archiveKey: { not: null }, downloadExpiresAt: { lt: now }, ...after },
        select: { id: true, archiveKey: true, archiveBytes: true, downloadExpiresAt: true }, orderBy: [{ downloadExpiresAt: 'asc' }, { id: 'asc' }], take: input.limit })
      let removed = 0
      let failed = 0
      for (const a of expired) {
        // S3 deletes are idempotent; the NoSuchKey some gateways send for an absent object means the same
        const gone = await storage.removeObject(BUCKETS.exports.name, a.archiveKey!).then(() => true, (err: { code?: string; message?: string }) => {
          if (err.code === 'NoSuchKey' || err.code === 'NotFound') return true
          log.warn('access archive not deleted; left for the next run', { requestId: a.id, code: err.code, message: err.message })
          return false
        })
        if (!gone) { failed++; continue }
        // guarded: an erasure that got here first has cleared the key and audited it itself
        removed += await db.$transaction(async (tx) => {
          const { count } = await tx.dsrRequest.updateMany({ where: { id: a.id, archiveKey: a.archiveKey, downloadExpiresAt: { lt: now } }, data: { archiveKey: null } })
          if (count) {
            await tx.auditLog.create({ data: { action: 'dsr.access.archive_deleted', resourceType: 'dsr_request', resourceId: a.id,
              workflowId: run?.workflowId, runId: run?.runId,
              reason: 'download window ended (data minimisation)',
              details: { key: a.archiveKey, bytes: a.archiveBytes?.toString() ?? null, downloadExpiredAt: a.downloadExpiresAt!.toISOString() } } })
          }
          return count
        })
        Context.current().heartbeat(a.id)
      }
      const tail = expired.at(-1)
      return { removed, failed, more: expired.length === input.limit, last: tail ? { at: tail.downloadExpiresAt!.toISOString(), id: tail.id } : null }
    },
  }
}

export type ArchiveExpiryActivities = ReturnType<typeof createArchiveExpiryActivities>
