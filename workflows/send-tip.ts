import { setHandler } from '@temporalio/workflow'
import { purchaseStateQuery, type PurchasePpvOutput, type PurchaseState } from './purchase-ppv.contract.ts'
import { chargebackNoticeSignal, refundNoticeSignal } from './purchase-ppv.ts'
import type { SendTipInput } from './send-tip.contract.ts'
import { runSale, saleActivities as act } from './sale.ts'

/** A fan tips a creator: charged, split and booked like a purchase; the creator share waits out the chargeback window. */
export async function sendTip(input: SendTipInput): Promise<PurchasePpvOutput> {
  let state: PurchaseState = 'quoting'
  let takenBack = false
  setHandler(purchaseStateQuery, () => state)
  setHandler(chargebackNoticeSignal, () => { takenBack = true })
  setHandler(refundNoticeSignal, () => { takenBack = true })

  const quote = await act.quoteTip({ fanId: input.fanId, creatorId: input.creatorId, brand: input.brand, amount: input.amount,
    currency: input.currency, jurisdiction: input.jurisdiction })
  return runSale({ ...input, purchaseId: input.tipId, kind: 'tip', postId: null, quote, description: `Tip to creator ${input.creatorId}`,
    metadata: { message: input.message }, setState: (s) => { state = s }, takenBack: () => takenBack })
}
