import type { ChipProps } from '@mui/material'
import { Chip } from '@mui/material'
import type { DsrStatus, Verification } from './types'

const COLORS: Record<DsrStatus, ChipProps['color']> = {
  AWAITING_VERIFICATION: 'warning', IN_PROGRESS: 'info', WAITING_ON_HOLD: 'secondary', COMPLETED: 'success', REJECTED: 'default',
}

/** A request's status: waiting on the person amber, running blue, parked behind a hold purple, done green. */
export function DsrStatusChip({ status }: { status: DsrStatus }) {
  return (
    <Chip size="small" label={status.replaceAll('_', ' ')} color={COLORS[status] ?? 'default'} variant={status === 'REJECTED' ? 'outlined' : 'filled'}
      data-testid="dsr-status" data-status={status} />
  )
}

const VERIFICATION_COLORS: Record<Verification, ChipProps['color']> = { pending: 'warning', verified: 'success', failed: 'error' }

/** Whether the requester's identity is established (and how, when known). */
export function VerificationChip({ verification, method }: { verification: Verification; method?: string | null }) {
  const label = method && verification === 'verified' ? `verified (${method.replaceAll('_', ' ')})` : verification
  return <Chip size="small" variant="outlined" label={label} color={VERIFICATION_COLORS[verification] ?? 'default'} data-testid="dsr-verification" data-verification={verification} />
}
