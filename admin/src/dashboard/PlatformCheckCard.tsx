import { Alert, Button, Card, CardActions, CardContent, CardHeader, LinearProgress, Stack, Typography } from '@mui/material'
import { CheckResultsTable } from '../platform-checks/CheckResultsTable'
import type { PlatformCheck } from '../platform-checks/types'
import { TemporalLink } from '../temporal-link'
import { usePlatformCheck } from './use-platform-check'

function verdict(check: PlatformCheck): { text: string; severity: 'info' | 'success' | 'error' } {
  if (check.status === 'RUNNING') return { text: 'Running…', severity: 'info' }
  if (check.status === 'COMPLETED' && check.ok) return { text: 'All checks passed', severity: 'success' }
  if (check.status === 'FAILED') return { text: 'Some checks failed: the check workflow itself failed', severity: 'error' }
  return { text: 'Some checks failed', severity: 'error' }
}

/** Deep health check of every dependency, run as a Temporal workflow on demand. */
export function PlatformCheckCard() {
  const { check, run, busy } = usePlatformCheck()
  const result = check && verdict(check)
  return (
    <Card>
      <CardHeader title="Platform check" subheader="Postgres, object storage, search, ffprobe and every worker queue" />
      <CardContent>
        {busy && <LinearProgress sx={{ mb: 2 }} />}
        {!check && <Typography color="text.secondary">No platform check has run yet.</Typography>}
        {check && result && (
          <Stack spacing={2}>
            <Alert
              severity={result.severity}
              data-testid="platform-check-status"
              data-status={check.status}
              data-check-id={check.id}
            >
              {result.text}
            </Alert>
            <Typography variant="body2" component="div">
              Workflow: <TemporalLink workflowId={check.workflowId} testId="platform-check-workflow-link" />
              {' · started '}{new Date(check.startedAt).toLocaleString()}
            </Typography>
            <CheckResultsTable checks={check.checks} />
          </Stack>
        )}
      </CardContent>
      <CardActions>
        <Button variant="contained" onClick={() => void run()} disabled={busy} data-testid="run-platform-check">
          Run platform check
        </Button>
      </CardActions>
    </Card>
  )
}
