import type { ChipProps } from '@mui/material'
import { Chip } from '@mui/material'
import type { SubscriptionStatus } from './types'

const COLORS: Record<SubscriptionStatus, ChipProps['color']> = {
  PENDING: 'info', TRIALING: 'info', ACTIVE: 'success', PAST_DUE: 'warning', GRACE: 'warning', PAUSED: 'default',
  CANCELLED: 'default', ENDED: 'default', FAILED: 'error',
}

/** A subscription's status as a coloured chip (warning while a renewal is unpaid). */
export function SubscriptionStatusChip({ status }: { status: SubscriptionStatus }) {
  return <Chip size="small" label={status.replace('_', ' ')} color={COLORS[status]} data-testid="subscription-status" data-status={status} />
}
