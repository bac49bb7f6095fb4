import { useState } from 'react'
import { Alert, Box, Button, Stack } from '@mui/material'
import PauseIcon from '@mui/icons-material/Pause'
import PlayArrowIcon from '@mui/icons-material/PlayArrow'
import BoltIcon from '@mui/icons-material/Bolt'
import { Link, useNotify, useRefresh } from 'react-admin'
import { DecisionDialog } from '../media-reviews/DecisionDialog'
import type { ScheduleAction } from '../payout-items/api'
import { payoutApi } from '../payout-items/api'
import { TemporalLink } from '../temporal-link'
import type { PayoutScheduleRow } from './types'

const SPECS = {
  pause: { title: 'Pause payouts', color: 'warning', description: 'No scheduled run starts until it is resumed; runs already going carry on. The note is shown on the schedule.' },
  unpause: { title: 'Resume payouts', color: 'success', description: 'Scheduled runs start again at the next scheduled time; missed ones are not caught up.' },
  trigger: { title: 'Run payouts now', color: 'primary', description: 'Starts a manual run now, as of this moment, with the brand’s current settings.' },
} as const

const runsPath = (brand: string) => `/payout-runs?filter=${encodeURIComponent(JSON.stringify({ brand }))}`

/** Pause / Resume and Run now for one brand, each confirmed in a dialog with an optional note for the audit log. */
export function ScheduleActions({ row }: { row: PayoutScheduleRow }) {
  const [open, setOpen] = useState<ScheduleAction | null>(null)
  const [shown, setShown] = useState<ScheduleAction>('trigger')
  const notify = useNotify()
  const refresh = useRefresh()
  const paused = row.schedule?.paused ?? false
  const choose = (action: ScheduleAction) => {
    setShown(action)
    setOpen(action)
  }
  const spec = SPECS[open ?? shown]

  const run = async (action: ScheduleAction, note: string) => {
    const answer = await payoutApi.schedule(row.brand, action, note)
    setOpen(null)
    if (action === 'trigger' && answer.workflowId) {
      notify(
        <Alert severity="success" variant="filled" data-testid="payout-run-started">
          Payout run started for {row.name}: <TemporalLink workflowId={answer.workflowId} testId="payout-run-started-link" /> ·{' '}
          <Link to={runsPath(row.brand)} style={{ color: 'inherit' }}>see runs</Link>
        </Alert>,
        { type: 'success', autoHideDuration: 15_000 },
      )
    } else {
      notify(`${row.name}: payouts ${action === 'pause' ? 'paused' : 'resumed'}`, { type: 'success' })
    }
    refresh()
  }

  return (
    <Box component="span" onClick={(e) => e.stopPropagation()}>
      <Stack direction="row" spacing={1} data-testid={`schedule-actions-${row.brand}`}>
        {paused
          ? <Button size="small" variant="outlined" color="success" startIcon={<PlayArrowIcon />} onClick={() => choose('unpause')} data-testid="schedule-resume">Resume</Button>
          : <Button size="small" variant="outlined" color="warning" startIcon={<PauseIcon />} onClick={() => choose('pause')} data-testid="schedule-pause">Pause</Button>}
        <Button size="small" variant="contained" startIcon={<BoltIcon />} onClick={() => choose('trigger')} data-testid="schedule-run-now">Run now</Button>
      </Stack>
      <DecisionDialog open={open !== null} title={`${spec.title}: ${row.name}`} description={spec.description} confirmColor={spec.color}
        reasons={null} noteRequired={false} onClose={() => setOpen(null)} onConfirm={({ note }) => run(open ?? shown, note)} />
    </Box>
  )
}
