import { DateField, Show, SimpleShowLayout, TextField } from 'react-admin'
import { TemporalLinkField } from '../temporal-link'

/** One audit entry with the request and workflow that caused it. */
export function AuditLogShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <DateField source="at" showTime />
        <TextField source="actorEmail" label="Actor" emptyText="system" />
        <TextField source="actorId" label="Actor id" emptyText="—" />
        <TextField source="action" />
        <TextField source="resourceType" />
        <TextField source="resourceId" emptyText="—" />
        <TextField source="reason" emptyText="—" />
        <TextField source="requestId" emptyText="—" />
        <TemporalLinkField source="workflowId" label="Workflow" />
      </SimpleShowLayout>
    </Show>
  )
}
