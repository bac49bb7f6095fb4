import { useState } from 'react'
import { Box, Button } from '@mui/material'
import LockOpenIcon from '@mui/icons-material/LockOpen'
import { httpClient } from '../http-client'
import { CommandDialog } from '../dsr-requests/CommandDialog'
import type { LegalHold } from './types'

/** Releases an active hold (POST /api/legal-holds/:id/release) with the reason; erasures waiting on it can then finish. */
export function ReleaseHoldButton({ hold }: { hold: LegalHold }) {
  const [open, setOpen] = useState(false)
  if (!hold.active) return null
  return (
    // inside a clickable list row the button must not also open the row
    <Box component="span" onClick={(e) => e.stopPropagation()}>
      <Button size="small" color="warning" startIcon={<LockOpenIcon />} onClick={() => setOpen(true)} data-testid="hold-release">Release</Button>
      <CommandDialog open={open} onClose={() => setOpen(false)} testId="hold-release" textLabel="Reason" confirmLabel="Release hold" confirmColor="warning"
        title={`Release the hold on ${hold.personEmail}`}
        description={`Set for: ${hold.reason}. Once released, the person's data is no longer kept back for this hold.`}
        onConfirm={async ({ text }) => {
          await httpClient(`/api/legal-holds/${encodeURIComponent(hold.id)}/release`, { method: 'POST', body: JSON.stringify({ reason: text }) })
          return `Hold on ${hold.personEmail} released`
        }} />
    </Box>
  )
}
