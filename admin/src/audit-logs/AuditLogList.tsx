import { DataTable, DateField, List } from 'react-admin'
import { TemporalLinkField } from '../temporal-link'

/** The append-only audit trail, newest first. */
export function AuditLogList() {
  return (
    <List sort={{ field: 'at', order: 'DESC' }} exporter={false}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="at" field={DateField} />
        <DataTable.Col source="actorEmail" label="Actor" render={(log) => log.actorEmail ?? 'system'} />
        <DataTable.Col source="action" />
        <DataTable.Col source="resourceType" />
        <DataTable.Col source="resourceId" />
        <DataTable.Col source="reason" disableSort />
        <DataTable.Col source="workflowId" label="Workflow" disableSort field={TemporalLinkField} />
      </DataTable>
    </List>
  )
}
