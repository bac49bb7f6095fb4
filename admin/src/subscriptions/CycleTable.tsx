import type { MouseEvent } from 'react'
import { Chip, Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material'
import { Link, useCreatePath } from 'react-admin'
import { useApiMeta } from '../meta'
import { formatMinor } from '../money'
import { temporalWorkflowUrl } from '../temporal-link'
import type { Cycle } from './types'

const STATUS_COLORS = { PAID: 'success', FREE: 'info', FAILED: 'warning', REFUNDED: 'default', CHARGED_BACK: 'error' } as const
const day = (iso: string) => new Date(iso).toLocaleDateString()

/** The Temporal UI page of the run that booked a cycle (continue-as-new gives each billing period its own run). */
function RunLink({ cycle }: { cycle: Cycle }) {
  const meta = useApiMeta()
  const short = cycle.runId.slice(0, 8)
  if (!meta) return <Typography component="span" variant="body2">{short}</Typography>
  return (
    <MuiLink href={`${temporalWorkflowUrl(meta, cycle.workflowId)}/${encodeURIComponent(cycle.runId)}/history`} target="_blank" rel="noopener noreferrer"
      onClick={(e: MouseEvent) => e.stopPropagation()} variant="body2" data-testid="cycle-run-link">
      run {short}
    </MuiLink>
  )
}

function EntryLink({ id }: { id: string | null }) {
  const createPath = useCreatePath()
  if (!id) return <span>—</span>
  return <MuiLink component={Link} to={createPath({ resource: 'ledger-entries', type: 'show', id })} data-testid="cycle-ledger-entry">#{id}</MuiLink>
}

/** Every billing event of the subscription, newest first: what was charged for which period, how it went, where it was booked. */
export function CycleTable({ cycles }: { cycles: Cycle[] }) {
  if (cycles.length === 0) return <Typography variant="body2" color="text.secondary">No billing events yet.</Typography>
  return (
    <Table size="small" data-testid="cycle-table">
      <TableHead>
        <TableRow>
          <TableCell>Cycle</TableCell>
          <TableCell>Kind</TableCell>
          <TableCell>Status</TableCell>
          <TableCell align="right">Amount</TableCell>
          <TableCell>Period</TableCell>
          <TableCell>Transaction</TableCell>
          <TableCell>Ledger entry</TableCell>
          <TableCell>Run</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {cycles.map((c) => (
          <TableRow key={c.id} data-testid="cycle-row" data-status={c.status} data-amount={c.amount}>
            <TableCell>{c.cycle}{c.attempt > 1 ? ` (attempt ${c.attempt})` : ''}</TableCell>
            <TableCell>{c.kind}</TableCell>
            <TableCell>
              <Chip size="small" label={c.status} color={STATUS_COLORS[c.status]} />
              {c.failureCode && <Typography component="span" variant="caption" sx={{ ml: 1 }}>{c.failureCode}</Typography>}
            </TableCell>
            <TableCell align="right">{formatMinor(c.amount, c.currency)}</TableCell>
            <TableCell>{day(c.periodStart)} – {day(c.periodEnd)}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace' }}>{c.transactionId ?? '—'}</TableCell>
            <TableCell><EntryLink id={c.ledgerEntryId} /></TableCell>
            <TableCell><RunLink cycle={c} /></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
