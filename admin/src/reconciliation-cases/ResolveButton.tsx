import { useState } from 'react'
import { Box, Button } from '@mui/material'
import { useNotify, useRefresh } from 'react-admin'
import { DecisionDialog } from '../media-reviews/DecisionDialog'
import { payoutApi } from '../payout-items/api'
import type { ReconciliationCase } from './types'
import { CASE_STATUS } from './types'

const MIN_RESOLUTION = 3
const HINT = 'Say what you found and what you did (a correcting entry, a rail ticket, a duplicate): it is kept on the case and in the audit log.'

/** Resolve, through a dialog that asks what finance found and did (kept on the case and in the audit log). */
export function ResolveButton({ c }: { c: ReconciliationCase }) {
  const [open, setOpen] = useState(false)
  const notify = useNotify()
  const refresh = useRefresh()
  if (c.status !== CASE_STATUS.open) return null
  return (
    // inside a list row: neither the button nor the dialog (a child in React's tree) may count as a row click
    <Box component="span" onClick={(e) => e.stopPropagation()}>
      <Button size="small" variant="outlined" onClick={() => setOpen(true)} data-testid="case-resolve">Resolve</Button>
      <DecisionDialog open={open} title={`Resolve ${c.kind.replaceAll('_', ' ').toLowerCase()} on ${c.rail}`} description={`${c.detail} ${HINT}`}
        reasons={null} noteRequired minNoteLength={MIN_RESOLUTION} onClose={() => setOpen(false)}
        onConfirm={async ({ note }) => {
          await payoutApi.resolveCase(c.id, note)
          setOpen(false)
          notify(`Case ${c.kind} ${c.providerRef} resolved`, { type: 'success' })
          refresh()
        }} />
    </Box>
  )
}
