import type { ChipProps } from '@mui/material'
import { Chip } from '@mui/material'
import type { HoldKind } from './types'

const LABELS: Record<HoldKind, string> = { records_2257: '2257 records', chargeback: 'chargeback', tax: 'tax', litigation: 'litigation' }
const COLORS: Record<HoldKind, ChipProps['color']> = { records_2257: 'primary', chargeback: 'warning', tax: 'info', litigation: 'error' }

/** Why data is kept back: the legal basis of a hold, as a chip. */
export function HoldKindChip({ kind }: { kind: HoldKind }) {
  return <Chip size="small" variant="outlined" label={LABELS[kind] ?? kind} color={COLORS[kind] ?? 'default'} data-testid="hold-kind" data-kind={kind} />
}

/** A hold's end: its date, or "until released" when it has none. */
export const formatUntil = (until: string | null): string => (until ? new Date(until).toLocaleDateString() : 'until released')

/** The same as a phrase: "until 31/01/2027", "until released". */
export const untilText = (until: string | null): string => (until ? `until ${formatUntil(until)}` : formatUntil(until))
