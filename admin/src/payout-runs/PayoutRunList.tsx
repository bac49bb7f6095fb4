import type { DataTableBodyProps, DataTableRowProps } from 'react-admin'
import { DataTable, DataTableBody, DataTableRow, List, SelectInput, useRecordContext } from 'react-admin'
import { BRAND_SLUGS } from '../../../domain/brands.ts'
import { formatDateTime } from '../media-reviews/format'
import { choices } from '../payout-items/types'
import { TemporalLink } from '../temporal-link'
import { OpenCases } from './OpenCases'
import { RunStatusChip } from './RunStatusChip'
import { RunTotals } from './RunTotals'
import type { PayoutRun } from './types'
import { PAYOUT_RUN_STATUS } from './types'

const filters = [
  <SelectInput key="brand" source="brand" choices={choices(BRAND_SLUGS)} alwaysOn />,
  <SelectInput key="status" source="status" choices={choices(Object.values(PAYOUT_RUN_STATUS))} alwaysOn />,
]

function RunRow(props: DataTableRowProps) {
  const run = useRecordContext<PayoutRun>()
  return <DataTableRow {...props} data-testid="payout-run-row" data-id={run?.id} data-brand={run?.brand} data-status={run?.status} />
}
function RunBody(props: DataTableBodyProps) {
  return <DataTableBody {...props} row={RunRow} />
}

/** Payout runs, newest first: which brand, how far along, how many creators, and where the money of each status stands. */
export function PayoutRunList() {
  return (
    <List title="Payout runs" sort={{ field: 'startedAt', order: 'DESC' }} filters={filters} exporter={false}>
      <DataTable rowClick="show" bulkActionButtons={false} body={RunBody}>
        <DataTable.Col source="startedAt" label="Started" render={(r: PayoutRun) => formatDateTime(r.startedAt)} />
        <DataTable.Col source="brand" />
        <DataTable.Col source="status" render={(r: PayoutRun) => <RunStatusChip status={r.status} />} />
        <DataTable.Col source="trigger" disableSort />
        <DataTable.Col source="asOf" label="As of" disableSort render={(r: PayoutRun) => formatDateTime(r.asOf)} />
        <DataTable.Col source="creators" align="right" disableSort />
        <DataTable.Col source="totals" label="Items by status" disableSort render={(r: PayoutRun) => <RunTotals totals={r.totals} currency={r.currency} />} />
        <DataTable.Col label="Cases" disableSort render={(r: PayoutRun) => <OpenCases runId={r.id} count={r.openCases} />} />
        <DataTable.Col source="workflowId" label="Workflow" disableSort render={(r: PayoutRun) => <TemporalLink workflowId={r.workflowId} label="Temporal" testId="payout-run-workflow-link" />} />
      </DataTable>
    </List>
  )
}
