import type { MouseEvent } from 'react'
import { Link as MuiLink, Tooltip, Typography } from '@mui/material'
import OpenInNewIcon from '@mui/icons-material/OpenInNew'
import { useApiMeta } from '../meta'
import { temporalWorkflowUrl } from '../temporal-link'

type Props = { workflowId: string | null | undefined; label?: string; testId?: string }

/** A compact link to a workflow in the Temporal UI for dense tables: a short label, the full id on hover. */
export function WorkflowLink({ workflowId, label = 'Temporal', testId = 'payout-workflow-link' }: Props) {
  const meta = useApiMeta()
  if (!workflowId) return <Typography variant="body2" color="text.secondary">—</Typography>
  if (!meta) return <Typography component="span" variant="body2" title={workflowId}>{label}</Typography>
  return (
    <Tooltip title={workflowId}>
      <MuiLink href={temporalWorkflowUrl(meta, workflowId)} target="_blank" rel="noopener noreferrer" variant="body2" data-testid={testId}
        data-workflow-id={workflowId} onClick={(e: MouseEvent) => e.stopPropagation()} sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.25, whiteSpace: 'nowrap' }}>
        {label}<OpenInNewIcon sx={{ fontSize: 14 }} />
      </MuiLink>
    </Tooltip>
  )
}
