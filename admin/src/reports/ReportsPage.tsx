import { useState } from 'react'
import { Alert, Box, LinearProgress, Typography } from '@mui/material'
import { Title } from 'react-admin'
import { ReportFilters } from './ReportFilters'
import { RevenueCharts } from './RevenueCharts'
import { SeriesTotals } from './SeriesTotals'
import { StatementDownloads } from './StatementDownloads'
import type { SeriesQuery } from './types'
import { useRevenueSeries } from './use-revenue-series'

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

/** Finance over time from the ledger: P&L, sales against refunds and chargebacks, the chargeback rate, and statements. */
export function ReportsPage() {
  const [query, setQuery] = useState<SeriesQuery>({ from: day(-29), to: day(0), bucket: 'day', currency: 'USD', brand: '' })
  const { data, loading } = useRevenueSeries(query)
  const points = data?.series.find((s) => s.currency === query.currency)?.points ?? []

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="Reports" />
      <Typography variant="h5" sx={{ mb: 2 }}>Reports</Typography>
      <ReportFilters query={query} onChange={setQuery} />
      {loading && <LinearProgress sx={{ mb: 2 }} />}
      {data && points.every((p) => p.sales === 0 && p.refundCount === 0 && p.chargebackCount === 0) && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="reports-empty">No sales, refunds or chargebacks in {query.currency} in this range.</Alert>
      )}
      <SeriesTotals points={points} currency={query.currency} />
      <RevenueCharts points={points} currency={query.currency} />
      <StatementDownloads query={query} />
    </Box>
  )
}
