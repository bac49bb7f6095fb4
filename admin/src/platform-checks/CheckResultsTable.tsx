import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material'
import type { CheckResult } from './types'

/** One row per probed dependency: OK / FAILED, latency, and what it found. */
export function CheckResultsTable({ checks }: { checks: CheckResult[] }) {
  if (checks.length === 0) {
    return <Typography variant="body2" color="text.secondary">No check results recorded yet.</Typography>
  }
  return (
    <Table size="small" data-testid="platform-check-table">
      <TableHead>
        <TableRow>
          <TableCell>Check</TableCell>
          <TableCell>Result</TableCell>
          <TableCell align="right">Latency</TableCell>
          <TableCell>Detail</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {checks.map((check) => (
          <TableRow key={check.name} data-testid={`platform-check-row-${check.name}`} data-ok={String(check.ok)}>
            <TableCell>{check.name}</TableCell>
            <TableCell>
              <Chip size="small" label={check.ok ? 'OK' : 'FAILED'} color={check.ok ? 'success' : 'error'} />
            </TableCell>
            <TableCell align="right">{check.latencyMs} ms</TableCell>
            <TableCell sx={{ color: check.ok ? 'text.primary' : 'error.main' }}>
              {check.ok ? check.detail ?? '' : check.error ?? check.detail ?? ''}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
