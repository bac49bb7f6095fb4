import { useTheme } from '@mui/material'
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts'
import { formatMinor } from '../money'
import { ChartCard } from './ChartCard'
import type { SeriesPoint } from './types'
import { percent } from './types'

type Props = { points: SeriesPoint[]; currency: string }

/** Profit and loss, sales against what came back, and the chargeback rate, per bucket of one currency. */
export function RevenueCharts({ points, currency }: Props) {
  const { palette } = useTheme()
  const money = (value: unknown) => formatMinor(Number(value), currency)
  const rates = points.map((p) => ({ bucket: p.bucket, byCount: percent(p.chargebackCount, p.sales), byAmount: percent(p.chargebacks, p.grossSales) }))
  const axes = [
    <CartesianGrid key="grid" strokeDasharray="3 3" stroke={palette.divider} />,
    <XAxis key="x" dataKey="bucket" stroke={palette.text.secondary} />,
    <Legend key="legend" />,
  ]
  const moneyAxis = <YAxis stroke={palette.text.secondary} tickFormatter={money} width={90} />
  const tooltip = <Tooltip formatter={money} contentStyle={{ background: palette.background.paper }} />

  return (
    <>
      <ChartCard title="Profit and loss" subheader={`Platform revenue less processor fees and chargeback losses (${currency})`} testId="chart-pnl">
        <ComposedChart data={points}>
          {axes}{moneyAxis}{tooltip}
          <Bar dataKey="platformRevenue" name="Platform revenue" fill={palette.success.main} />
          <Bar dataKey="processorFees" name="Processor fees" fill={palette.warning.main} />
          <Bar dataKey="chargebackLosses" name="Chargeback losses" fill={palette.error.main} />
          <Line dataKey="netIncome" name="Net income" stroke={palette.primary.main} strokeWidth={2} dot={false} />
        </ComposedChart>
      </ChartCard>
      <ChartCard title="Sales, refunds and chargebacks" subheader={`Gross amounts paid by fans and taken back (${currency})`} testId="chart-sales">
        <BarChart data={points}>
          {axes}{moneyAxis}{tooltip}
          <Bar dataKey="grossSales" name="Gross sales" fill={palette.primary.main} />
          <Bar dataKey="refunds" name="Refunds" fill={palette.warning.main} />
          <Bar dataKey="chargebacks" name="Chargebacks" fill={palette.error.main} />
        </BarChart>
      </ChartCard>
      <ChartCard title="Chargeback rate" subheader="Chargebacks booked in a bucket over sales booked in it, by count and by amount" testId="chart-chargeback-rate">
        <LineChart data={rates}>
          {axes}
          <YAxis stroke={palette.text.secondary} tickFormatter={(v: number) => `${v} %`} width={60} />
          <Tooltip formatter={(v) => `${String(v)} %`} contentStyle={{ background: palette.background.paper }} />
          <ReferenceLine y={1} stroke={palette.error.main} strokeDasharray="4 4" label={{ value: '1 %', fill: palette.error.main, position: 'insideTopRight' }} />
          <Line dataKey="byCount" name="By count" stroke={palette.error.main} strokeWidth={2} dot={false} />
          <Line dataKey="byAmount" name="By amount" stroke={palette.warning.main} strokeWidth={2} dot={false} />
        </LineChart>
      </ChartCard>
    </>
  )
}
