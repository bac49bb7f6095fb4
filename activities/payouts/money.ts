/** The ledger side of a payout: lock (netting, reserve, available -> in transit), settle, or reverse back to available. */
import { ApplicationFailure } from '@temporalio/activity'
import type { Db } from '../../prisma/client.ts'
import { payoutReturnedTemplate, payoutSentTemplate, payoutSettledTemplate, receivableNettingTemplate, reserveHoldTemplate, reserveReleaseTemplate,
  type PayoutTemplate } from '../../domain/ledger/payout-templates.ts'
import { reversalOf } from '../../domain/ledger/templates.ts'
import { LEDGER_REFUSALS } from '../../domain/ledger/validate.ts'
import { payoutKey, type PayoutItemStatus } from '../../workflows/payouts.contract.ts'
import { currentCause } from '../ledger/cause.ts'
import { LedgerRefusal, type EntryInput, type LedgerStore } from '../ledger/store.ts'

export type PayoutBook = { itemId: string; workflowId: string; brand: string; currency: string; creatorId: string }

const entryOf = (b: PayoutBook, step: Parameters<typeof payoutKey>[1], kind: string, template: PayoutTemplate, amount: number, reason?: string): EntryInput => {
  const e = template({ brand: b.brand, currency: b.currency, creatorId: b.creatorId, amount, reason })
  return { idempotencyKey: payoutKey(b.workflowId, step), kind, brand: b.brand, memo: e.memo, postings: e.postings, metadata: { payoutItemId: b.itemId } }
}

export function createPayoutMoneyActivities({ db, ledger }: { db: Db; ledger: LedgerStore }) {
  return {
    /**
     * Takes the payout out of the creator's available balance in one atomic batch: what they owe back is netted, the
     * reserve is kept back, the amount moves to payouts in transit. A balance that shrank meanwhile (a late chargeback)
     * is refused by the ledger's no-overdraft rule: BALANCE_CHANGED, nothing posted.
     */
    async lockPayout(i: PayoutBook & { amount: number; reserve: number; netted: number; reserveDays: number }): Promise<void> {
      const entries = [
        ...(i.netted > 0 ? [entryOf(i, 'netting', 'payout_netting', receivableNettingTemplate, i.netted)] : []),
        ...(i.reserve > 0 ? [entryOf(i, 'reserve', 'payout_reserve', reserveHoldTemplate, i.reserve)] : []),
        entryOf(i, 'in-transit', 'payout_sent', payoutSentTemplate, i.amount),
      ]
      try {
        await ledger.postEntries(entries, currentCause())
      } catch (err) {
        if (err instanceof LedgerRefusal && err.code === LEDGER_REFUSALS.insufficientFunds) {
          throw ApplicationFailure.nonRetryable('The available balance shrank since the payout was assessed (a refund or chargeback came in).', 'BALANCE_CHANGED')
        }
        throw err
      }
      if (i.reserve > 0) {
        const releaseAt = new Date(Date.now() + i.reserveDays * 86_400_000)
        await db.payoutReserve.upsert({ where: { itemId: i.itemId }, update: {},
          create: { itemId: i.itemId, creatorId: i.creatorId, brand: i.brand, currency: i.currency, amount: i.reserve, releaseAt } })
      }
      await db.payoutItem.update({ where: { id: i.itemId }, data: { status: 'SENDING', amount: i.amount, reserve: i.reserve, netted: i.netted, updatedAt: new Date() } })
    },

    /** The rail confirmed the payout: in transit -> settled, and the item is PAID. */
    async settlePayout(i: PayoutBook & { amount: number; settledAt: string | null }): Promise<void> {
      await ledger.postEntries([entryOf(i, 'settled', 'payout_settled', payoutSettledTemplate, i.amount)], currentCause())
      await db.payoutItem.update({ where: { id: i.itemId }, data: { status: 'PAID', settledAt: i.settledAt ? new Date(i.settledAt) : new Date(), updatedAt: new Date() } })
    },

    /** The payout failed on every rail, or came back: in transit -> available again, with the reason on the entry and the item. */
    async reversePayout(i: PayoutBook & { amount: number; status: Extract<PayoutItemStatus, 'RETURNED' | 'FAILED'>; failureCode: string; reason: string
      /** the rail had confirmed it: the settlement is reversed first (a new entry), then the money goes back to available */
      wasSettled: boolean }): Promise<void> {
      const settled = entryOf(i, 'settled', 'payout_settled', payoutSettledTemplate, i.amount)
      const unsettle: EntryInput = { ...settled, idempotencyKey: payoutKey(i.workflowId, 'settled:reversal'), kind: 'payout_settlement_reversal',
        memo: `settlement reversed: ${i.reason}`, postings: reversalOf(settled.postings) }
      // the reserve kept back from a payout that did not happen goes back too, or the next run would keep it back again
      const reserve = await db.payoutReserve.findUnique({ where: { itemId: i.itemId } })
      const unreserve = reserve && !reserve.releasedAt ? [entryOf(i, 'reserve:reversal', 'payout_reserve_release', reserveReleaseTemplate, reserve.amount, i.reason)] : []
      await ledger.postEntries([...(i.wasSettled ? [unsettle] : []), entryOf(i, 'returned', 'payout_returned', payoutReturnedTemplate, i.amount, i.reason), ...unreserve],
        currentCause())
      if (reserve) await db.payoutReserve.updateMany({ where: { id: reserve.id, releasedAt: null }, data: { releasedAt: new Date() } })
      await db.payoutItem.update({ where: { id: i.itemId }, data: { status: i.status, failureCode: i.failureCode, failureMessage: i.reason, updatedAt: new Date() } })
    },
  }
}
