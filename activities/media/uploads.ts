/** The multipart upload behind an item: abandoned uploads are aborted so their parts stop costing storage. */
import type { Db } from '../../prisma/client.ts'
import type { StorageClient } from '../storage/client.ts'
import { BUCKETS } from '../../domain/storage.ts'
import { forgetInvites, type DestroyKey } from './invites.ts'

export function createMediaUploadActivities({ db, storage, destroyKey }: { db: Db; storage: StorageClient; destroyKey: DestroyKey }) {
  return {
    /** Aborts the open multipart upload (idempotent: an upload already gone is fine) and marks the item deleted if it was never finished. */
    async abandonUpload({ mediaId }: { mediaId: string }): Promise<void> {
      const item = await db.mediaItem.findUniqueOrThrow({ where: { id: mediaId } })
      if (item.uploadId) {
        await storage.abortMultipartUpload(BUCKETS.uploads.name, item.sourceKey, item.uploadId).catch((err: { code?: string }) => {
          if (err.code !== 'NoSuchUpload') throw err
        })
      }
      await storage.removeObject(BUCKETS.uploads.name, item.sourceKey)
      await db.mediaItem.update({ where: { id: mediaId }, data: { uploadId: null, updatedAt: new Date() } })
      // never finished: its co-performers will not be invited
      await forgetInvites(db, destroyKey, { mediaId })
    },
  }
}
export type MediaUploadActivities = ReturnType<typeof createMediaUploadActivities>
