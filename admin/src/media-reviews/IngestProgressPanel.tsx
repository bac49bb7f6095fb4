import { Box, LinearProgress, Stack, Typography } from '@mui/material'
import type { IngestProgress } from './types'

const pct = (n: number) => Math.round(Math.min(100, Math.max(0, n)))

/** Where a running ingest is: stage and overall percent, then each rendition's transcode. */
export function IngestProgressPanel({ progress }: { progress: IngestProgress }) {
  return (
    <Stack spacing={1} data-testid="ingest-progress" data-stage={progress.stage}>
      <Typography variant="body2">{progress.stage.replaceAll('_', ' ')} · {pct(progress.percent)} %</Typography>
      <LinearProgress variant="determinate" value={pct(progress.percent)} aria-label="Ingest progress" />
      {progress.renditions.map((r) => (
        <Box key={r.name}>
          <Typography variant="caption" color={r.state === 'failed' ? 'error' : 'text.secondary'}>{r.name} · {r.state} · {pct(r.percent)} %</Typography>
          <LinearProgress variant="determinate" value={pct(r.percent)} color={r.state === 'failed' ? 'error' : 'primary'} aria-label={`${r.name} rendition`} />
        </Box>
      ))}
      {progress.message && <Typography variant="body2" color="text.secondary">{progress.message}</Typography>}
    </Stack>
  )
}
