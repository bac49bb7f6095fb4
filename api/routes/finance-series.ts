/** Finance over time for the back office charts: sales, refunds, chargebacks, revenue, earnings and fees per day, week or month. */
import { Router } from 'express'
import { z } from 'zod'
import type pg from 'pg'
import { isCurrency } from '../../domain/money.ts'
import { authorize, brandScope } from '../authz.ts'
import { DomainError } from '../errors.ts'

const DAY = 86_400_000
/** The longest range one request may cover (a year and a bit, so a year over year view fits). */
export const MAX_RANGE_DAYS = 400

const seriesQuery = z.object({
  from: z.coerce.date('from must be a date (ISO 8601)').optional(), to: z.coerce.date('to must be a date (ISO 8601)').optional(),
  brand: z.string().min(2).max(40).optional(), currency: z.string().refine(isCurrency, 'currency must be a supported ISO code').optional(),
  bucket: z.enum(['day', 'week', 'month']).default('day'),
})

// Entry kinds (journal_entries.kind) the series reads; reversals undo a sale that could not complete.
const SALES = ['ppv_purchase', 'tip', 'ppv_purchase_reversal', 'tip_reversal']
const EARNINGS = [...SALES, 'refund', 'chargeback']

/**
 * One row per entry and currency with the movement on each account group (signed: debit > 0, credit < 0). A sale's
 * gross is what the processor owes us before its fee: clearing + fees. Refunds and chargebacks undo the sale they
 * reverse, so their amount is that sale's gross (a chargeback's own clearing postings also carry the chargeback fee).
 * A sale settled in another currency also has postings there (the creator share, fx position): it counts, and its
 * gross shows, in the currency it was charged in; the creator's earnings show in the currency they are owed in.
 */
const SERIES_SQL = `
WITH moves AS (
  SELECT e.id, e.kind, e.reverses_id, e.created_at, p.currency,
    sum(p.amount) FILTER (WHERE a.kind IN ('processor_clearing', 'processor_fees')) AS charged,
    sum(p.amount) FILTER (WHERE a.kind = 'platform_revenue') AS platform,
    sum(p.amount) FILTER (WHERE a.kind IN ('creator_pending', 'creator_available', 'creator_receivable')) AS creator,
    sum(p.amount) FILTER (WHERE a.kind = 'creator_available') AS available,
    sum(p.amount) FILTER (WHERE a.kind = 'processor_fees') AS fees,
    sum(p.amount) FILTER (WHERE a.kind = 'chargeback_losses') AS losses
  FROM journal_entries e JOIN postings p ON p.entry_id = e.id JOIN ledger_accounts a ON a.id = p.account_id
  WHERE e.created_at >= $1 AND e.created_at < $2 AND ($3::text IS NULL OR p.currency = $3) AND ($5::text[] IS NULL OR a.brand = ANY($5::text[]))
  GROUP BY e.id, p.currency
), reversed AS (
  SELECT p.entry_id, p.currency, sum(p.amount) AS charged FROM postings p JOIN ledger_accounts a ON a.id = p.account_id
  WHERE a.kind IN ('processor_clearing', 'processor_fees') AND p.entry_id IN (SELECT reverses_id FROM moves WHERE kind IN ('refund', 'chargeback'))
  GROUP BY 1, 2
), buckets AS (
  SELECT generate_series(date_trunc($4::text, $1::timestamptz AT TIME ZONE 'UTC'), ($2::timestamptz - interval '1 millisecond') AT TIME ZONE 'UTC',
    ('1 ' || $4::text)::interval) AS bucket
), currencies AS (
  SELECT currency FROM moves UNION SELECT $3::text WHERE $3::text IS NOT NULL
)
SELECT c.currency, to_char(b.bucket, 'YYYY-MM-DD') AS bucket,
  coalesce(sum(m.charged) FILTER (WHERE m.kind = ANY($6::text[])), 0)::text AS gross_sales,
  coalesce(sum(r.charged) FILTER (WHERE m.kind = 'refund'), 0)::text AS refunds,
  coalesce(sum(r.charged) FILTER (WHERE m.kind = 'chargeback'), 0)::text AS chargebacks,
  coalesce(-sum(m.platform), 0)::text AS platform_revenue,
  coalesce(-sum(m.creator) FILTER (WHERE m.kind = ANY($7::text[])), 0)::text AS creator_earnings,
  coalesce(-sum(m.available) FILTER (WHERE m.kind = 'creator_share_release'), 0)::text AS creator_released,
  coalesce(sum(m.fees), 0)::text AS processor_fees,
  coalesce(sum(m.losses), 0)::text AS chargeback_losses,
  (count(m.charged) FILTER (WHERE m.kind IN ('ppv_purchase', 'tip'))
    - count(m.charged) FILTER (WHERE m.kind IN ('ppv_purchase_reversal', 'tip_reversal')))::int AS sales,
  count(r.charged) FILTER (WHERE m.kind = 'refund')::int AS refund_count,
  count(r.charged) FILTER (WHERE m.kind = 'chargeback')::int AS chargeback_count
FROM currencies c CROSS JOIN buckets b
  LEFT JOIN moves m ON m.currency = c.currency AND date_trunc($4::text, m.created_at AT TIME ZONE 'UTC') = b.bucket
  LEFT JOIN reversed r ON r.entry_id = m.reverses_id AND r.currency = m.currency
GROUP BY c.currency, b.bucket ORDER BY c.currency, b.bucket`

