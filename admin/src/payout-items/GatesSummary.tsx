import { Chip, Stack, Tooltip, Typography } from '@mui/material'
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlineOutlined'
import type { GateCode } from '../../../domain/payouts/gates.ts'
import type { PayoutGate } from './types'

const GATE_LABELS: Readonly<Record<GateCode, string>> = {
  KYC_CURRENT: 'KYC current', TAX_FORM: 'Tax form', NO_HOLDS: 'No holds', METHOD_VERIFIED: 'Method verified',
  BALANCE_POSITIVE: 'Balance positive', MINIMUM: 'Minimum',
}

/** KYC_CURRENT -> 'KYC current'; a gate this screen does not know yet keeps its code. */
export const gateLabel = (gate: string) => GATE_LABELS[gate as GateCode] ?? gate

/** The gates in one cell: the blocking ones as chips (the detail on hover), or a quiet tick when all passed. */
export function GatesSummary({ gates }: { gates: PayoutGate[] | null | undefined }) {
  if (!gates || gates.length === 0) return <Typography variant="body2" color="text.secondary">—</Typography>
  const blocked = gates.filter((g) => !g.passed)
  if (blocked.length === 0) {
    return (
      <Tooltip title={gates.map((g) => `${gateLabel(g.gate)}: ${g.detail}`).join('\n')} slotProps={{ tooltip: { sx: { whiteSpace: 'pre-line' } } }}>
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', color: 'success.main' }} data-testid="gates-passed">
          <CheckCircleOutlineIcon fontSize="small" />
          <Typography variant="caption">{gates.length} passed</Typography>
        </Stack>
      </Tooltip>
    )
  }
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {blocked.map((g) => (
        <Tooltip key={g.gate} title={g.detail}>
          <Chip size="small" variant="outlined" color="warning" label={gateLabel(g.gate)} data-testid="gate-blocked" data-gate={g.gate} />
        </Tooltip>
      ))}
    </Stack>
  )
}
