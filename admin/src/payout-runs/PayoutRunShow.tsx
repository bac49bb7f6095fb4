import { useState } from 'react'
import { Box, Button, Card, CardContent, Stack, Typography } from '@mui/material'
import ListIcon from '@mui/icons-material/List'
import { Link, Pagination, ReferenceManyField, Show, useRecordContext } from 'react-admin'
import { formatDateTime } from '../media-reviews/format'
import { Fact } from '../payout-items/Fact'
import type { PayoutItemStatus } from '../payout-items/types'
import { PayoutItemsTable } from '../payout-items/PayoutItemsTable'
import { TemporalLink } from '../temporal-link'
import { ExportItemsButton } from './ExportItemsButton'
import { OpenCases } from './OpenCases'
import { RunStatusChip } from './RunStatusChip'
import { RunTotals } from './RunTotals'
import { cadenceText, minimumText, reserveText, thresholdText } from './settings-text'
import type { PayoutRun } from './types'

/** The policy the run paid by, as it stood when it started. */
function Settings({ run }: { run: PayoutRun }) {
  const s = run.settings
  if (!s) return <Typography variant="body2" color="text.secondary">No settings recorded.</Typography>
  return (
    <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="payout-run-settings">
      <Fact label="Cadence">{cadenceText(s)}</Fact>
      <Fact label="Minimum payout">{minimumText(s)}</Fact>
      <Fact label="Rolling reserve">{reserveText(s)}</Fact>
      <Fact label="Needs approval">{thresholdText(s)}</Fact>
      <Fact label="Currency">{s.currency}</Fact>
    </Stack>
  )
}

const itemsPath = (runId: string) => `/payout-items?filter=${encodeURIComponent(JSON.stringify({ runId }))}`

function Body() {
  const run = useRecordContext<PayoutRun>()
  const [status, setStatus] = useState<PayoutItemStatus | null>(null)
  if (!run) return null
  return (
    <Stack spacing={2} sx={{ p: 2 }} data-testid="payout-run-show" data-status={run.status}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5">{run.brand} payout run</Typography>
        <RunStatusChip status={run.status} />
        <Box sx={{ flexGrow: 1 }} />
        <ExportItemsButton run={run} />
      </Stack>
      <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Fact label="As of" testId="payout-run-as-of">{formatDateTime(run.asOf)}</Fact>
        <Fact label="Started">{formatDateTime(run.startedAt)}</Fact>
        <Fact label="Finished">{formatDateTime(run.finishedAt)}</Fact>
        <Fact label="Trigger">{run.trigger}</Fact>
        <Fact label="Creators" testId="payout-run-creators">{run.creators}</Fact>
        <Fact label="Open reconciliation cases"><OpenCases runId={run.id} count={run.openCases} /></Fact>
        <Fact label="Workflow"><TemporalLink workflowId={run.workflowId} testId="temporal-link-workflowId" /></Fact>
      </Stack>
      <Card variant="outlined"><CardContent><Settings run={run} /></CardContent></Card>
      <Stack spacing={1}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography variant="subtitle1">Items</Typography>
          <Typography variant="caption" color="text.secondary">Click a status to narrow the table.</Typography>
          <Box sx={{ flexGrow: 1 }} />
          <Button size="small" component={Link} to={itemsPath(run.id)} startIcon={<ListIcon />}>Open in Payouts</Button>
        </Stack>
        <RunTotals totals={run.totals} currency={run.currency} selected={status} onSelect={setStatus} />
        <ReferenceManyField reference="payout-items" target="runId" filter={status ? { status } : {}} sort={{ field: 'updatedAt', order: 'DESC' }}
          perPage={50} pagination={<Pagination rowsPerPageOptions={[25, 50, 100, 200]} />}
          empty={<Typography variant="body2" color="text.secondary">No items{status ? ` with status ${status}` : ''}.</Typography>}>
          <PayoutItemsTable />
        </ReferenceManyField>
      </Stack>
    </Stack>
  )
}

/** One payout run: status, as-of, the policy it used, totals, open cases, and every creator's item with its child workflow. */
export function PayoutRunShow() {
  return (
    <Show title="Payout run">
      <Body />
    </Show>
  )
}
