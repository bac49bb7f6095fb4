import { Chip, Stack, Typography } from '@mui/material'
import { formatMinor } from '../money'
import type { PayoutItemStatus } from '../payout-items/types'
import type { RunTotals as Totals } from './types'

// money out first, then what still moves, then what waits on someone, then what went nowhere
const ORDER: readonly PayoutItemStatus[] = ['PAID', 'SENT', 'SENDING', 'AWAITING_APPROVAL', 'SELECTED', 'BLOCKED', 'FAILED', 'RETURNED', 'UNCONFIRMED',
  'REJECTED', 'EXPIRED']
const COLORS: Partial<Record<PayoutItemStatus, 'success' | 'info' | 'primary' | 'warning' | 'error'>> = {
  PAID: 'success', SENT: 'info', SENDING: 'info', AWAITING_APPROVAL: 'primary', BLOCKED: 'warning', FAILED: 'error', RETURNED: 'error', UNCONFIRMED: 'error',
}

type Props = { totals: Totals; currency: string; selected?: PayoutItemStatus | null; onSelect?: (status: PayoutItemStatus | null) => void }

/** The run's items counted by status with their amounts; on the run page a chip narrows the items table to that status. */
export function RunTotals({ totals, currency, selected, onSelect }: Props) {
  const present = ORDER.filter((s) => totals[s])
  if (present.length === 0) return <Typography variant="body2" color="text.secondary">No items yet.</Typography>
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="payout-run-totals">
      {present.map((status) => {
        const t = totals[status]!
        const active = selected === status
        return (
          <Chip key={status} size="small" color={COLORS[status] ?? 'default'} variant={active ? 'filled' : 'outlined'}
            label={`${status.replaceAll('_', ' ')} ${t.count} · ${formatMinor(t.amount, currency)}`}
            onClick={onSelect ? () => onSelect(active ? null : status) : undefined}
            data-testid="payout-run-total" data-status={status} data-count={t.count} data-amount={t.amount} />
        )
      })}
    </Stack>
  )
}