type Row = { currency: string; bucket: string; gross_sales: string; refunds: string; chargebacks: string; platform_revenue: string
  creator_earnings: string; creator_released: string; processor_fees: string; chargeback_losses: string; sales: number; refund_count: number
  chargeback_count: number }

const point = (r: Row) => {
  const [platformRevenue, processorFees, chargebackLosses] = [Number(r.platform_revenue), Number(r.processor_fees), Number(r.chargeback_losses)]
  return { bucket: r.bucket, grossSales: Number(r.gross_sales), refunds: Number(r.refunds), chargebacks: Number(r.chargebacks), platformRevenue,
    creatorEarnings: Number(r.creator_earnings), creatorReleased: Number(r.creator_released), processorFees, chargebackLosses,
    netIncome: platformRevenue - processorFees - chargebackLosses, sales: r.sales, refundCount: r.refund_count, chargebackCount: r.chargeback_count }
}

export function createFinanceSeriesRouter({ pool }: { pool: pg.Pool }): Router {
  const router = Router()

  /** Per bucket (UTC) and currency, in minor units: never a sum across currencies. Range [from, to), default the last 30 days. */
  router.get('/reports/revenue-series', authorize('finance', 'read', (req) => (typeof req.query.brand === 'string' ? req.query.brand : undefined)),
    async (req, res) => {
      const q = seriesQuery.parse(req.query)
      const to = q.to ?? new Date()
      const from = q.from ?? new Date(to.getTime() - 30 * DAY)
      if (from >= to) throw new DomainError('invalidRange', 'from must be before to.')
      if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY) throw new DomainError('invalidRange', `The range may cover at most ${MAX_RANGE_DAYS} days.`)
      const scope = brandScope(req, 'finance', 'read')
      const brands = q.brand ? [q.brand] : scope === 'all' ? null : scope
      const { rows } = await pool.query<Row>(SERIES_SQL, [from, to, q.currency ?? null, q.bucket, brands, SALES, EARNINGS])
      const currencies = [...new Set(rows.map((r) => r.currency))]
      res.json({ from: from.toISOString(), to: to.toISOString(), bucket: q.bucket, brand: q.brand ?? null,
        series: currencies.map((currency) => ({ currency, points: rows.filter((r) => r.currency === currency).map(point) })) })
    })
  return router
}
