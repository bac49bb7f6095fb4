import type { MouseEvent } from 'react'
import { Link as MuiLink, Typography } from '@mui/material'
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

type TemporalLinkProps = { workflowId: string; testId?: string }

/** A workflow id that opens in the Temporal Web UI in a new tab (plain text until /api/meta loads). */
export function TemporalLink({ workflowId, testId = 'workflow-link' }: TemporalLinkProps) {
  const meta = useApiMeta()
  if (!meta) return <Typography component="span" variant="body2">{workflowId}</Typography>
  return (
    <MuiLink
      href={temporalWorkflowUrl(meta, workflowId)}
      target="_blank"
      rel="noopener noreferrer"
      onClick={stopRowClick}
      data-testid={testId}
      variant="body2"
    >
      {workflowId}
    </MuiLink>
  )
}

/** Field for lists and show views: the record's workflow id as a Temporal UI link. */
export function TemporalLinkField({ source = 'workflowId' }: { source?: string; label?: string }) {
  const record = useRecordContext()
  const workflowId = record?.[source] as string | null | undefined
  if (!workflowId) return null
  return <TemporalLink workflowId={workflowId} testId={`temporal-link-${source}`} />
}
