import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material'
import { formatDateTime } from '../media-reviews/format'
import { bumpText, formatGwei, mono } from './format'
import type { ChainTx } from './types'

/** Every signed version of the transaction, oldest first: its fees, how much each bump raised them, and which one was mined. */
export function AttemptsTable({ tx }: { tx: ChainTx }) {
  if (tx.attempts.length === 0) return <Typography variant="body2" color="text.secondary">Not signed yet.</Typography>
  return (
    <Table size="small" data-testid="chain-tx-attempts-table">
      <TableHead>
        <TableRow>
          <TableCell>#</TableCell><TableCell>Hash</TableCell><TableCell align="right">Max fee</TableCell><TableCell align="right">Priority fee</TableCell>
          <TableCell>Bump</TableCell><TableCell>Signed</TableCell><TableCell>Sent</TableCell><TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {tx.attempts.map((a, index) => {
          const previous = tx.attempts[index - 1]
          const bump = bumpText(previous?.maxFeePerGas, a.maxFeePerGas)
          const mined = tx.minedHash !== null && a.hash.toLowerCase() === tx.minedHash.toLowerCase()
          return (
            <TableRow key={a.hash} data-testid="chain-tx-attempt-row" data-hash={a.hash} data-mined={String(mined)} selected={mined}>
              <TableCell>{index + 1}</TableCell>
              <TableCell><Box component="span" sx={{ ...mono, overflowWrap: 'anywhere' }}>{a.hash}</Box></TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}><Tooltip title={`${a.maxFeePerGas} wei`}><span>{formatGwei(a.maxFeePerGas)}</span></Tooltip></TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                <Tooltip title={`${a.maxPriorityFeePerGas} wei`}><span>{formatGwei(a.maxPriorityFeePerGas)}</span></Tooltip>
              </TableCell>
              <TableCell>{bump ? <Chip size="small" color="warning" variant="outlined" label={bump} data-testid="chain-tx-bump" /> : '—'}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.signedAt)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{a.sentAt ? formatDateTime(a.sentAt) : 'not sent'}</TableCell>
              <TableCell>{mined && <Chip size="small" color="success" label="mined" data-testid="chain-tx-mined-attempt" />}</TableCell>
            </TableRow>
          )
        })}
      </TableBody>
    </Table>
  )
}
