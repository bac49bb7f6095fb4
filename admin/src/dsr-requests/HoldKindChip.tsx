import type { ChipProps } from '@mui/material'
import { Chip } from '@mui/material'
import type { HoldKind } from './types'

// 'running_workflows' is no legal hold: the person's runs still open, the key waits for them
const LABELS: Record<HoldKind | 'running_workflows', string> = { records_2257: '2257 records', chargeback: 'chargeback', tax: 'tax', litigation: 'litigation',
  running_workflows: 'runs still open' }
const COLORS: Record<HoldKind | 'running_workflows', ChipProps['color']> = { records_2257: 'primary', chargeback: 'warning', tax: 'info', litigation: 'error',
  running_workflows: 'default' }

/** Why data is kept back: the legal basis of a hold, as a chip. */
export function HoldKindChip({ kind }: { kind: HoldKind | 'running_workflows' }) {
  return <Chip size="small" variant="outlined" label={LABELS[kind] ?? kind} color={COLORS[kind] ?? 'default'} data-testid="hold-kind" data-kind={kind} />
}

/** A hold's end: its date, or "until released" when it has none. */
export const formatUntil = (until: string | null): string => (until ? new Date(until).toLocaleDateString() : 'until released')

/** The same as a phrase: "until 31/01/2027", "until released". */
export const untilText = (until: string | null): string => (until ? `until ${formatUntil(until)}` : formatUntil(until))
