/** GET /api/reports/revenue-series: per bucket (UTC) and currency, amounts in integer minor units. */
export const BUCKETS = ['day', 'week', 'month'] as const
export type Bucket = (typeof BUCKETS)[number]

export type SeriesPoint = {
  /** first day of the bucket, YYYY-MM-DD */
  bucket: string
  grossSales: number
  refunds: number
  chargebacks: number
  platformRevenue: number
  creatorEarnings: number
  creatorReleased: number
  processorFees: number
  chargebackLosses: number
  netIncome: number
  sales: number
  refundCount: number
  chargebackCount: number
}

export type RevenueSeries = {
  from: string
  to: string
  bucket: Bucket
  brand: string | null
  series: { currency: string; points: SeriesPoint[] }[]
}

/** What the page asks for: a range of days, a bucket size, one currency, one brand or all. */
export type SeriesQuery = { from: string; to: string; bucket: Bucket; currency: string; brand: string }

/** The range [from, to) as instants: whole UTC days, `to` inclusive of its day. */
export const rangeOf = (q: Pick<SeriesQuery, 'from' | 'to'>) => ({
  from: new Date(`${q.from}T00:00:00Z`).toISOString(),
  to: new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000).toISOString(),
})

/** Part over whole as a percentage, 0 when there is no whole. */
export const percent = (part: number, whole: number): number => (whole > 0 ? Math.round((part / whole) * 10_000) / 100 : 0)
