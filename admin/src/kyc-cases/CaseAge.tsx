import { Typography } from '@mui/material'

// a case waiting longer than a day is overdue for the team; three days is an escalation
const OVERDUE_HOURS = 24
const LATE_HOURS = 72

/** '5 h', '2 d 3 h'. */
export function formatAge(hours: number): string {
  if (hours < 24) return `${hours} h`
  const days = Math.floor(hours / 24)
  const rest = hours % 24
  return rest ? `${days} d ${rest} h` : `${days} d`
}

/** How long a case has been open, coloured once it is overdue. */
export function CaseAge({ hours }: { hours: number }) {
  const color = hours >= LATE_HOURS ? 'error.main' : hours >= OVERDUE_HOURS ? 'warning.main' : 'text.primary'
  return (
    <Typography component="span" variant="body2" sx={{ color, fontVariantNumeric: 'tabular-nums' }} data-testid="kyc-case-age" data-age-hours={hours}>
      {formatAge(hours)}
    </Typography>
  )
}
