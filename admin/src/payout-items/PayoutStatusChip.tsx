import { Chip } from '@mui/material'
import type { PayoutItemStatus } from './types'

type Color = 'default' | 'primary' | 'info' | 'success' | 'warning' | 'error'

const COLORS: Record<PayoutItemStatus, Color> = {
  SELECTED: 'default', BLOCKED: 'warning', AWAITING_APPROVAL: 'primary', SENDING: 'info', SENT: 'info', PAID: 'success',
  RETURNED: 'error', FAILED: 'error', REJECTED: 'default', EXPIRED: 'default', UNCONFIRMED: 'error',
}

/** A payout item's status: money out (PAID) green, waiting on someone blue or amber, money that came back or went missing red. */
export function PayoutStatusChip({ status }: { status: PayoutItemStatus }) {
  return (
    <Chip size="small" label={status.replaceAll('_', ' ')} color={COLORS[status] ?? 'default'} variant={status === 'SENDING' ? 'outlined' : 'filled'}
      data-testid="payout-status" data-status={status} />
  )
}
