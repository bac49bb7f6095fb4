import type { FormEvent } from 'react'
import { useState } from 'react'
import { Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material'
import { HttpError, useLogoutIfAccessDenied, useNotify, useRefresh } from 'react-admin'
import { errorMessage } from '../http-client'

export type CommandValues = { text: string; days: number }

export type CommandDialogProps = {
  open: boolean
  onClose: () => void
  title: string
  description?: string
  /** the label of the required text (a reason, a note): it is kept on the record and in the audit log */
  textLabel: string
  minTextLength?: number
  /** also ask for a number of days (an extension) */
  askDays?: boolean
  confirmLabel: string
  confirmColor?: 'primary' | 'success' | 'error' | 'warning'
  testId: string
  /** the POST; resolves to the success notice */
  onConfirm: (values: CommandValues) => Promise<string>
}

/**
 * The confirm step of a compliance command: a required reason or note (and days for an extension), then the POST.
 * The API's refusal is shown as a notification with its message; the dialog stays open to correct and retry.
 */
export function CommandDialog(props: CommandDialogProps) {
  return (
    // inside a clickable list row a click in the dialog (a portal, but a child in React's tree) must not open the row
    <Dialog open={props.open} onClose={props.onClose} onClick={(e) => e.stopPropagation()} fullWidth maxWidth="sm" data-testid={`${props.testId}-dialog`}>
      {/* the dialog drops its content once closed: every opening starts from an empty form */}
      <CommandForm {...props} />
    </Dialog>
  )
}

function CommandForm({ onClose, title, description, textLabel, minTextLength = 3, askDays = false, confirmLabel, confirmColor = 'primary', testId, onConfirm }: CommandDialogProps) {
  const [text, setText] = useState('')
  const [days, setDays] = useState('')
  const [busy, setBusy] = useState(false)
  const notify = useNotify()
  const refresh = useRefresh()
  const logoutIfAccessDenied = useLogoutIfAccessDenied()
  const dayCount = Number(days)
  const daysValid = !askDays || (Number.isInteger(dayCount) && dayCount >= 1)
  const valid = daysValid && text.trim().length >= minTextLength

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!valid || busy) return
    setBusy(true)
    try {
      const done = await onConfirm({ text: text.trim(), days: dayCount })
      notify(done, { type: 'success' })
      onClose()
      refresh()
    } catch (error) {
      if (await logoutIfAccessDenied(error)) return
      notify(errorMessage(error), { type: 'error' })
      // someone else closed or changed the record first: show it as it is now behind the dialog
      if (error instanceof HttpError && error.status === 409) refresh()
    } finally {
      setBusy(false)
    }
  }

  return (
    <Box component="form" onSubmit={(event: FormEvent) => void submit(event)} noValidate>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {description && <DialogContentText>{description}</DialogContentText>}
          {askDays && (
            <TextField label="Days" type="number" required autoFocus value={days} onChange={(e) => setDays(e.target.value)}
              error={days !== '' && !daysValid} helperText="Whole days added to the current deadline"
              slotProps={{ htmlInput: { min: 1, step: 1, 'data-testid': `${testId}-days` } }} />
          )}
          <TextField label={textLabel} required multiline minRows={3} autoFocus={!askDays} value={text} onChange={(e) => setText(e.target.value)}
            helperText={`At least ${minTextLength} characters; kept on the record and in the audit log.`}
            slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': `${testId}-text` } }} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>Cancel</Button>
        <Button type="submit" variant="contained" color={confirmColor} disabled={!valid || busy} data-testid={`${testId}-confirm`}>{confirmLabel}</Button>
      </DialogActions>
    </Box>
  )
}
