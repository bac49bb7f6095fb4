import { Chip, Stack, Tooltip, Typography } from '@mui/material'
import type { DataTableBodyProps, DataTableRowProps } from 'react-admin'
import { DataTable, DataTableBody, DataTableRow, List, useRecordContext } from 'react-admin'
import { formatDateTime } from '../media-reviews/format'
import { cadenceText, minimumText, reserveText, thresholdText } from '../payout-runs/settings-text'
import { TemporalLink } from '../temporal-link'
import { ScheduleActions } from './ScheduleActions'
import type { PayoutScheduleRow } from './types'

function ScheduleRow(props: DataTableRowProps) {
  const row = useRecordContext<PayoutScheduleRow>()
  return <DataTableRow {...props} data-testid="schedule-row" data-brand={row?.brand} data-paused={String(row?.schedule?.paused ?? false)} />
}
function ScheduleBody(props: DataTableBodyProps) {
  return <DataTableBody {...props} row={ScheduleRow} />
}

const dim = (text: string) => <Typography variant="body2" color="text.secondary">{text}</Typography>

/** Paused (with who and why) or active; a brand never scheduled yet gets its schedule on the first action. */
function State({ row }: { row: PayoutScheduleRow }) {
  if (!row.schedule) return <Tooltip title="Created from the settings on the first Pause, Resume or Run now."><Chip size="small" label="not scheduled" variant="outlined" data-testid="schedule-state" data-state="none" /></Tooltip>
  if (!row.schedule.paused) return <Chip size="small" color="success" label="active" data-testid="schedule-state" data-state="active" />
  return (
    <Stack spacing={0.5}>
      <Chip size="small" color="warning" label="paused" sx={{ alignSelf: 'flex-start' }} data-testid="schedule-state" data-state="paused" />
      {row.schedule.note && <Typography variant="caption" sx={{ maxWidth: 220 }}>{row.schedule.note}</Typography>}
    </Stack>
  )
}

function LastRun({ row }: { row: PayoutScheduleRow }) {
  if (!row.schedule?.lastRunAt) return dim('—')
  return (
    <Stack>
      <Typography variant="body2">{formatDateTime(row.schedule.lastRunAt)}</Typography>
      <TemporalLink workflowId={row.schedule.lastWorkflowId} label="workflow" testId="schedule-last-workflow-link" />
    </Stack>
  )
}

/** Each brand's payout schedule: the policy it pays by, paused or not, next and last run; pause, resume or run now. */
export function PayoutScheduleList() {
  return (
    <List title="Payout schedules" exporter={false} pagination={false} perPage={100} sort={{ field: 'brand', order: 'ASC' }}>
      <DataTable rowClick={false} bulkActionButtons={false} body={ScheduleBody}>
        <DataTable.Col source="name" label="Brand" disableSort render={(r: PayoutScheduleRow) => (
          <Stack><Typography variant="body2" sx={{ fontWeight: 600 }}>{r.name}</Typography><Typography variant="caption" color="text.secondary">{r.brand}</Typography></Stack>
        )} />
        <DataTable.Col label="Cadence" disableSort render={(r: PayoutScheduleRow) => (r.settings ? cadenceText(r.settings) : dim('defaults (no settings yet)'))} />
        <DataTable.Col label="Minimum" align="right" disableSort render={(r: PayoutScheduleRow) => (r.settings ? minimumText(r.settings) : dim('—'))} />
        <DataTable.Col label="Reserve" disableSort render={(r: PayoutScheduleRow) => (r.settings ? reserveText(r.settings) : dim('—'))} />
        <DataTable.Col label="Approval" disableSort render={(r: PayoutScheduleRow) => (r.settings ? thresholdText(r.settings) : dim('—'))} />
        <DataTable.Col label="State" disableSort render={(r: PayoutScheduleRow) => <State row={r} />} />
        <DataTable.Col label="Next run" disableSort render={(r: PayoutScheduleRow) => (
          <span data-testid="schedule-next-run">{r.schedule?.paused ? '— (paused)' : formatDateTime(r.schedule?.nextRunAt)}</span>
        )} />
        <DataTable.Col label="Last run" disableSort render={(r: PayoutScheduleRow) => <LastRun row={r} />} />
        <DataTable.Col label="Actions" disableSort render={(r: PayoutScheduleRow) => <ScheduleActions row={r} />} />
      </DataTable>
    </List>
  )
}
