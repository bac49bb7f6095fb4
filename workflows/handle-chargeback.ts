import { getExternalWorkflowHandle, patched, proxyActivities, workflowInfo } from '@temporalio/workflow'
import type * as chargebacks from '../activities/chargebacks/index.ts'
import type * as finance from '../activities/purchases/index.ts'
import type * as ledger from '../activities/ledger/index.ts'
import { chargebackTemplate } from '../domain/ledger/templates.ts'
import type { HandleChargebackInput, HandleChargebackOutput } from './handle-chargeback.contract.ts'
import { chargebackNoticeSignal } from './purchase-ppv.ts'

type Activities = ReturnType<typeof chargebacks.createChargebackActivities> & ReturnType<typeof finance.createPurchaseActivities>
  & ReturnType<typeof ledger.createLedgerActivities>
const act = proxyActivities<Activities>({ startToCloseTimeout: '30s', retry: { initialInterval: '1s', maximumAttempts: 8 } })

/** A chargeback: stop the share release, revoke access, claw back or book the loss, flag the fan, keep the evidence. */
export async function handleChargeback(input: HandleChargebackInput): Promise<HandleChargebackOutput> {
  const { workflowId } = workflowInfo()
  // first, so the purchase cannot release the creator share while this runs (it may already have finished)
  await getExternalWorkflowHandle(input.purchaseWorkflowId).signal(chargebackNoticeSignal, { eventId: input.eventId, transactionId: input.transactionId }).catch(() => undefined)
  const c = await act.loadChargebackCase({ processor: input.processor, transactionId: input.transactionId, purchaseWorkflowId: input.purchaseWorkflowId })
  const caseRecord = patched('chargeback-case-record')
    ? { workflowId, processor: input.processor, transactionId: input.transactionId, eventId: input.eventId, purchaseId: c.purchaseId,
        fanId: c.fanId, creatorId: c.creatorId, brand: c.brand, amount: c.amount ?? 0, currency: c.currency }
    : null
  if (caseRecord) await act.recordChargebackCase({ ...caseRecord, status: 'OPEN' })

  if (c.postId) await act.revokeEntitlement({ fanId: c.fanId, postId: c.postId, purchaseId: c.purchaseId })
  const share = -(c.salePostings.find((p) => p.account.kind === 'creatorPending')?.amount ?? 0)
  const clawback = Math.min(share, c.clawbackLimit)
  const entry = chargebackTemplate({ original: c.salePostings, creatorShareStillPending: c.creatorShareStillPending,
    clawbackFromCreator: clawback, chargebackFee: c.chargebackFee })
  const posted = await act.postJournalEntry({ idempotencyKey: `${workflowId}:ledger`, kind: 'chargeback', memo: entry.memo, brand: c.brand,
    postings: entry.postings, reversesId: c.saleEntryId, metadata: { eventId: input.eventId, transactionId: input.transactionId } })
  await act.recordPurchase({ purchaseId: c.purchaseId, status: 'CHARGED_BACK' })
  const evidenceKey = await act.assembleEvidencePack({ workflowId, processor: input.processor, transactionId: input.transactionId,
    purchaseId: c.purchaseId, purchaseWorkflowId: input.purchaseWorkflowId })
  await act.flagFan({ fanId: c.fanId, workflowId, reason: `chargeback on ${input.processor} transaction ${input.transactionId}`, evidenceKey })
  const loss = share - clawback + c.chargebackFee
  if (caseRecord) {
    await act.recordChargebackCase({ ...caseRecord, status: 'CLOSED',
      outcome: { clawedBack: clawback, loss, fee: c.chargebackFee, ledgerEntryId: posted.entryId, evidenceKey } })
  }
  return { purchaseId: c.purchaseId, clawedBack: clawback, loss, evidenceKey }
}
