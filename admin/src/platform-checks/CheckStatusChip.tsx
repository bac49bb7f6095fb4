import { Chip } from '@mui/material'
import type { PlatformCheck } from './types'

/** RUNNING, or the overall verdict of a finished check. */
export function CheckStatusChip({ check }: { check: Pick<PlatformCheck, 'status' | 'ok'> }) {
  if (check.status === 'RUNNING') return <Chip size="small" label="Running" color="info" />
  if (check.status === 'FAILED') return <Chip size="small" label="Workflow failed" color="error" />
  return <Chip size="small" label={check.ok ? 'Passed' : 'Checks failed'} color={check.ok ? 'success' : 'error'} />
}
