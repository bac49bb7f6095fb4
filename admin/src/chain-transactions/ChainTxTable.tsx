import { Box, Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material'
import { Link, useCreatePath } from 'react-admin'
import { formatDateTime } from '../media-reviews/format'
import { TemporalLink } from '../temporal-link'
import { ChainTxStatusChip } from './ChainTxStatusChip'
import { FeeBumps } from './FeeBumps'
import { mono, shortHex } from './format'
import type { ChainTx } from './types'

/** Chain transactions as a plain table (an edition's show page): purpose, status, nonce, fee bumps, where it was mined, its workflow. */
export function ChainTxTable({ transactions }: { transactions: ChainTx[] }) {
  const createPath = useCreatePath()
  if (transactions.length === 0) return <Typography variant="body2" color="text.secondary">No chain transactions yet.</Typography>
  return (
    <Table size="small" data-testid="edition-transactions">
      <TableHead>
        <TableRow>
          <TableCell>Created</TableCell><TableCell>Purpose</TableCell><TableCell>Status</TableCell><TableCell align="right">Nonce</TableCell>
          <TableCell>Attempts</TableCell><TableCell>Mined hash</TableCell><TableCell align="right">Block</TableCell><TableCell>Workflow</TableCell><TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {transactions.map((tx) => (
          <TableRow key={tx.id} data-testid="edition-tx-row" data-id={tx.id} data-key={tx.key} data-purpose={tx.purpose} data-status={tx.status}
            data-mined-hash={tx.minedHash ?? ''} data-attempts={tx.attempts.length}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(tx.createdAt)}</TableCell>
            <TableCell>{tx.purpose}</TableCell>
            <TableCell><ChainTxStatusChip status={tx.status} /></TableCell>
            <TableCell align="right">{tx.nonce}</TableCell>
            <TableCell><FeeBumps attempts={tx.attempts} /></TableCell>
            <TableCell><Tooltip title={tx.minedHash ?? ''}><Box component="span" sx={mono}>{shortHex(tx.minedHash)}</Box></Tooltip></TableCell>
            <TableCell align="right">{tx.blockNumber ?? '—'}</TableCell>
            <TableCell><TemporalLink workflowId={tx.workflowId} label="Temporal" testId="edition-tx-workflow-link" /></TableCell>
            <TableCell>
              <MuiLink component={Link} to={createPath({ resource: 'chain-transactions', type: 'show', id: tx.id })} variant="body2" data-testid="edition-tx-open">
                open
              </MuiLink>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
