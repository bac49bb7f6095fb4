/** Contract of sendTip: a fan tips a creator, with a message; books like a purchase, unlocks nothing. */
import { TASK_QUEUES } from './task-queues.ts'
import type { PurchasePpvInput } from './purchase-ppv.contract.ts'

export type SendTipInput = Omit<PurchasePpvInput, 'postId' | 'purchaseId'> & {
  tipId: string
  creatorId: string
  brand: string
  amount: number
  currency: string
  message: string
}

export const TIP_ERRORS = { ownTip: 'OWN_TIP', notACreator: 'NOT_A_CREATOR' } as const
export const sendTipWorkflowId = (tipId: string) => `tip:${tipId}`
export const sendTipTaskQueue = TASK_QUEUES.finance
