import type { ChipProps } from '@mui/material'
import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material'
import { formatDateTime } from './format'
import type { Performer, PerformerStatus } from './types'

const COLORS: Record<PerformerStatus, ChipProps['color']> = { VERIFIED: 'success', INVITED: 'info', PENDING: 'warning' }

/** Everyone the creator listed as appearing, with their 2257 record status: an unverified performer blocks publishing. */
export function PerformersTable({ performers }: { performers: Performer[] }) {
  if (performers.length === 0) return <Typography variant="body2" color="text.secondary">No performers listed.</Typography>
  return (
    <Table size="small" aria-label="Performers" data-testid="performers">
      <TableHead>
        <TableRow><TableCell>Alias</TableCell><TableCell>Role</TableCell><TableCell>2257</TableCell><TableCell>Verified</TableCell></TableRow>
      </TableHead>
      <TableBody>
        {performers.map((p) => (
          <TableRow key={p.id} data-testid="performer" data-status={p.status}>
            <TableCell>{p.alias}</TableCell>
            <TableCell>{p.role}</TableCell>
            <TableCell><Chip size="small" label={p.status.toLowerCase()} color={COLORS[p.status] ?? 'default'} /></TableCell>
            <TableCell>{formatDateTime(p.verifiedAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
