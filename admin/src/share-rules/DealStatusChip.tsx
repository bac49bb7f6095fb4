import type { ChipProps } from '@mui/material'
import { Chip } from '@mui/material'
import type { DealStatus } from './types'

const COLORS: Record<DealStatus, ChipProps['color']> = { active: 'success', scheduled: 'info', ended: 'default' }

/** Whether a share rule or referral is in force now, starts later, or has ended. */
export function DealStatusChip({ status }: { status: DealStatus }) {
  return <Chip size="small" label={status} color={COLORS[status]} data-testid="deal-status" data-status={status} />
}
