/**
 * Data minimisation for access archives: once the download window of an archive has passed, the zip goes from the
 * exports bucket. The request keeps its downloadExpiresAt, so the privacy center still answers DOWNLOAD_EXPIRED.
 */
import { Context } from '@temporalio/activity'
import type { Db } from '../../prisma/client.ts'
import { BUCKETS } from '../../domain/storage.ts'
import type { StorageClient } from '../storage/client.ts'

export type ArchiveExpiryDeps = { db: Db; storage: StorageClient }
export type ExpiredArchivesBatch = { removed: number; more: boolean }

export function createArchiveExpiryActivities({ db, storage }: ArchiveExpiryDeps) {
  return {
    /**
     * Deletes up to `limit` archives whose download window has passed, oldest first, and forgets their keys; `more`
     * says a full batch was found. A retry finds the archives it already handled gone from the query.
     */
    async dsrRemoveExpiredArchives(input: { limit: number }): Promise<ExpiredArchivesBatch> {
      const now = new Date()
      const run = Context.current().info.workflowExecution
      const expired = await db.dsrRequest.findMany({ where: { archiveKey: { not: null }, downloadExpiresAt: { lt: now } },
        select: { id: true, archiveKey: true, archiveBytes: true, downloadExpiresAt: true }, orderBy: { downloadExpiresAt: 'asc' }, take: input.limit })
      let removed = 0
      for (const a of expired) {
        // S3 deletes are idempotent; the NoSuchKey some gateways send for an absent object means the same
        await storage.removeObject(BUCKETS.exports.name, a.archiveKey!).catch((err: { code?: string }) => {
          if (err.code !== 'NoSuchKey' && err.code !== 'NotFound') throw err
        })
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
      return { removed, more: expired.length === input.limit }
    },
  }
}

export type ArchiveExpiryActivities = ReturnType<typeof createArchiveExpiryActivities>
