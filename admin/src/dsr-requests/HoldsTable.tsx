import { Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material'
import { formatUntil, HoldKindChip } from './HoldKindChip'
import type { EvaluatedHold } from './types'

/** The holds the request was weighed against: derived from the data (2257, chargeback, tax) or set by compliance (litigation). */
export function HoldsTable({ holds }: { holds: EvaluatedHold[] }) {
  if (!holds.length) return <Typography variant="body2" color="text.secondary" data-testid="dsr-no-holds">No hold applies to this person's data.</Typography>
  return (
    <Table size="small" data-testid="dsr-holds">
      <TableHead>
        <TableRow>
          <TableCell>Kind</TableCell>
          <TableCell>Reason</TableCell>
          <TableCell>Data kept</TableCell>
          <TableCell>Until</TableCell>
          <TableCell>Reference</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {holds.map((hold) => (
          <TableRow key={`${hold.kind}:${hold.ref}`} data-testid="dsr-hold" data-kind={hold.kind}>
            <TableCell><HoldKindChip kind={hold.kind} /></TableCell>
            <TableCell>{hold.reason}</TableCell>
            <TableCell>
              <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                {hold.categories.map((c) => <Chip key={c} size="small" label={c.replaceAll('_', ' ')} />)}
              </Stack>
            </TableCell>
            <TableCell>{formatUntil(hold.until)}</TableCell>
            <TableCell><Box component="span" sx={{ fontFamily: 'monospace', fontSize: 12 }}>{hold.ref}</Box></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
