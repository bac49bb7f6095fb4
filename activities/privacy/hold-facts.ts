/** The legal holds on a person's data now, from the records (2257, disputes, tax) and compliance's litigation holds. */
import type pg from 'pg'
import { evaluateHolds, type Hold } from '../../domain/privacy/holds.ts'

export async function holdsOf(pool: pg.Pool, personId: string, now: Date): Promise<Hold[]> {
  const [records, kyc, chargebacks, purchases, payouts, litigation] = await Promise.all([
    pool.query(`SELECT "id", "record_made_at" FROM "performer_records" WHERE "person_id" = $1::uuid`, [personId]),
    pool.query(`SELECT "id", "decided_at" FROM "kyc_cases" WHERE "person_id" = $1::uuid`, [personId]),
    pool.query(`SELECT "id", "opened_at" FROM "chargeback_cases" WHERE ("fan_id" = $1::uuid OR "creator_id" = $1::uuid) AND "status" = 'OPEN'`, [personId]),
    pool.query(`SELECT "id", "created_at" FROM "purchases" WHERE "fan_id" = $1::uuid AND "status" = 'COMPLETED'`, [personId]),
    pool.query(`SELECT max("updated_at") AS "last" FROM "payout_items" WHERE "creator_id" = $1::uuid AND "status" = 'PAID'`, [personId]),
    pool.query(`SELECT "id", "reason", "until" FROM "legal_holds" WHERE "person_id" = $1::uuid AND "released_at" IS NULL`, [personId]),
  ])
  // age checks of fans are not 2257 records: only a performer's verification backs their record
  const hasRecords = records.rows.length > 0
  return evaluateHolds({
    performerRecords: records.rows.map((r: { id: string; record_made_at: Date }) => ({ id: r.id, lastAmendedAt: r.record_made_at })),
    kycCases: hasRecords ? kyc.rows.map((r: { id: string; decided_at: Date | null }) => ({ id: r.id, decidedAt: r.decided_at })) : [],
    openChargebacks: chargebacks.rows.map((r: { id: string; opened_at: Date }) => ({ id: r.id, openedAt: r.opened_at })),
    recentPurchases: purchases.rows.map((r: { id: string; created_at: Date }) => ({ id: r.id, at: r.created_at })),
    payouts: payouts.rows[0]?.last ? { lastPaidAt: payouts.rows[0].last as Date } : null,
    litigation: litigation.rows.map((r: { id: string; reason: string; until: Date | null }) => ({ id: r.id, reason: r.reason, until: r.until })),
  }, now)
}
