/** Activities of a chargeback: read the case, keep the evidence in object storage, flag the fan. */
import { ApplicationFailure } from '@temporalio/activity'
import type { Db } from '../../prisma/client.ts'
import { CHARGEBACK_FEES } from '../../domain/ledger/accounts.ts'
import { BUCKETS } from '../../domain/storage.ts'
import type { ChargebackCase, ChargebackCaseRecord } from '../../workflows/handle-chargeback.contract.ts'
import { creatorClawbackLimit, readBookedSale } from '../purchases/sale-record.ts'
import type { StorageClient } from '../storage/client.ts'

const json = (v: unknown) => JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x))) as unknown

export function createChargebackActivities({ db, storage }: { db: Db; storage: StorageClient }) {
  return {
    /** Reads the reversed sale: purchase, its sale entry, and what the creator's account can give back. */
    async loadChargebackCase(i: { processor: string; transactionId: string; purchaseWorkflowId: string }): Promise<ChargebackCase> {
      const purchase = await db.purchase.findFirst({ where: { processor: i.processor, transactionId: i.transactionId } })
      if (!purchase) {
        throw ApplicationFailure.nonRetryable(`no ${i.processor} purchase ${i.transactionId} in ${i.purchaseWorkflowId}`, 'UNKNOWN_PURCHASE')
      }
      const sale = await readBookedSale(db, purchase)
      if (!sale) throw ApplicationFailure.nonRetryable('the purchase has no sale entry', 'NO_SALE_ENTRY')
      const clawbackLimit = await creatorClawbackLimit(db, sale)
      return {
        purchaseId: purchase.id, fanId: purchase.fanId, postId: purchase.postId, creatorId: purchase.creatorId, brand: purchase.brand,
        currency: purchase.currency, amount: purchase.amount, saleEntryId: sale.saleEntryId, salePostings: sale.salePostings, creatorShareStillPending: !sale.released,
        clawbackLimit, chargebackFee: CHARGEBACK_FEES[i.processor] ?? 0,
      }
    },

    /** Writes everything we know about the sale to object storage for the dispute (same key on retry). */
    async assembleEvidencePack(i: { workflowId: string; processor: string; transactionId: string; purchaseId: string; purchaseWorkflowId: string }) {
      const [purchase, entitlements, events, entries, audit] = await Promise.all([
        db.purchase.findUnique({ where: { id: i.purchaseId } }),
        db.entitlement.findMany({ where: { purchaseId: i.purchaseId } }),
        db.processorEventRecord.findMany({ where: { processor: i.processor, transactionId: i.transactionId }, orderBy: { receivedAt: 'asc' } }),
        db.journalEntry.findMany({ where: { workflowId: { in: [i.purchaseWorkflowId, i.workflowId] } }, include: { postings: { include: { account: true } } } }),
        db.auditLog.findMany({ where: { resourceType: 'purchase', resourceId: i.purchaseId } }),
      ])
      const key = `evidence/chargebacks/${i.processor}/${i.transactionId}.json`
      const body = Buffer.from(JSON.stringify(json({ assembledBy: i.workflowId, purchase, entitlements, processorEvents: events, ledgerEntries: entries, audit }), null, 2))
      await storage.putObject(BUCKETS.exports.name, key, body, body.length, { 'Content-Type': 'application/json' })
      return key
    },

    /** Keeps the case's read model for the finance back office (insert once, then the outcome). */
    async recordChargebackCase(r: ChargebackCaseRecord): Promise<void> {
      const { outcome, ...fields } = r
      const closed = outcome ? { clawedBack: outcome.clawedBack, loss: outcome.loss, fee: outcome.fee, ledgerEntryId: BigInt(outcome.ledgerEntryId),
        evidenceKey: outcome.evidenceKey, closedAt: new Date() } : {}
      await db.chargebackCase.upsert({ where: { workflowId: r.workflowId }, create: { ...fields, ...closed },
        update: { status: r.status, ...closed } })
    },

    /** Marks the fan for review in the audit trail (once per chargeback). */
    async flagFan(i: { fanId: string; workflowId: string; reason: string; evidenceKey: string }): Promise<void> {
      const done = await db.auditLog.findFirst({ where: { action: 'fan.flagged', workflowId: i.workflowId } })
      if (done) return
      await db.auditLog.create({ data: { action: 'fan.flagged', resourceType: 'person', resourceId: i.fanId, reason: i.reason,
        workflowId: i.workflowId, details: { evidenceKey: i.evidenceKey } } })
    },
  }
}
