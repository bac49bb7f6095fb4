import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material'
import type { BulkResult } from './types'

type Props = { failures: BulkResult[]; titleOf: (id: string) => string; onClose: () => void }

/** The items a bulk action could not change, each with the server's reason; they stay selected for another try. */
export function BulkFailuresDialog({ failures, titleOf, onClose }: Props) {
  return (
    <Dialog open={failures.length > 0} onClose={onClose} fullWidth maxWidth="md" aria-labelledby="bulk-failures-title" data-testid="bulk-failures">
      <DialogTitle id="bulk-failures-title">{failures.length === 1 ? 'One item was not changed' : `${failures.length} items were not changed`}</DialogTitle>
      <DialogContent>
        <DialogContentText>They are still selected.</DialogContentText>
        <Table size="small">
          <TableHead>
            <TableRow><TableCell>Item</TableCell><TableCell>Code</TableCell><TableCell>Why</TableCell></TableRow>
          </TableHead>
          <TableBody>
            {failures.map((f) => (
              <TableRow key={f.id} data-testid="bulk-failure" data-id={f.id} data-code={f.code ?? ''}>
                <TableCell>{titleOf(f.id)}</TableCell>
                <TableCell>{f.code ?? '—'}</TableCell>
                <TableCell>{f.message ?? 'Not changed.'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions><Button onClick={onClose} autoFocus>Close</Button></DialogActions>
    </Dialog>
  )
}
