import type { ReactNode } from 'react'
import { Card, CardContent, CardHeader } from '@mui/material'
import { ResponsiveContainer } from 'recharts'

/** A titled card holding one chart at a fixed height, full width. */
export function ChartCard({ title, subheader, testId, children }: { title: string; subheader: string; testId: string; children: ReactNode }) {
  return (
    <Card sx={{ mb: 2 }} data-testid={testId}>
      <CardHeader title={title} subheader={subheader} />
      <CardContent sx={{ height: 320 }}>
        <ResponsiveContainer width="100%" height="100%">{children}</ResponsiveContainer>
      </CardContent>
    </Card>
  )
}
