import type { ReactNode } from 'react'
import { Alert, Box, Card, CardContent, CardHeader, Stack, Typography } from '@mui/material'
import { Show, useRecordContext } from 'react-admin'
import { formatDateTime } from '../media-reviews/format'
import { Fact } from '../payout-items/Fact'
import { TemporalLink } from '../temporal-link'
import { AttemptsTable } from './AttemptsTable'
import { ChainTxStatusChip } from './ChainTxStatusChip'
import { FeeBumps } from './FeeBumps'
import { mono } from './format'
import type { ChainTx } from './types'

const Hex = ({ children }: { children: ReactNode }) => <Box component="span" sx={mono}>{children ?? '—'}</Box>

function Body() {
  const tx = useRecordContext<ChainTx>()
  if (!tx) return null
  const bumps = tx.attempts.length - 1
  return (
    <Stack spacing={2} sx={{ p: 2 }} data-testid="chain-tx-show" data-status={tx.status} data-purpose={tx.purpose} data-attempts={tx.attempts.length}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5">{tx.purpose} transaction</Typography>
        <ChainTxStatusChip status={tx.status} />
        <FeeBumps attempts={tx.attempts} />
      </Stack>
      {tx.status === 'REVERTED' && <Alert severity="error" data-testid="chain-tx-reverted">Mined, but the contract reverted it: nothing it asked for happened on chain.</Alert>}
      {bumps > 0 && (
        <Alert severity="warning" data-testid="chain-tx-bumped">
          The fees were bumped {bumps} time{bumps > 1 ? 's' : ''}: each attempt below replaced the one before it at nonce {tx.nonce}.
        </Alert>
      )}
      <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Fact label="Key" testId="chain-tx-key"><Hex>{tx.key}</Hex></Fact>
        <Fact label="Nonce">{tx.nonce}</Fact>
        <Fact label="From"><Hex>{tx.fromAddress}</Hex></Fact>
        <Fact label="To (contract)"><Hex>{tx.toAddress}</Hex></Fact>
        <Fact label="Mined hash" testId="chain-tx-mined-hash"><Hex>{tx.minedHash}</Hex></Fact>
        <Fact label="Block">{tx.blockNumber ?? '—'}</Fact>
        <Fact label="Gas used">{tx.gasUsed ?? '—'}</Fact>
        <Fact label="Workflow"><TemporalLink workflowId={tx.workflowId} testId="temporal-link-workflowId" /></Fact>
        <Fact label="Created">{formatDateTime(tx.createdAt)}</Fact>
        <Fact label="Updated">{formatDateTime(tx.updatedAt)}</Fact>
      </Stack>
      <Card variant="outlined">
        <CardHeader title="Attempts" subheader="Every signed version at this nonce, oldest first; the mined one is marked."
          slotProps={{ title: { variant: 'subtitle1' }, subheader: { variant: 'caption' } }} sx={{ pb: 0 }} />
        <CardContent><AttemptsTable tx={tx} /></CardContent>
      </Card>
    </Stack>
  )
}

/** One chain transaction: what it was for, its nonce, every fee-bumped attempt, the mined hash and block, and its workflow. */
export function ChainTransactionShow() {
  return (
    <Show title="Chain transaction">
      <Body />
    </Show>
  )
}
