import type { MouseEvent } from 'react'
import { useState } from 'react'
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material'
import EventBusyIcon from '@mui/icons-material/EventBusy'
import { useLogoutIfAccessDenied, useNotify, useRecordContext, useRefresh } from 'react-admin'
import { errorMessage, httpClient } from '../http-client'
import type { DealStatus } from './types'

type Props = { resource: 'revenue-share-rules' | 'referrals'; what: string }

/** Ends a share rule or referral now (POST /api/<resource>/:id/end), asking why for the audit trail. */
export function EndDealButton({ resource, what }: Props) {
  const record = useRecordContext<{ id: string; status: DealStatus }>()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const notify = useNotify()
  const refresh = useRefresh()
  const logoutIfAccessDenied = useLogoutIfAccessDenied()
  if (!record || record.status === 'ended') return null

  const end = async () => {
    setBusy(true)
    try {
      await httpClient(`/api/${resource}/${record.id}/end`, { method: 'POST', body: JSON.stringify({ reason }) })
      notify(`The ${what} has ended`, { type: 'success' })
      setOpen(false)
      refresh()
    } catch (error) {
      if (!(await logoutIfAccessDenied(error))) notify(errorMessage(error), { type: 'error' })
    } finally {
      setBusy(false)
    }
  }
  // inside a clickable row the button must not also open the row
  const openDialog = (event: MouseEvent) => {
    event.stopPropagation()
    setOpen(true)
  }

  return (
    <>
      <Button size="small" color="warning" startIcon={<EventBusyIcon />} onClick={openDialog} data-testid={`end-${resource}`}>End</Button>
      <Dialog open={open} onClose={() => setOpen(false)} onClick={(e) => e.stopPropagation()} fullWidth maxWidth="sm">
        <DialogTitle>End this {what} now?</DialogTitle>
        <DialogContent>
          <TextField autoFocus fullWidth margin="dense" label="Reason (kept in the audit log)" value={reason} onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'end-reason', maxLength: 500 } }} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button color="warning" variant="contained" disabled={busy || reason.trim().length < 3} onClick={() => void end()} data-testid="end-confirm">
            End {what}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  )
}
