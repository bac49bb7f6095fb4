import type { MouseEvent } from 'react'
import { Chip, Typography } from '@mui/material'
import { Link, useGetList } from 'react-admin'

/** The reconciliation cases list narrowed to one run's open cases. */
export const openCasesPath = (runId: string) => `/reconciliation-cases?filter=${encodeURIComponent(JSON.stringify({ runId, status: 'OPEN' }))}`

/**
 * A run's open reconciliation cases as a link to them. The show view has the count; the list does not, so each row
 * asks for it (one small request per row, page size 1).
 */
export function OpenCases({ runId, count }: { runId: string; count?: number }) {
  const { total, isPending } = useGetList('reconciliation-cases', { filter: { runId, status: 'OPEN' }, pagination: { page: 1, perPage: 1 },
    sort: { field: 'createdAt', order: 'DESC' } }, { enabled: count === undefined })
  const open = count ?? total
  if (open === undefined) return <Typography variant="body2" color="text.secondary">{isPending ? '…' : '—'}</Typography>
  if (open === 0) return <Typography variant="body2" color="text.secondary" data-testid="payout-run-open-cases" data-count={0}>0</Typography>
  return (
    <Chip size="small" color="error" label={`${open} open`} component={Link} to={openCasesPath(runId)} clickable
      onClick={(e: MouseEvent) => e.stopPropagation()} data-testid="payout-run-open-cases" data-count={open} />
  )
}
