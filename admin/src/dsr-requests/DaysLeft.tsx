import { Typography } from '@mui/material'
import type { PrivacyRequest } from './types'
import { isOpen } from './types'

// three days before the statutory deadline the request needs someone's attention today
const URGENT_DAYS = 3

const plural = (n: number) => `${n} day${n === 1 ? '' : 's'}`

/** '12 days', 'due today', 'overdue by 2 days'; a dash once the request is closed and the clock has stopped. */
export function formatDaysLeft(daysLeft: number | null): string {
  if (daysLeft === null) return '—'
  if (daysLeft < 0) return `overdue by ${plural(-daysLeft)}`
  return daysLeft === 0 ? 'due today' : plural(daysLeft)
}

/** The time left on the statutory clock, red when three days or fewer remain or the deadline has passed. */
export function DaysLeft({ request }: { request: Pick<PrivacyRequest, 'daysLeft' | 'status'> }) {
  if (!isOpen(request.status) || request.daysLeft === null) return <Typography component="span" variant="body2" color="text.secondary">—</Typography>
  const urgent = request.daysLeft <= URGENT_DAYS
  return (
    <Typography component="span" variant="body2" data-testid="dsr-days-left" data-days-left={request.daysLeft} data-urgent={urgent}
      sx={{ color: urgent ? 'error.main' : 'text.primary', fontWeight: urgent ? 600 : 400, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {formatDaysLeft(request.daysLeft)}
    </Typography>
  )
}
