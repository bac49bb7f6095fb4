import { ApplicationFailure, ParentClosePolicy, condition, defineUpdate, executeChild, getExternalWorkflowHandle, patched, setHandler, workflowInfo } from '@temporalio/workflow'
import { mediaRecords as rec, mediaWork as work } from './media-activities.ts'
import { startHidingCollectibles } from './collectibles.ts'
import { earningsHoldSignal } from './purchase-ppv.ts'
import { refundPurchase } from './refund-purchase.ts'
import { refundPurchaseTaskQueue, refundPurchaseWorkflowId } from './refund-purchase.contract.ts'

export type TakedownInput = { mediaId: string; actorId: string; reasonCode: string; note?: string; appealWindowDays?: number }
export type TakedownOutput = { outcome: 'reinstated' | 'final'; refunded: number; refundFailures: number }
export type RemovalInput = { mediaId: string; actorId: string; sourceKey: string }

export const takedownWorkflowId = (mediaId: string) => `takedown:${mediaId}`
export const reinstateWorkflowId = (mediaId: string) => `reinstate:${mediaId}`
export const removalWorkflowId = (mediaId: string) => `media-removal:${mediaId}`

/** Compliance reinstates a taken-down item inside the takedown's window (refused once it closed: then reinstateMedia runs). */
export const reinstateTakedownUpdate = defineUpdate<{ accepted: true }, [{ actorId: string; note?: string }]>('reinstateTakedown')

/**
 * An admin takes a published item down: off the storefront and out of search at once, every output kept as evidence,
 * the creator's earnings from its sales frozen. Reinstated within the appeal window: the freeze is lifted and buyers keep
 * access. Otherwise the takedown is final: every buyer is refunded, which takes the frozen shares back.
 */
export async function takedownMedia(input: TakedownInput): Promise<TakedownOutput> {
  let reinstated: { actorId: string; note?: string } | null = null
  let windowClosed = false
  setHandler(reinstateTakedownUpdate, (r) => { reinstated = r; return { accepted: true as const } }, { validator: (_r: { actorId: string; note?: string }) => {
    if (windowClosed || reinstated) throw ApplicationFailure.create({ message: 'This takedown is final; reinstating starts anew.', type: 'TAKEDOWN_FINAL', nonRetryable: true })
  } })
  await rec.unpublishMedia({ mediaId: input.mediaId, status: 'TAKEN_DOWN', actorId: input.actorId, reasonCode: input.reasonCode, note: input.note })
  await rec.deindexMedia({ mediaId: input.mediaId })
  // collectibles of the item stop selling and hide their metadata on chain (started, not awaited: the chain may be slow)
  if (patched('takedown-hides-collectibles')) await startHidingCollectibles(input.mediaId, workflowInfo().runId)
  const sales = await rec.salesOfMedia({ mediaId: input.mediaId })
  await holdEarnings(sales, true, input.reasonCode)
  await rec.notifyCreator({ mediaId: input.mediaId, notice: 'mediaTakenDown', reason: input.reasonCode, key: `takedown:${workflowInfo().runId}` })

  if (await condition(() => reinstated !== null, `${input.appealWindowDays ?? 14} days`)) {
    const r = reinstated!
    await holdEarnings(sales, false, 'reinstated')
    await rec.reinstateMedia({ mediaId: input.mediaId, actorId: r.actorId, note: r.note })
    await rec.indexPublishedMedia({ mediaId: input.mediaId })
    await rec.notifyCreator({ mediaId: input.mediaId, notice: 'mediaReinstated', key: `reinstated:${workflowInfo().runId}` })
    return { outcome: 'reinstated', refunded: 0, refundFailures: 0 }
  }
  windowClosed = true
  let refunded = 0
  let refundFailures = 0
  for (const sale of sales) {
    try {
      await executeChild(refundPurchase, { workflowId: refundPurchaseWorkflowId(sale.purchaseId), taskQueue: refundPurchaseTaskQueue,
        parentClosePolicy: ParentClosePolicy.ABANDON,
        args: [{ purchaseId: sale.purchaseId, requestedBy: { personId: input.actorId, role: 'finance' }, reason: `content taken down (${input.reasonCode})` }] })
      refunded += 1
    } catch {
      // already refunded or charged back meanwhile, or the processor refused: the share stays frozen and finance sees it
      refundFailures += 1
    }
  }
  await rec.recordTakedownFinal({ mediaId: input.mediaId, refunded, refundFailures })
  return { outcome: 'final', refunded, refundFailures }
}

/** Freezes or releases the creator share of each sale (a sale whose run has ended has nothing pending left to hold). */
async function holdEarnings(sales: { workflowId: string }[], held: boolean, reason: string): Promise<void> {
  for (const sale of sales) {
    await getExternalWorkflowHandle(sale.workflowId).signal(earningsHoldSignal, { held, reason }).catch(() => undefined)
  }
}

/** A taken-down item goes back up after its takedown became final (buyers were refunded): published and searchable again. */
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
