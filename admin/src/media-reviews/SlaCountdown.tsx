import { useEffect, useState } from 'react'
import { Chip, Stack, Typography } from '@mui/material'
import { formatSpan } from './format'
import type { MediaView } from './types'

/** The current time, ticking every `intervalMs` (countdowns move without a refetch). */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}

// under an hour left is the team's cue to pick the item up before it escalates
const SOON_MS = 60 * 60 * 1000

type Item = Pick<MediaView, 'status' | 'reviewDueAt' | 'escalatedAt' | 'appealDeadline' | 'appealed'>

/** Time left to decide an item in review or an appeal (red once overdue or escalated), or for the creator to appeal a rejection. */
export function SlaCountdown({ item }: { item: Item }) {
  const now = useNow()
  // a decided appeal closes the window (the deadline moves to the decision); an open one has its own review deadline
  const windowOpen = !item.appealDeadline || Date.parse(item.appealDeadline) > now
  const appealed = item.status === 'REJECTED' && item.appealed === true
  if (appealed && !windowOpen) return <Typography variant="body2" color="text.secondary">appeal decided</Typography>
  if (item.status === 'REJECTED' && !appealed && item.appealDeadline) {
    const left = Date.parse(item.appealDeadline) - now
    return (
      <Typography variant="body2" color={left < 0 ? 'text.secondary' : 'text.primary'} data-testid="appeal-countdown">
        {left < 0 ? 'appeal window closed' : `appeal: ${formatSpan(left)} left`}
      </Typography>
    )
  }
  if ((item.status !== 'IN_REVIEW' && !appealed) || !item.reviewDueAt) return <span>—</span>
  const left = Date.parse(item.reviewDueAt) - now
  const overdue = left < 0
  const color = overdue || item.escalatedAt ? 'error.main' : left < SOON_MS ? 'warning.main' : 'text.primary'
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }} data-testid="sla-countdown" data-overdue={overdue ? 'true' : 'false'}
      title={`Due ${new Date(item.reviewDueAt).toLocaleString()}`}>
      {item.escalatedAt && <Chip size="small" color="error" label="escalated" data-testid="escalated-chip" />}
      <Typography variant="body2" sx={{ color, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {overdue ? `overdue ${formatSpan(left)}` : `${formatSpan(left)} left`}
      </Typography>
    </Stack>
  )
}
