import type { FormEvent } from 'react'
import { useState } from 'react'
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material'
import { HttpError, useLogoutIfAccessDenied, useNotify, useRefresh } from 'react-admin'
import { errorMessage } from '../http-client'
import { payoutApi } from '../payout-items/api'
import type { ReconciliationCase } from './types'

const MIN = 3

/** Resolve, through a dialog that asks what finance found and did (kept on the case and in the audit log). */
export function ResolveButton({ c }: { c: ReconciliationCase }) {
  const [open, setOpen] = useState(false)
  if (c.status !== 'OPEN') return null
  return (
    // inside a list row: neither the button nor the dialog (a child in React's tree) may count as a row click
    <Box component="span" onClick={(e) => e.stopPropagation()}>
      <Button size="small" variant="outlined" onClick={() => setOpen(true)} data-testid="case-resolve">Resolve</Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" data-testid="resolve-dialog">
        {open && <ResolveForm c={c} onClose={() => setOpen(false)} />}
      </Dialog>
    </Box>
  )
}

function ResolveForm({ c, onClose }: { c: ReconciliationCase; onClose: () => void }) {
  const [resolution, setResolution] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const notify = useNotify()
  const refresh = useRefresh()
  const logoutIfAccessDenied = useLogoutIfAccessDenied()
  const valid = resolution.trim().length >= MIN

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!valid || busy) return
    setBusy(true)
    setError(null)
    try {
      await payoutApi.resolveCase(c.id, resolution)
      notify(`Case ${c.kind} ${c.providerRef} resolved`, { type: 'success' })
      onClose()
      refresh()
    } catch (caught) {
      if (await logoutIfAccessDenied(caught)) return
      setError(errorMessage(caught))
      // CASE_CLOSED: someone resolved it first; show the list as it is now
      if (caught instanceof HttpError && caught.status === 409) refresh()
    } finally {
      setBusy(false)
    }
  }
  return (
    <Box component="form" onSubmit={(e: FormEvent) => void submit(e)} noValidate>
      <DialogTitle>Resolve {c.kind.replaceAll('_', ' ').toLowerCase()} on {c.rail}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{c.detail}</DialogContentText>
        <TextField label="Resolution" value={resolution} onChange={(e) => setResolution(e.target.value)} multiline minRows={3} fullWidth autoFocus required
          helperText="What you found and what you did (a correcting entry, a rail ticket, a duplicate). Kept on the case and in the audit log."
          slotProps={{ htmlInput: { 'data-testid': 'resolve-resolution', maxLength: 2000 } }} />
        {error && <Alert severity="error" sx={{ mt: 2 }} data-testid="resolve-error">{error}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>Cancel</Button>
        <Button type="submit" variant="contained" disabled={!valid || busy} data-testid="resolve-confirm">Resolve</Button>
      </DialogActions>
    </Box>
  )
}
