import { Chip, Stack, Tooltip, Typography } from '@mui/material'
import type { DataTableBodyProps, DataTableRowProps } from 'react-admin'
import { DataTable, DataTableBody, DataTableRow, List, SelectInput, useRecordContext } from 'react-admin'
import { BRAND_SLUGS } from '../../../domain/brands.ts'
import { PAYOUT_RAIL_NAMES } from '../../../domain/payouts/destinations.ts'
import { formatMinor } from '../money'
import { ago } from '../payout-items/api'
import { DecisionButtons } from '../payout-items/DecisionButtons'
import { Creator } from '../payout-items/PayoutItemsTable'
import type { PayoutItem } from '../payout-items/types'
import { choices, PAYOUT_ITEM_STATUS, payoutAmount } from '../payout-items/types'

const filters = [
  <SelectInput key="brand" source="brand" choices={choices(BRAND_SLUGS)} alwaysOn />,
  <SelectInput key="rail" source="rail" choices={choices(PAYOUT_RAIL_NAMES)} />,
]

function ApprovalRow(props: DataTableRowProps) {
  const item = useRecordContext<PayoutItem>()
  return <DataTableRow {...props} data-testid="approval-row" data-id={item?.id} data-creator={item?.creatorName ?? item?.creatorId} data-amount={item ? payoutAmount(item) : ''} />
}
function ApprovalBody(props: DataTableBodyProps) {
  return <DataTableBody {...props} row={ApprovalRow} />
}

/** Why finance must look: the rule (approvalReason) as a chip, its sentence and expiry (approvalDetail) beside it. */
function Reason({ item }: { item: PayoutItem }) {
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} data-testid="approval-reason">
      {item.approvalReason && <Chip size="small" color="primary" variant="outlined" label={item.approvalReason} />}
      <Typography variant="body2" sx={{ maxWidth: 420 }}>{item.approvalDetail ?? '—'}</Typography>
    </Stack>
  )
}

function Amount({ item }: { item: PayoutItem }) {
  const reserve = item.reserve ? ` · reserve ${formatMinor(item.reserve, item.currency)}` : ''
  const netted = item.netted ? ` · netted ${formatMinor(item.netted, item.currency)}` : ''
  return (
    <Tooltip title={`Available ${formatMinor(item.available, item.currency)}${reserve}${netted}`}>
      <Typography variant="body2" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }} data-testid="approval-amount">
        {formatMinor(payoutAmount(item), item.currency)}
      </Typography>
    </Tooltip>
  )
}

/** The queue: payouts waiting for a finance decision, the longest waiting first; each can be approved or rejected in place. */
export function PayoutApprovalList() {
  return (
    <List resource="payout-items" storeKey="payout-approvals" title="Payout approvals" filter={{ status: PAYOUT_ITEM_STATUS.awaitingApproval }}
      filters={filters} sort={{ field: 'updatedAt', order: 'ASC' }} exporter={false} perPage={25}
      empty={<Typography sx={{ p: 3 }} color="text.secondary" data-testid="approvals-empty">No payouts are waiting for approval.</Typography>}>
      <DataTable rowClick={(id) => `/payout-items/${id}/show`} bulkActionButtons={false} body={ApprovalBody}>
        <DataTable.Col source="creatorName" label="Creator" disableSort render={(i: PayoutItem) => <Creator item={i} />} />
        <DataTable.Col source="brand" disableSort />
        <DataTable.Col source="amount" align="right" render={(i: PayoutItem) => <Amount item={i} />} />
        <DataTable.Col source="approvalReason" label="Reason" disableSort render={(i: PayoutItem) => <Reason item={i} />} />
        <DataTable.Col source="updatedAt" label="Waiting" render={(i: PayoutItem) => (
          <Tooltip title={`since ${new Date(i.updatedAt).toLocaleString()}`}><span data-testid="approval-waiting">{ago(i.updatedAt)}</span></Tooltip>
        )} />
        <DataTable.Col label="Decision" disableSort render={(i: PayoutItem) => <DecisionButtons item={i} />} />
      </DataTable>
    </List>
  )
}
