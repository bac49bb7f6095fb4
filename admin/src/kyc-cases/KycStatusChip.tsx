import type { ChipProps } from '@mui/material'
import { Chip } from '@mui/material'
import type { KycStatus } from './types'

const COLORS: Record<KycStatus, ChipProps['color']> = {
  awaiting_applicant: 'default', resubmission_requested: 'info', review: 'warning',
  approved: 'success', declined: 'error', expired: 'default',
}

/** A case's status as a coloured chip. */
export function KycStatusChip({ status }: { status: KycStatus }) {
  return (
    <Chip size="small" label={status.replaceAll('_', ' ')} color={COLORS[status] ?? 'default'}
      variant={status === 'expired' ? 'outlined' : 'filled'} data-testid="kyc-case-status" data-status={status} />
  )
}
