import { Box, Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material'
import { Link, useCreatePath, usePermissions } from 'react-admin'
import type { ChainTx } from '../chain-transactions/types'
import { mono, shortHex } from '../chain-transactions/format'
import { formatDateTime } from '../media-reviews/format'
import type { RoleGrant } from '../session'
import { hasFinanceAccess } from '../session'
import { TemporalLink } from '../temporal-link'
import { TokenStatusChip } from './EditionStatusChip'
import type { EditionToken } from './types'

type Props = { tokens: EditionToken[]; transactions: ChainTx[] }

/** The edition's tokens in the order they were reserved: buyer, state, serial, on-chain id and owner, the mint transaction, the sale's workflow. */
export function TokensTable({ tokens, transactions }: Props) {
  const createPath = useCreatePath()
  const { permissions } = usePermissions<RoleGrant[]>()
  // purchases are a finance screen; compliance sees the id only
  const purchasesOpen = hasFinanceAccess(permissions)
  const txByKey = new Map(transactions.map((t) => [t.key, t]))
  if (tokens.length === 0) return <Typography variant="body2" color="text.secondary">No token sold yet.</Typography>
  return (
    <Table size="small" data-testid="edition-tokens">
      <TableHead>
        <TableRow>
          <TableCell align="right">Serial</TableCell><TableCell>Status</TableCell><TableCell>Buyer</TableCell><TableCell>Token id</TableCell>
          <TableCell>Owner</TableCell><TableCell>Mint transaction</TableCell><TableCell>Purchase</TableCell><TableCell>Workflow</TableCell><TableCell>Minted</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {tokens.map((t) => {
          const tx = t.txKey ? txByKey.get(t.txKey) : undefined
          return (
            <TableRow key={t.id} data-testid="token-row" data-id={t.id} data-status={t.status} data-serial={t.serial ?? ''} data-token-id={t.tokenId ?? ''}
              data-buyer={t.buyerName ?? ''} data-purchase-id={t.purchaseId} data-tx-key={t.txKey ?? ''}>
              <TableCell align="right">{t.serial === null ? '—' : `#${t.serial}`}</TableCell>
              <TableCell><TokenStatusChip status={t.status} /></TableCell>
              <TableCell>{t.buyerName ?? t.buyerId.slice(0, 8)}</TableCell>
              <TableCell><Box component="span" sx={mono}>{t.tokenId ?? '—'}</Box></TableCell>
              <TableCell><Tooltip title={t.ownerAddress ?? ''}><Box component="span" sx={mono}>{shortHex(t.ownerAddress)}</Box></Tooltip></TableCell>
              <TableCell>
                {tx ? (
                  <MuiLink component={Link} to={createPath({ resource: 'chain-transactions', type: 'show', id: tx.id })} variant="body2" sx={mono}
                    title={tx.minedHash ?? tx.key} data-testid="token-tx-link">
                    {tx.minedHash ? shortHex(tx.minedHash) : tx.status}
                  </MuiLink>
                ) : '—'}
              </TableCell>
              <TableCell>
                {purchasesOpen ? (
                  <MuiLink component={Link} to={createPath({ resource: 'purchases', type: 'show', id: t.purchaseId })} variant="body2" data-testid="token-purchase-link">
                    {t.purchaseId.slice(0, 8)}
                  </MuiLink>
                ) : <Box component="span" sx={mono}>{t.purchaseId.slice(0, 8)}</Box>}
              </TableCell>
              <TableCell><TemporalLink workflowId={t.workflowId} label="Temporal" testId="token-workflow-link" /></TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(t.mintedAt)}</TableCell>
            </TableRow>
          )
        })}
      </TableBody>
    </Table>
  )
}
