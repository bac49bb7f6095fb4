import { useState } from 'react'
import { Button, Card, CardContent, CardHeader, Stack, TextField } from '@mui/material'
import OpenInNewIcon from '@mui/icons-material/OpenInNew'
import { useApiMeta } from '../meta'
import { temporalWorkflowUrl } from '../temporal-link'

/** Jump from a workflow id (e.g. `ppv:fan:post`) to its execution in the Temporal Web UI. */
export function OpenWorkflowCard() {
  const meta = useApiMeta()
  const [workflowId, setWorkflowId] = useState('')
  const id = workflowId.trim()
  const href = meta && id ? temporalWorkflowUrl(meta, id) : undefined
  return (
    <Card>
      <CardHeader title="Open a workflow in Temporal" subheader={meta ? `Namespace ${meta.namespace}` : undefined} />
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <TextField
            label="Workflow id"
            size="small"
            fullWidth
            value={workflowId}
            onChange={(event) => setWorkflowId(event.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'temporal-workflow-id' } }}
          />
          <Button
            component="a"
            href={href}
            target="_blank"
            rel="noopener noreferrer"
            disabled={!href}
            endIcon={<OpenInNewIcon />}
            data-testid="temporal-link"
          >
            Open
          </Button>
        </Stack>
      </CardContent>
    </Card>
  )
}
