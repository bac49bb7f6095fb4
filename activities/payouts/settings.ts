/** A brand's payout policy as stored (payout_settings), with the defaults for a brand that has no row yet. */
import type { Db } from '../../prisma/client.ts'

export type PayoutSettingsRow = {
  brand: string
  currency: string
  cadence: 'weekly' | 'biweekly' | 'monthly'
  weekday: number
  dayOfMonth: number
  hourUtc: number
  minimum: number
  reserveBps: number
  reserveDays: number
  approvalThreshold: number
}

/** The brand's payout settings; a brand without a row gets the defaults in its settlement currency (and the row). */
export async function payoutSettingsOf(db: Db, brand: string): Promise<PayoutSettingsRow> {
  const row = await db.payoutSetting.findUnique({ where: { brand } })
    ?? await db.payoutSetting.upsert({ where: { brand }, update: {}, create: { brand, currency:
      (await db.brand.findUnique({ where: { slug: brand }, select: { settlementCurrency: true } }))?.settlementCurrency ?? 'USD' } })
  return { brand: row.brand, currency: row.currency, cadence: row.cadence as PayoutSettingsRow['cadence'], weekday: row.weekday,
    dayOfMonth: row.dayOfMonth, hourUtc: row.hourUtc, minimum: row.minimum, reserveBps: row.reserveBps, reserveDays: row.reserveDays,
    approvalThreshold: row.approvalThreshold }
}
