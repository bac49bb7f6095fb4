import type { ReactNode } from 'react'
import { Box, Typography } from '@mui/material'

/** One labelled figure of a show page's header (a payout, a run). */
export function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Box sx={{ minWidth: 140 }} data-testid={testId}>
      <Typography variant="caption" color="text.secondary" component="div">{label}</Typography>
      <Typography variant="body2" component="div" sx={{ overflowWrap: 'anywhere' }}>{children}</Typography>
    </Box>
  )
}
