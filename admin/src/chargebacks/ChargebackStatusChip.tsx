import { Chip } from '@mui/material'
import type { ChargebackStatus } from './types'

/** OPEN while the workflow works the case, CLOSED once books, access and evidence are done. */
export function ChargebackStatusChip({ status }: { status: ChargebackStatus }) {
  return <Chip size="small" label={status} color={status === 'OPEN' ? 'warning' : 'default'} data-testid="chargeback-status" data-status={status} />
}
