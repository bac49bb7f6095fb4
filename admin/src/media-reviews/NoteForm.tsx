import type { FormEvent, KeyboardEvent, RefObject } from 'react'
import { useState } from 'react'
import { Button, Stack, TextField } from '@mui/material'
import { useLogoutIfAccessDenied, useNotify, useRefresh } from 'react-admin'
import { errorMessage } from '../http-client'
import { reviewApi } from './api'

/** A note on the trail without a decision (what was checked, who was asked); N focuses it. */
export function NoteForm({ mediaId, inputRef }: { mediaId: string; inputRef: RefObject<HTMLTextAreaElement | null> }) {
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const notify = useNotify()
  const refresh = useRefresh()
  const logoutIfAccessDenied = useLogoutIfAccessDenied()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!note.trim() || busy) return
    setBusy(true)
    try {
      await reviewApi.addNote(mediaId, note)
      setNote('')
      notify('Note added to the trail', { type: 'success' })
      refresh()
    } catch (error) {
      if (!(await logoutIfAccessDenied(error))) notify(errorMessage(error), { type: 'error' })
    } finally {
      setBusy(false)
    }
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) (event.currentTarget.closest('form') as HTMLFormElement | null)?.requestSubmit()
    // Escape leaves the field, so the shortcuts work again
    if (event.key === 'Escape') inputRef.current?.blur()
  }
  return (
    <Stack component="form" spacing={1} onSubmit={(event: FormEvent) => void submit(event)} data-testid="note-form">
      <TextField id="review-note" label="Comment" multiline minRows={2} value={note} onChange={(e) => setNote(e.target.value)} inputRef={inputRef}
        onKeyDown={onKeyDown} helperText="Added to the review trail as a note. Ctrl+Enter adds it, Esc leaves the field."
        slotProps={{ htmlInput: { 'data-testid': 'review-note', maxLength: 2000 } }} />
      <Button type="submit" variant="outlined" disabled={busy || !note.trim()} sx={{ alignSelf: 'flex-start' }}>Add note</Button>
    </Stack>
  )
}
