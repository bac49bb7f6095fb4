import type { FormEvent, KeyboardEvent } from 'react'
import { useState } from 'react'
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material'
import { HttpError, useLogoutIfAccessDenied, useRefresh } from 'react-admin'
import { errorMessage } from '../http-client'
import type { Reason } from './types'

export type DialogValues = { reasonCode: string; note: string }

export type DecisionDialogProps = {
  open: boolean
  title: string
  description?: string
  confirmColor?: 'primary' | 'success' | 'error' | 'warning'
  /** the codes to choose from; null when the action takes no reason (reinstate, appeal decisions) */
  reasons: Reason[] | null
  /** whether the note must be filled, for a reason code (or always) */
  noteRequired: boolean | ((reasonCode: string) => boolean)
  /** the fewest characters a required note may have (1 unless said) */
  minNoteLength?: number
  onConfirm: (values: DialogValues) => Promise<void>
  onClose: () => void
}

/**
 * The confirm step of every review action: a reason (select labelled "Reason"), a note for the trail ("Note") and
 * "Confirm". The server's refusal (422 NOTE_REQUIRED, 409 NOT_IN_REVIEW, 403) is shown inline, the dialog stays open.
 */
export function DecisionDialog(props: DecisionDialogProps) {
  const { open, title, onClose } = props
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="decision-dialog-title" data-testid="decision-dialog">
      {/* mounted per opening (the dialog drops its content once closed), so every decision starts from a clean form */}
      <DecisionForm key={title} {...props} />
    </Dialog>
  )
}

function DecisionForm({ title, description, confirmColor = 'primary', reasons, noteRequired, minNoteLength = 1, onConfirm, onClose }: DecisionDialogProps) {
  const [reasonCode, setReasonCode] = useState(reasons?.length === 1 ? (reasons[0]?.code ?? '') : '')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const logoutIfAccessDenied = useLogoutIfAccessDenied()
  const refresh = useRefresh()

  const needsNote = typeof noteRequired === 'function' ? noteRequired(reasonCode) : noteRequired
  const valid = (reasons === null || reasonCode !== '') && (!needsNote || note.trim().length >= minNoteLength)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!valid || busy) return
    setBusy(true)
    setError(null)
    try {
      await onConfirm({ reasonCode, note })
    } catch (caught) {
      if (await logoutIfAccessDenied(caught)) return
      setError(errorMessage(caught))
      // NOT_IN_REVIEW and the like: someone decided first; show the item as it is now behind the dialog
      if (caught instanceof HttpError && caught.status === 409) refresh()
    } finally {
      setBusy(false)
    }
  }
  // Ctrl/Cmd+Enter confirms from the note, so a moderator never has to reach for the mouse
  const submitOnCtrlEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) (event.currentTarget.closest('form') as HTMLFormElement | null)?.requestSubmit()
  }
  const focusSelect = reasons !== null && reasons.length > 1
  const focusNote = !focusSelect && needsNote

  return (
    <Box component="form" onSubmit={(event: FormEvent) => void submit(event)} noValidate>
      <DialogTitle id="decision-dialog-title">{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {description && <DialogContentText>{description}</DialogContentText>}
          {reasons !== null && (
            <TextField select id="decision-reason" label="Reason" value={reasonCode} onChange={(e) => setReasonCode(e.target.value)} autoFocus={focusSelect} required
              slotProps={{ select: { native: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'decision-reason' } }}>
              {reasons.length !== 1 && <option value="" disabled>Choose a reason…</option>}
              {reasons.map((r) => <option key={r.code} value={r.code}>{r.label}</option>)}
            </TextField>
          )}
          <TextField id="decision-note" label="Note" multiline minRows={3} value={note} onChange={(e) => setNote(e.target.value)} required={needsNote}
            autoFocus={focusNote} onKeyDown={submitOnCtrlEnter}
            helperText={needsNote
              ? `Required${minNoteLength > 1 ? ` (at least ${minNoteLength} characters)` : ''}: say what you saw; the trail is the evidence.`
              : 'Optional; kept in the review trail. Ctrl+Enter confirms.'}
            slotProps={{ htmlInput: { 'data-testid': 'decision-note', maxLength: 2000 } }} />
          {error && <Alert severity="error" data-testid="decision-error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>Cancel</Button>
        <Button type="submit" variant="contained" color={confirmColor} disabled={!valid || busy} autoFocus={!focusSelect && !focusNote} data-testid="decision-confirm">
          Confirm
        </Button>
      </DialogActions>
    </Box>
  )
}
