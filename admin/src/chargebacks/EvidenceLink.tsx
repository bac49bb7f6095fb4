import { Button, Typography } from '@mui/material'
import DownloadIcon from '@mui/icons-material/Download'
import { useRecordContext } from 'react-admin'
import type { ChargebackCaseDetail } from './types'

/** The evidence pack for the dispute: a presigned link that works for a few minutes (reload the page for a fresh one). */
export function EvidenceLink(_: { label?: string }) {
  const c = useRecordContext<ChargebackCaseDetail>()
  if (!c) return null
  if (!c.evidence) return <Typography variant="body2" color="text.secondary">Not assembled yet.</Typography>
  return (
    <span>
      <Button size="small" startIcon={<DownloadIcon />} href={c.evidence.url} target="_blank" rel="noopener noreferrer" data-testid="evidence-download">
        Download evidence pack
      </Button>
      <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
        {c.evidence.key} · link valid until {new Date(c.evidence.expiresAt).toLocaleTimeString()}
      </Typography>
    </span>
  )
}
