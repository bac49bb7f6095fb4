import type { ChipProps } from '@mui/material'
import { Chip } from '@mui/material'
import type { PurchaseStatus } from './types'

const COLORS: Record<PurchaseStatus, ChipProps['color']> = {
  PENDING: 'info', COMPLETED: 'success', DECLINED: 'warning', FAILED: 'error', REFUNDED: 'default', CHARGED_BACK: 'error',
}

/** A purchase's status as a coloured chip. */
export function PurchaseStatusChip({ status }: { status: PurchaseStatus }) {
  return <Chip size="small" label={status.replace('_', ' ')} color={COLORS[status]} data-testid="purchase-status" data-status={status} />
}
