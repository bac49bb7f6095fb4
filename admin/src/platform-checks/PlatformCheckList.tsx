import { DataTable, DateField, List } from 'react-admin'
import { TemporalLinkField } from '../temporal-link'
import { CheckStatusChip } from './CheckStatusChip'
import type { PlatformCheck } from './types'

/** Past deep health checks, newest first. */
export function PlatformCheckList() {
  return (
    <List sort={{ field: 'startedAt', order: 'DESC' }} exporter={false}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="startedAt" field={DateField} />
        <DataTable.Col source="status" render={(check: PlatformCheck) => <CheckStatusChip check={check} />} />
        <DataTable.Col
          label="Failed checks"
          render={(check: PlatformCheck) => check.checks.filter((c) => !c.ok).map((c) => c.name).join(', ') || '—'}
        />
        <DataTable.Col source="requestedBy" render={(check: PlatformCheck) => check.requestedBy ?? '—'} />
        <DataTable.Col source="finishedAt" field={DateField} />
        <DataTable.Col source="workflowId" label="Workflow" disableSort field={TemporalLinkField} />
      </DataTable>
    </List>
  )
}
