import { Box, Tooltip } from '@mui/material'
import type { DataTableBodyProps, DataTableRowProps } from 'react-admin'
import { DataTable, DataTableBody, DataTableRow, List, SelectInput, useRecordContext } from 'react-admin'
import { formatDateTime } from '../media-reviews/format'
import { choices } from '../payout-items/types'
import { TemporalLink } from '../temporal-link'
import { ChainTxStatusChip } from './ChainTxStatusChip'
import { FeeBumps } from './FeeBumps'
import { mono, shortHex } from './format'
import type { ChainTx } from './types'
import { CHAIN_TX_PURPOSE, CHAIN_TX_STATUS } from './types'

const filters = [
  <SelectInput key="status" source="status" choices={choices(Object.values(CHAIN_TX_STATUS))} alwaysOn />,
  <SelectInput key="purpose" source="purpose" choices={choices(Object.values(CHAIN_TX_PURPOSE))} alwaysOn />,
]

function TxRow(props: DataTableRowProps) {
  const tx = useRecordContext<ChainTx>()
  return <DataTableRow {...props} data-testid="chain-tx-row" data-id={tx?.id} data-purpose={tx?.purpose} data-status={tx?.status}
    data-attempts={tx?.attempts.length} />
}
function TxBody(props: DataTableBodyProps) {
  return <DataTableBody {...props} row={TxRow} />
}

const Hex = ({ value }: { value: string | null }) => (
  <Tooltip title={value ?? ''}><Box component="span" sx={mono}>{shortHex(value)}</Box></Tooltip>
)

/** The chain transaction journal, newest first: what each transaction was for, where it stands, how often its fees were bumped. */
export function ChainTransactionList() {
  return (
    <List title="Chain transactions" sort={{ field: 'createdAt', order: 'DESC' }} filters={filters} exporter={false} perPage={50}>
      <DataTable rowClick="show" bulkActionButtons={false} body={TxBody}>
        <DataTable.Col source="createdAt" label="Created" render={(t: ChainTx) => formatDateTime(t.createdAt)} />
        <DataTable.Col source="purpose" />
        <DataTable.Col source="status" render={(t: ChainTx) => <ChainTxStatusChip status={t.status} />} />
        <DataTable.Col source="nonce" align="right" />
        <DataTable.Col source="attempts" label="Attempts" disableSort render={(t: ChainTx) => <FeeBumps attempts={t.attempts} />} />
        <DataTable.Col source="minedHash" label="Mined hash" disableSort render={(t: ChainTx) => <Hex value={t.minedHash} />} />
        <DataTable.Col source="blockNumber" label="Block" align="right" disableSort render={(t: ChainTx) => t.blockNumber ?? '—'} />
        <DataTable.Col source="key" disableSort render={(t: ChainTx) => <Box component="span" sx={mono}>{t.key}</Box>} />
        <DataTable.Col source="workflowId" label="Workflow" disableSort
          render={(t: ChainTx) => <TemporalLink workflowId={t.workflowId} label="Temporal" testId="chain-tx-workflow-link" />} />
      </DataTable>
    </List>
  )
}
