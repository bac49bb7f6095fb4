import type { MouseEvent } from 'react'
import { Link as MuiLink, Tooltip, Typography } from '@mui/material'
import OpenInNewIcon from '@mui/icons-material/OpenInNew'
import { useRecordContext } from 'react-admin'
import type { ApiMeta } from './meta'
import { useApiMeta } from './meta'

/** The Temporal Web UI page of one workflow execution. */
export function temporalWorkflowUrl(meta: Pick<ApiMeta, 'temporalUiUrl' | 'namespace'>, workflowId: string): string {
  const base = meta.temporalUiUrl.replace(/\/+$/, '')
  return `${base}/namespaces/${meta.namespace}/workflows/${encodeURIComponent(workflowId)}`
}

// inside a clickable list row the link must not also open the row
const stopRowClick = (event: MouseEvent) => event.stopPropagation()

type TemporalLinkProps = {
  workflowId: string | null | undefined
  testId?: string
  /** a short text in place of the id, for dense tables: the id shows on hover, the link carries an open-in-new icon */
  label?: string
}

/** A workflow id that opens in the Temporal Web UI in a new tab (plain text until /api/meta loads; a dash without an id). */
export function TemporalLink({ workflowId, testId = 'workflow-link', label }: TemporalLinkProps) {
  const meta = useApiMeta()
  if (!workflowId) return <Typography variant="body2" color="text.secondary">—</Typography>
  if (!meta) return <Typography component="span" variant="body2" title={label && workflowId}>{label ?? workflowId}</Typography>
  const link = (
    <MuiLink
      href={temporalWorkflowUrl(meta, workflowId)}
      target="_blank"
      rel="noopener noreferrer"
      onClick={stopRowClick}
      data-testid={testId}
      data-workflow-id={workflowId}
      variant="body2"
      sx={label ? { display: 'inline-flex', alignItems: 'center', gap: 0.25, whiteSpace: 'nowrap' } : undefined}
    >
      {label ?? workflowId}
      {label && <OpenInNewIcon sx={{ fontSize: 14 }} />}
    </MuiLink>
  )
  return label ? <Tooltip title={workflowId}>{link}</Tooltip> : link
}

/** Field for lists and show views: the record's workflow id as a Temporal UI link. */
export function TemporalLinkField({ source = 'workflowId' }: { source?: string; label?: string }) {
  const record = useRecordContext()
  const workflowId = record?.[source] as string | null | undefined
  if (!workflowId) return null
  return <TemporalLink workflowId={workflowId} testId={`temporal-link-${source}`} />
}
