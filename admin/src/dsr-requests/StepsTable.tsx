import type { ChipProps } from '@mui/material'
import { Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material'
import { formatDateTime } from '../media-reviews/format'
import { HoldKindChip, untilText } from './HoldKindChip'
import type { DsrKind, DsrStep, StepStatus, Withheld } from './types'

const COLORS: Record<StepStatus, ChipProps['color']> = { PENDING: 'default', DONE: 'success', WITHHELD: 'secondary', SKIPPED: 'default' }

// the steps' `erased` map counts what each system exported, erased or changed, by the request's kind
const COUNTED: Record<DsrKind, string> = { access: 'Exported', erasure: 'Erased', rectification: 'Changed' }

function Counts({ counts }: { counts: Record<string, number> }) {
  const entries = Object.entries(counts)
  if (!entries.length) return <Typography variant="body2" color="text.secondary">—</Typography>
  return (
    <Stack spacing={0.25}>
      {entries.map(([what, count]) => (
        <Typography key={what} variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>{what.replaceAll('_', ' ')}: {count.toLocaleString()}</Typography>
      ))}
    </Stack>
  )
}

function WithheldItems({ items }: { items: Withheld[] }) {
  if (!items.length) return <Typography variant="body2" color="text.secondary">—</Typography>
  return (
    <Stack spacing={0.75}>
      {items.map((w) => (
        <Stack key={`${w.what}:${w.holdKind}`} direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }} data-testid="dsr-withheld">
          <Typography variant="body2" sx={{ fontWeight: 600 }}>{w.what.replaceAll('_', ' ')}</Typography>
          <HoldKindChip kind={w.holdKind} />
          <Typography variant="body2">{w.reason}</Typography>
          <Typography variant="caption" color="text.secondary">{untilText(w.until)}</Typography>
        </Stack>
      ))}
    </Stack>
  )
}

/** Where the request stands in each system: done, skipped, or done except what a hold withheld. */
export function StepsTable({ steps, kind }: { steps: DsrStep[]; kind: DsrKind }) {
  if (!steps.length) return <Typography variant="body2" color="text.secondary">No system has started on this request yet.</Typography>
  return (
    <Table size="small" data-testid="dsr-steps">
      <TableHead>
        <TableRow>
          <TableCell>System</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>{COUNTED[kind]}</TableCell>
          <TableCell>Withheld</TableCell>
          <TableCell>Finished</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {steps.map((step) => (
          <TableRow key={step.system} data-testid="dsr-step" data-system={step.system} data-status={step.status}>
            <TableCell>{step.system}</TableCell>
            <TableCell><Chip size="small" label={step.status} color={COLORS[step.status] ?? 'default'} variant={step.status === 'SKIPPED' ? 'outlined' : 'filled'} /></TableCell>
            <TableCell><Counts counts={step.erased} /></TableCell>
            <TableCell><WithheldItems items={step.withheld} /></TableCell>
            <TableCell>{formatDateTime(step.finishedAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
