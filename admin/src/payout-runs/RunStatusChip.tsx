import { Chip } from '@mui/material'
import type { PayoutRunStatus } from './types'

const COLORS = { SELECTING: 'info', PAYING: 'primary', SETTLING: 'primary', RECONCILING: 'warning', COMPLETED: 'success' } as const

/** Where the run is: selecting creators, paying them, waiting for rails to settle, reconciling, done. */
export function RunStatusChip({ status }: { status: PayoutRunStatus }) {
  return <Chip size="small" label={status} color={COLORS[status] ?? 'default'} variant={status === 'COMPLETED' ? 'outlined' : 'filled'} data-testid="payout-run-status" data-status={status} />
}
