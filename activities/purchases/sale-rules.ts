/** The stored rules a sale is split by: the creator share deal, an active referral, and the settlement rate. */
import { ApplicationFailure } from '@temporalio/activity'
import type { Db } from '../../prisma/client.ts'
import { pickShareRule, type Referral } from '../../domain/revenue-split.ts'
import type { Settlement } from '../../domain/ledger/templates.ts'

export const SALE_RULE_ERRORS = { fxRateMissing: 'FX_RATE_MISSING' } as const

export type SaleRules = { creatorShareBps: number; shareRuleId: string | null; referral: Referral | null; settlement: Settlement | null }

/** Reads what decides a sale's split on `brand` for `creatorId` at `at`; refuses (non-retryable) a sale it cannot convert. */
export async function saleRules(db: Db, i: { brand: string; creatorId: string; currency: string; at: Date }): Promise<SaleRules> {
  const [brand, rules, referral] = await Promise.all([
    db.brand.findUniqueOrThrow({ where: { slug: i.brand }, select: { settlementCurrency: true } }),
    db.revenueShareRule.findMany({ where: { brand: i.brand, OR: [{ creatorId: i.creatorId }, { creatorId: null }], validFrom: { lte: i.at },
      AND: { OR: [{ validTo: null }, { validTo: { gt: i.at } }] } } }),
    db.referral.findFirst({ where: { brand: i.brand, creatorId: i.creatorId, startsAt: { lte: i.at }, endsAt: { gt: i.at } } }),
  ])
  const share = pickShareRule(rules.map((r) => ({ id: r.id, creatorId: r.creatorId, creatorShareBps: r.creatorShareBps,
    validFrom: r.validFrom.toISOString(), validTo: r.validTo?.toISOString() ?? null })), i.creatorId, i.at.toISOString())
  return {
    creatorShareBps: share.creatorShareBps, shareRuleId: share.ruleId,
    referral: referral && { referrerId: referral.referrerId, bps: referral.bps, endsAt: referral.endsAt.toISOString() },
    settlement: brand.settlementCurrency === i.currency ? null : await settlementRate(db, i.currency, brand.settlementCurrency, i.at),
  }
}

/** The newest rate on or before the sale's day, quoted directly or as the inverse of the opposite pair. */
async function settlementRate(db: Db, from: string, to: string, at: Date): Promise<Settlement> {
  const day = at.toISOString().slice(0, 10)
  const [row] = await db.$queryRaw<{ rate: string; asOf: Date; source: string }[]>`
    SELECT rate, as_of AS "asOf", source FROM (
      SELECT rate::text AS rate, as_of, source, 0 AS pref FROM fx_rates WHERE base = ${from} AND quote = ${to} AND as_of <= ${day}::date
      UNION ALL
      SELECT round(1 / rate, 10)::text, as_of, source || ' (inverse of ' || base || '/' || quote || ')', 1 FROM fx_rates
        WHERE base = ${to} AND quote = ${from} AND as_of <= ${day}::date
    ) r ORDER BY as_of DESC, pref LIMIT 1`
  if (!row) {
    throw ApplicationFailure.nonRetryable(`No ${from}/${to} exchange rate on or before ${day}; finance must add one.`, SALE_RULE_ERRORS.fxRateMissing)
  }
  const rate = row.rate.includes('.') ? row.rate.replace(/0+$/, '').replace(/\.$/, '') : row.rate
  return { currency: to, rate, asOf: row.asOf.toISOString().slice(0, 10), source: row.source }
}
