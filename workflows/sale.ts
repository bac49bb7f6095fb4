/** The steps every sale shares (PPV purchase, tip): charge, book the split, grant, compensate, release the share. */
import { condition, patched, proxyActivities, workflowInfo } from '@temporalio/workflow'
import type * as finance from '../activities/purchases/index.ts'
import type * as ledger from '../activities/ledger/index.ts'
import { purchaseTemplate, releasePendingTemplate, reversalOf, settleShares, tipTemplate } from '../domain/ledger/templates.ts'
import { money } from '../domain/money.ts'
import { splitPurchase } from '../domain/revenue-split.ts'
import { purchaseKey, type PurchasePpvInput, type PurchasePpvOutput, type PurchaseQuote, type PurchaseState } from './purchase-ppv.contract.ts'

type Activities = ReturnType<typeof finance.createPurchaseActivities> & ReturnType<typeof ledger.createLedgerActivities>

// Charges and ledger writes carry idempotency keys, so retrying them is always safe.
const act = proxyActivities<Activities>({ startToCloseTimeout: '30s', retry: { initialInterval: '1s', maximumAttempts: 8 } })

export type Sale = Omit<PurchasePpvInput, 'postId'> & {
  kind: 'ppv' | 'tip'
  /** the post a PPV purchase unlocks; tips unlock nothing */
  postId: string | null
  quote: PurchaseQuote
  description: string
  metadata?: Record<string, unknown>
  setState: (state: PurchaseState) => void
  /** true once a chargeback or refund took the sale back: the creator share then stays pending */
  takenBack: () => boolean
  /** true while a takedown of the post freezes its earnings: the share is not released until lifted (or taken back) */
  held?: () => boolean
}

const TEMPLATES = { ppv: { template: purchaseTemplate, entryKind: 'ppv_purchase' }, tip: { template: tipTemplate, entryKind: 'tip' } } as const

/** Charges once, books the split, grants access; undoes what was done if a step after the charge fails. */
export async function runSale(s: Sale): Promise<PurchasePpvOutput> {
  const { workflowId } = workflowInfo()
  const { purchaseId, quote } = s
  await act.recordPurchase({ purchaseId, status: 'PENDING', create: { workflowId, kind: s.kind, fanId: s.fanId, creatorId: quote.creatorId,
    postId: s.postId, brand: quote.brand, amount: quote.amount, currency: quote.currency, processor: s.processor } })
  s.setState('charging')
  const charge = await act.chargeFan({ processor: s.processor, idempotencyKey: purchaseKey(purchaseId, 'charge'), paymentToken: s.paymentToken,
    amount: quote.amount, currency: quote.currency, description: s.description, reference: { workflowId, fanId: s.fanId } })
  if (charge.status === 'declined') {
    s.setState('declined')
    await act.recordPurchase({ purchaseId, status: 'DECLINED', transactionId: charge.transactionId, declineCode: charge.decline })
    return { state: 'declined', transactionId: charge.transactionId, reason: charge.message }
  }

  // quotes recorded before share deals, referrals and settlement currencies carry none of them: they replay as before
  const split = splitPurchase({ gross: money(quote.amount, quote.currency), taxBps: quote.taxBps, creatorShareBps: quote.creatorShareBps,
    processorFee: { kind: 'reported', amount: charge.processorFee }, referral: quote.referral ?? null, at: new Date().toISOString() })
  const settled = settleShares(split, quote.settlement ?? null)
  const book = { brand: quote.brand, currency: quote.currency }
  const { template, entryKind } = TEMPLATES[s.kind]
  const sale = template({ ...book, fanId: s.fanId, creatorId: quote.creatorId, processor: s.processor, jurisdiction: s.jurisdiction, split, settled })
  const undo: (() => Promise<unknown>)[] = []
  try {
    s.setState('posting')
    const posted = await act.postJournalEntry({ idempotencyKey: purchaseKey(purchaseId, 'sale'), kind: entryKind, memo: sale.memo, brand: quote.brand,
      postings: sale.postings, ...(settled.fx ? { fx: settled.fx } : {}),
      metadata: { purchaseId, transactionId: charge.transactionId, shareRuleId: quote.shareRuleId ?? null, ...s.metadata } })
    undo.push(() => act.postJournalEntry({ idempotencyKey: purchaseKey(purchaseId, 'sale:reversal'), kind: `${entryKind}_reversal`,
      memo: `reversal: ${sale.memo}`, brand: quote.brand, postings: reversalOf(sale.postings), reversesId: posted.entryId }))
    if (s.postId) {
      const grant = { fanId: s.fanId, postId: s.postId, purchaseId }
      s.setState('granting')
      await act.grantEntitlement(grant)
      undo.push(() => act.revokeEntitlement(grant))
    }
    await act.recordPurchase({ purchaseId, status: 'COMPLETED', transactionId: charge.transactionId, ledgerEntryId: posted.entryId,
      split: settled.fx ? { ...split, settled } : split })
    s.setState('completed')
  } catch (err) {
    s.setState('compensating')
    for (const step of undo.reverse()) await step()
    await act.refundCharge({ processor: s.processor, idempotencyKey: purchaseKey(purchaseId, 'refund'), transactionId: charge.transactionId,
      amount: quote.amount, currency: quote.currency, reason: 'purchase could not be completed' })
    const reason = err instanceof Error ? err.message : String(err)
    await act.recordPurchase({ purchaseId, status: 'FAILED', transactionId: charge.transactionId, failureReason: reason })
    s.setState('failed')
    return { state: 'failed', transactionId: charge.transactionId, reason }
  }

  // The creator's share stays pending through the chargeback window, then becomes payable. A window of zero days
  // waits for nothing: no timer (the server would fire even a zero-length one only after about a second).
  let takenBack = quote.chargebackWindowDays > 0 || !patched('sale-zero-window-no-timer')
    ? await condition(s.takenBack, `${quote.chargebackWindowDays} days`)
    : s.takenBack()
  // a takedown of the post freezes the share until it is lifted (reinstated) or the sale is refunded
  if (!takenBack && patched('sale-earnings-hold')) {
    await condition(() => !(s.held?.() ?? false) || s.takenBack())
    takenBack = s.takenBack()
  }
  if (!takenBack && settled.creator > 0) {
    const release = releasePendingTemplate({ brand: quote.brand, currency: settled.currency, creatorId: quote.creatorId, amount: settled.creator })
    await act.postJournalEntry({ idempotencyKey: purchaseKey(purchaseId, 'release'), kind: 'creator_share_release', memo: release.memo, brand: quote.brand, postings: release.postings })
  }
  return { state: 'completed', transactionId: charge.transactionId, reason: null }
}

export { act as saleActivities }
