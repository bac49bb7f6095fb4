import type { ChipProps } from '@mui/material'
import { Chip } from '@mui/material'
import type { ChainTxStatus } from './types'

const COLORS: Record<ChainTxStatus, ChipProps['color']> = { SIGNED: 'default', SENT: 'info', CONFIRMED: 'success', REVERTED: 'error' }

/** Signed (not yet broadcast), sent (waiting for a block), confirmed (mined and deep enough), reverted (mined but failed). */
export function ChainTxStatusChip({ status }: { status: ChainTxStatus }) {
  return <Chip size="small" label={status} color={COLORS[status] ?? 'default'} variant={status === 'SIGNED' ? 'outlined' : 'filled'}
    data-testid="chain-tx-status" data-status={status} />
}
