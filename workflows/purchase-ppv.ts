import { defineSignal, setHandler } from '@temporalio/workflow'
import { purchaseStateQuery, type PurchasePpvInput, type PurchasePpvOutput, type PurchaseState } from './purchase-ppv.contract.ts'
import { runSale, saleActivities as act } from './sale.ts'

/** A chargeback notice inside the window stops the creator share from becoming payable (transactionId: which charge). */
export const chargebackNoticeSignal = defineSignal<[{ eventId: string; transactionId?: string }]>('chargebackNotice')
/** A refund takes the sale back: the creator share must not become payable either. */
export const refundNoticeSignal = defineSignal<[{ refundWorkflowId: string }]>('refundNotice')
/** A takedown of the post freezes (held) or releases (not held) the creator share of this purchase. */
export const earningsHoldSignal = defineSignal<[{ held: boolean; reason: string }]>('earningsHold')

/** A fan unlocks a post: charge, book the split, grant access; undo everything if a step after the charge fails. */
export async function purchasePpv(input: PurchasePpvInput): Promise<PurchasePpvOutput> {
  let state: PurchaseState = 'quoting'
  let takenBack = false
  setHandler(purchaseStateQuery, () => state)
  setHandler(chargebackNoticeSignal, () => { takenBack = true })
  setHandler(refundNoticeSignal, () => { takenBack = true })
  let held = false
  setHandler(earningsHoldSignal, ({ held: h }) => { held = h })

  const quote = await act.quotePurchase({ fanId: input.fanId, postId: input.postId, jurisdiction: input.jurisdiction })
  return runSale({ ...input, kind: 'ppv', quote, description: `PPV post ${input.postId}`,
    setState: (s) => { state = s }, takenBack: () => takenBack, held: () => held })
}
