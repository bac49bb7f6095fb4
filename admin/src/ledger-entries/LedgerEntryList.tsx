import { DataTable, DateField, List, TextInput } from 'react-admin'
import { TemporalLinkField } from '../temporal-link'

const filters = [
  <TextInput key="workflowId" source="workflowId" label="Workflow id" alwaysOn />,
  <TextInput key="kind" source="kind" />,
  <TextInput key="brand" source="brand" />,
]

/** Journal entries, newest first, each with the workflow run that booked it. */
export function LedgerEntryList() {
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} filters={filters} exporter={false}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="createdAt" label="Created" field={DateField} />
        <DataTable.Col source="kind" disableSort />
        <DataTable.Col source="memo" disableSort />
        <DataTable.Col source="brand" disableSort />
        <DataTable.Col source="workflowId" label="Workflow" disableSort field={TemporalLinkField} />
      </DataTable>
    </List>
  )
}
