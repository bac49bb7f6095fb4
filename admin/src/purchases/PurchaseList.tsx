import { DataTable, DateField, List, SelectInput, TextInput } from 'react-admin'
import { formatMinor } from '../money'
import { TemporalLinkField } from '../temporal-link'
import { PurchaseStatusChip } from './PurchaseStatusChip'
import type { Purchase } from './types'
import { PROCESSORS, PURCHASE_STATUS } from './types'

const filters = [
  <SelectInput key="status" source="status" choices={Object.values(PURCHASE_STATUS).map((s) => ({ id: s, name: s }))} alwaysOn />,
  <SelectInput key="processor" source="processor" choices={PROCESSORS.map((p) => ({ id: p, name: p }))} />,
  <TextInput key="fanId" source="fanId" label="Fan id" />,
]

/** Every purchase and tip, newest first. */
export function PurchaseList() {
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} filters={filters} exporter={false}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="createdAt" label="Created" field={DateField} />
        <DataTable.Col source="status" disableSort render={(p: Purchase) => <PurchaseStatusChip status={p.status} />} />
        <DataTable.Col source="amount" align="right" render={(p: Purchase) => formatMinor(p.amount, p.currency)} />
        <DataTable.Col source="processor" disableSort />
        <DataTable.Col source="brand" disableSort />
        <DataTable.Col source="workflowId" label="Workflow" disableSort field={TemporalLinkField} />
      </DataTable>
    </List>
  )
}
