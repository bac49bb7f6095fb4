import { condition, defineSignal, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow'
import type * as finance from '../activities/purchases/index.ts'
import type * as ledger from '../activities/ledger/index.ts'
import { purchaseTemplate, releasePendingTemplate, reversalOf } from '../domain/ledger/templates.ts'
import { money } from '../domain/money.ts'
import { splitPurchase } from '../domain/revenue-split.ts'
import { purchaseKey, purchaseStateQuery, type PurchasePpvInput, type PurchasePpvOutput, type PurchaseState } from './purchase-ppv.contract.ts'

type Activities = ReturnType<typeof finance.createPurchaseActivities> & ReturnType<typeof ledger.createLedgerActivities>

// Charges and ledger writes carry idempotency keys, so retrying them is always safe.
const act = proxyActivities<Activities>({ startToCloseTimeout: '30s', retry: { initialInterval: '1s', maximumAttempts: 8 } })

/** A chargeback notice inside the window stops the creator share from becoming payable. */
export const chargebackNoticeSignal = defineSignal<[{ eventId: string }]>('chargebackNotice')
/** A refund takes the sale back: the creator share must not become payable either. */
export const refundNoticeSignal = defineSignal<[{ refundWorkflowId: string }]>('refundNotice')

/** A fan unlocks a post: charge, book the split, grant access; undo everything if a step after the charge fails. */
export async function purchasePpv(input: PurchasePpvInput): Promise<PurchasePpvOutput> {
  const { workflowId } = workflowInfo()
  let state: PurchaseState = 'quoting'
  let chargedBack = false // or refunded: either way the sale was taken back
  setHandler(purchaseStateQuery, () => state)
  setHandler(chargebackNoticeSignal, () => { chargedBack = true })
  setHandler(refundNoticeSignal, () => { chargedBack = true })

  const quote = await act.quotePurchase({ fanId: input.fanId, postId: input.postId, jurisdiction: input.jurisdiction })
  const { purchaseId } = input
  await act.recordPurchase({ purchaseId, status: 'PENDING', create: { workflowId, kind: 'ppv', fanId: input.fanId, creatorId: quote.creatorId,
    postId: input.postId, brand: quote.brand, amount: quote.amount, currency: quote.currency, processor: input.processor } })
  state = 'charging'
  const charge = await act.chargeFan({ processor: input.processor, idempotencyKey: purchaseKey(purchaseId, 'charge'), paymentToken: input.paymentToken,
    amount: quote.amount, currency: quote.currency, description: `PPV post ${input.postId}`, reference: { workflowId, fanId: input.fanId } })
  if (charge.status === 'declined') {
    state = 'declined'
    await act.recordPurchase({ purchaseId, status: 'DECLINED', transactionId: charge.transactionId, declineCode: charge.decline })
    return { state, transactionId: charge.transactionId, reason: charge.message }
  }

  const split = splitPurchase({ gross: money(quote.amount, quote.currency), taxBps: quote.taxBps, creatorShareBps: quote.creatorShareBps,
    processorFee: { kind: 'reported', amount: charge.processorFee }, referral: null, at: new Date().toISOString() })
  const book = { brand: quote.brand, currency: quote.currency }
  const sale = purchaseTemplate({ ...book, fanId: input.fanId, creatorId: quote.creatorId, processor: input.processor, jurisdiction: input.jurisdiction, split })
  const undo: (() => Promise<unknown>)[] = []
  try {
    state = 'posting'
    const posted = await act.postJournalEntry({ idempotencyKey: purchaseKey(purchaseId, 'sale'), kind: 'ppv_purchase', memo: sale.memo, brand: quote.brand,
      postings: sale.postings, metadata: { purchaseId, transactionId: charge.transactionId } })
    undo.push(() => act.postJournalEntry({ idempotencyKey: purchaseKey(purchaseId, 'sale:reversal'), kind: 'ppv_purchase_reversal', memo: `reversal: ${sale.memo}`,
      brand: quote.brand, postings: reversalOf(sale.postings), reversesId: posted.entryId }))
    state = 'granting'
    await act.grantEntitlement({ fanId: input.fanId, postId: input.postId, purchaseId })
    undo.push(() => act.revokeEntitlement({ fanId: input.fanId, postId: input.postId, purchaseId }))
    await act.recordPurchase({ purchaseId, status: 'COMPLETED', transactionId: charge.transactionId, ledgerEntryId: posted.entryId, split })
    state = 'completed'
  } catch (err) {
    state = 'compensating'
    for (const step of undo.reverse()) await step()
    await act.refundCharge({ processor: input.processor, idempotencyKey: purchaseKey(purchaseId, 'refund'), transactionId: charge.transactionId,
      amount: quote.amount, currency: quote.currency, reason: 'purchase could not be completed' })
    const reason = err instanceof Error ? err.message : String(err)
    await act.recordPurchase({ purchaseId, status: 'FAILED', transactionId: charge.transactionId, failureReason: reason })
    state = 'failed'
    return { state, transactionId: charge.transactionId, reason }
  }

  // The creator's share stays pending through the chargeback window, then becomes payable.
  if (!(await condition(() => chargedBack, `${quote.chargebackWindowDays} days`)) && split.creator > 0) {
    const release = releasePendingTemplate({ ...book, creatorId: quote.creatorId, amount: split.creator })
    await act.postJournalEntry({ idempotencyKey: purchaseKey(purchaseId, 'release'), kind: 'creator_share_release', memo: release.memo, brand: quote.brand, postings: release.postings })
  }
  return { state: 'completed', transactionId: charge.transactionId, reason: null }
}

