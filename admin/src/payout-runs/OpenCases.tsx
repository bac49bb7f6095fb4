import type { MouseEvent } from 'react'
import { Chip, Typography } from '@mui/material'
import { Link } from 'react-admin'
import { CASE_STATUS } from '../reconciliation-cases/types'

/** The reconciliation cases list narrowed to one run's open cases. */
const openCasesPath = (runId: string) => `/reconciliation-cases?filter=${encodeURIComponent(JSON.stringify({ runId, status: CASE_STATUS.open }))}`

/** A run's open reconciliation cases (counted by the API on every run, in the list as on the show view) as a link to them. */
export function OpenCases({ runId, count }: { runId: string; count: number }) {
  if (count === 0) return <Typography variant="body2" color="text.secondary" data-testid="payout-run-open-cases" data-count={0}>0</Typography>
  return (
    <Chip size="small" color="error" label={`${count} open`} component={Link} to={openCasesPath(runId)} clickable
      onClick={(e: MouseEvent) => e.stopPropagation()} data-testid="payout-run-open-cases" data-count={count} />
  )
}
