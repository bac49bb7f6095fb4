import { Card, CardContent, Grid, Typography } from '@mui/material'
import { formatMinor } from '../money'
import type { SeriesPoint } from './types'
import { percent } from './types'

const KEYS = ['grossSales', 'refunds', 'chargebacks', 'platformRevenue', 'creatorEarnings', 'processorFees', 'chargebackLosses', 'netIncome',
  'sales', 'chargebackCount'] as const

/** The range's totals at a glance. */
export function SeriesTotals({ points, currency }: { points: SeriesPoint[]; currency: string }) {
  const total = Object.fromEntries(KEYS.map((k) => [k, points.reduce((s, p) => s + p[k], 0)])) as Record<(typeof KEYS)[number], number>
  const tiles: [string, string, string][] = [
    ['Gross sales', formatMinor(total.grossSales, currency), 'grossSales'],
    ['Refunds', formatMinor(total.refunds, currency), 'refunds'],
    ['Chargebacks', formatMinor(total.chargebacks, currency), 'chargebacks'],
    ['Platform revenue', formatMinor(total.platformRevenue, currency), 'platformRevenue'],
    ['Creator earnings', formatMinor(total.creatorEarnings, currency), 'creatorEarnings'],
    ['Net income', formatMinor(total.netIncome, currency), 'netIncome'],
    ['Chargeback rate', `${percent(total.chargebackCount, total.sales)} % of ${total.sales} sales`, 'chargebackRate'],
  ]
  return (
    <Grid container spacing={2} sx={{ mb: 2 }}>
      {tiles.map(([label, value, key]) => (
        <Grid key={key} size={{ xs: 6, md: 3, lg: 'grow' }}>
          <Card variant="outlined" data-testid={`total-${key}`}>
            <CardContent>
              <Typography variant="caption" color="text.secondary">{label}</Typography>
              <Typography variant="h6">{value}</Typography>
            </CardContent>
          </Card>
        </Grid>
      ))}
    </Grid>
  )
}
