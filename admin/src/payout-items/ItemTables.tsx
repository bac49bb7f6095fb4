import { Chip, Link as MuiLink, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material'
import CheckIcon from '@mui/icons-material/Check'
import BlockIcon from '@mui/icons-material/Block'
import { Link, useCreatePath } from 'react-admin'
import { formatDateTime } from '../media-reviews/format'
import { formatMinor } from '../money'
import { gateLabel } from './GatesSummary'
import type { PayoutAttempt, PayoutGate, PayoutItemDetail } from './types'

const empty = (text: string) => <Typography variant="body2" color="text.secondary">{text}</Typography>

/** Every gate in the order it was checked, with its sentence. */
export function GatesTable({ gates }: { gates: PayoutGate[] | null }) {
  if (!gates || gates.length === 0) return empty('Not assessed yet.')
  return (
    <Table size="small" data-testid="payout-gates">
      <TableHead>
        <TableRow><TableCell>Gate</TableCell><TableCell>Result</TableCell><TableCell>Detail</TableCell></TableRow>
      </TableHead>
      <TableBody>
        {gates.map((g) => (
          <TableRow key={g.gate} data-testid="gate-row" data-gate={g.gate} data-passed={String(g.passed)}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{gateLabel(g.gate)}</TableCell>
            <TableCell>
              {g.passed
                ? <Chip size="small" color="success" variant="outlined" icon={<CheckIcon />} label="passed" />
                : <Chip size="small" color="warning" icon={<BlockIcon />} label="blocked" />}
            </TableCell>
            <TableCell>{g.detail}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}

const OUTCOME_COLORS: Readonly<Record<string, 'success' | 'error' | 'info' | 'default'>> = { sent: 'info', settled: 'success', paid: 'success', failed: 'error', returned: 'error' }

/** Each try on a rail, oldest first: the fallback order and what every rail answered. */
export function AttemptsTable({ attempts }: { attempts: PayoutAttempt[] }) {
  if (attempts.length === 0) return empty('No rail was tried yet.')
  return (
    <Table size="small" data-testid="payout-attempts">
      <TableHead>
        <TableRow>
          <TableCell>At</TableCell><TableCell>Rail</TableCell><TableCell>Outcome</TableCell><TableCell>Failure</TableCell>
          <TableCell>Rail code</TableCell><TableCell>Message</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {attempts.map((a, index) => (
          <TableRow key={`${a.rail}-${a.at}-${index}`} data-testid="attempt-row" data-rail={a.rail} data-outcome={a.outcome}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.at)}</TableCell>
            <TableCell>{a.rail}</TableCell>
            <TableCell><Chip size="small" label={a.outcome} color={OUTCOME_COLORS[a.outcome.toLowerCase()] ?? 'default'} /></TableCell>
            <TableCell>{a.failure ?? '—'}</TableCell>
            <TableCell sx={{ fontFamily: 'monospace' }}>{a.railCode ?? '—'}</TableCell>
            <TableCell>{a.message ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}

/** The creator's last settled payouts (any brand), newest first: the baseline an outlier is judged against. */
export function HistoryTable({ history }: { history: PayoutItemDetail['history'] }) {
  const createPath = useCreatePath()
  if (history.length === 0) return empty('No earlier paid payouts: this would be the first.')
  return (
    <Table size="small" data-testid="payout-history">
      <TableHead>
        <TableRow><TableCell>Settled</TableCell><TableCell align="right">Amount</TableCell><TableCell>Rail</TableCell><TableCell /></TableRow>
      </TableHead>
      <TableBody>
        {history.map((h) => (
          <TableRow key={h.id} data-testid="history-row" data-amount={h.amount ?? ''}>
            <TableCell>{formatDateTime(h.settledAt)}</TableCell>
            <TableCell align="right">{h.amount === null ? '—' : formatMinor(h.amount, h.currency)}</TableCell>
            <TableCell>{h.rail ?? '—'}</TableCell>
            <TableCell><MuiLink component={Link} to={createPath({ resource: 'payout-items', type: 'show', id: h.id })} variant="body2">open</MuiLink></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
