import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableRow } from '@mui/material'
import { SHORTCUTS } from './useReviewShortcuts'

/** The keyboard shortcuts of the review workspace (opened with ?). */
export function ShortcutsHelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="shortcuts-title" data-testid="shortcuts-help">
      <DialogTitle id="shortcuts-title">Keyboard shortcuts</DialogTitle>
      <DialogContent>
        <Table size="small">
          <TableBody>
            {SHORTCUTS.map((s) => (
              <TableRow key={s.key}>
                <TableCell><Kbd>{s.key === '?' ? '?' : s.key.toUpperCase()}</Kbd></TableCell>
                <TableCell>{s.label}</TableCell>
              </TableRow>
            ))}
            <TableRow><TableCell><Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd></TableCell><TableCell>Confirm a dialog or add a note from the text field</TableCell></TableRow>
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions><Button onClick={onClose} autoFocus>Close</Button></DialogActions>
    </Dialog>
  )
}

/** A key as printed on the keyboard. */
export function Kbd({ children }: { children: string }) {
  return (
    <Box component="kbd" sx={{ px: 0.75, py: 0.25, border: 1, borderColor: 'divider', borderRadius: 0.5, fontFamily: 'monospace', fontSize: '0.8rem' }}>
      {children}
    </Box>
  )
}
