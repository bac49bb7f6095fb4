import { Tooltip, Typography } from '@mui/material'
import type { DataTableBodyProps, DataTableRowProps } from 'react-admin'
import { DataTable, DataTableBody, DataTableRow, useRecordContext } from 'react-admin'
import { formatDateTime } from '../media-reviews/format'
import { formatMinor } from '../money'
import { TemporalLink } from '../temporal-link'
import { GatesSummary } from './GatesSummary'
import { PayoutStatusChip } from './PayoutStatusChip'
import { mono } from './styles'
import type { PayoutItem } from './types'

/** A row tests and people can address: id, status, creator and amount ride on the <tr>. */
function PayoutItemRow(props: DataTableRowProps) {
  const item = useRecordContext<PayoutItem>()
  return (
    <DataTableRow {...props} data-testid="payout-item-row" data-id={item?.id} data-status={item?.status} data-creator={item?.creatorName ?? item?.creatorId}
      data-amount={item?.amount ?? ''} />
  )
}
function PayoutItemBody(props: DataTableBodyProps) {
  return <DataTableBody {...props} row={PayoutItemRow} />
}

const money = (amount: number | null, currency: string) => (amount === null ? '—' : formatMinor(amount, currency))

export function Creator({ item }: { item: PayoutItem }) {
  return <Typography variant="body2" sx={{ fontWeight: 500 }} title={item.creatorId} data-testid="payout-creator">{item.creatorName ?? item.creatorId.slice(0, 8)}</Typography>
}

function Failure({ item }: { item: PayoutItem }) {
  if (!item.failureCode && !item.failureMessage) return <Typography variant="body2" color="text.secondary">—</Typography>
  return (
    <Tooltip title={item.failureMessage ?? ''}>
      <Typography variant="body2" color="error" sx={mono} data-testid="payout-failure">{item.failureCode ?? 'failed'}</Typography>
    </Tooltip>
  )
}

type Props = { brand?: boolean }

/** Payout items, dense: who, how much (sent, reserved, netted), where it stands, on which rail, why not, and the child workflow. */
export function PayoutItemsTable({ brand = false }: Props) {
  return (
    <DataTable rowClick={(id) => `/payout-items/${id}/show`} bulkActionButtons={false} body={PayoutItemBody} data-testid="payout-items-table">
      <DataTable.Col source="creatorName" label="Creator" disableSort render={(i: PayoutItem) => <Creator item={i} />} />
      {brand && <DataTable.Col source="brand" disableSort />}
      <DataTable.Col source="available" align="right" render={(i: PayoutItem) => formatMinor(i.available, i.currency)} />
      <DataTable.Col source="amount" label="Paying" align="right" render={(i: PayoutItem) => money(i.amount, i.currency)} />
      <DataTable.Col source="reserve" align="right" disableSort render={(i: PayoutItem) => money(i.reserve, i.currency)} />
      <DataTable.Col source="netted" align="right" disableSort render={(i: PayoutItem) => money(i.netted, i.currency)} />
      <DataTable.Col source="status" render={(i: PayoutItem) => <PayoutStatusChip status={i.status} />} />
      <DataTable.Col source="rail" disableSort render={(i: PayoutItem) => i.rail ?? '—'} />
      <DataTable.Col source="providerRef" label="Provider ref" disableSort render={(i: PayoutItem) => <Typography sx={mono}>{i.providerRef ?? '—'}</Typography>} />
      <DataTable.Col source="failureCode" label="Failure" disableSort render={(i: PayoutItem) => <Failure item={i} />} />
      <DataTable.Col source="gates" label="Gates" disableSort render={(i: PayoutItem) => <GatesSummary gates={i.gates} />} />
      <DataTable.Col source="workflowId" label="Workflow" disableSort render={(i: PayoutItem) => <TemporalLink workflowId={i.workflowId} label="Temporal" testId="payout-workflow-link" />} />
      <DataTable.Col source="updatedAt" label="Updated" render={(i: PayoutItem) => formatDateTime(i.updatedAt)} />
    </DataTable>
  )
}
