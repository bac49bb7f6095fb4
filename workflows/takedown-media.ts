import { workflowInfo } from '@temporalio/workflow'
import { mediaRecords as rec, mediaWork as work } from './media-activities.ts'

export type TakedownInput = { mediaId: string; actorId: string; reasonCode: string; note?: string }
export type RemovalInput = { mediaId: string; actorId: string; sourceKey: string }

export const takedownWorkflowId = (mediaId: string) => `takedown:${mediaId}`
export const reinstateWorkflowId = (mediaId: string) => `reinstate:${mediaId}`
export const removalWorkflowId = (mediaId: string) => `media-removal:${mediaId}`

/** An admin takes a published item down: off the storefront and out of search at once; every output stays as evidence. */
export async function takedownMedia(input: TakedownInput): Promise<void> {
  await rec.unpublishMedia({ mediaId: input.mediaId, status: 'TAKEN_DOWN', actorId: input.actorId, reasonCode: input.reasonCode, note: input.note })
  await rec.deindexMedia({ mediaId: input.mediaId })
  await rec.notifyCreator({ mediaId: input.mediaId, notice: 'mediaTakenDown', reason: input.reasonCode, key: `takedown:${workflowInfo().runId}` })
}

/** A taken-down item goes back up (upheld appeal, mistaken takedown): published and searchable again. */
export async function reinstateMedia(input: { mediaId: string; actorId: string; note?: string }): Promise<void> {
  await rec.reinstateMedia(input)
  await rec.indexPublishedMedia({ mediaId: input.mediaId })
  await rec.notifyCreator({ mediaId: input.mediaId, notice: 'mediaReinstated', key: `reinstated:${workflowInfo().runId}` })
}

/** The creator deletes a finished item: off the storefront and search, then its objects are removed (the 2257 index stays). */
export async function removeMedia(input: RemovalInput): Promise<void> {
  await rec.unpublishMedia({ mediaId: input.mediaId, status: 'DELETED', actorId: input.actorId })
  await rec.deindexMedia({ mediaId: input.mediaId })
  await work.removeMediaOutputs({ mediaId: input.mediaId, sourceKey: input.sourceKey })
}
