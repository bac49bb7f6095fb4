import { Tooltip } from '@mui/material'
import PriorityHighIcon from '@mui/icons-material/PriorityHigh'
import { BooleanInput, DataTable, DateField, List, SelectInput } from 'react-admin'
import { DaysLeft } from './DaysLeft'
import { DsrStatusChip, VerificationChip } from './DsrStatusChip'
import { PersonFilterInput } from './PersonFilterInput'
import type { PrivacyRequest } from './types'
import { choices, DSR_KIND, DSR_STATUS, JURISDICTION } from './types'

// the API takes `overdue: true` only: switched off, the filter is dropped rather than sent as false
const onlyWhenOn = (on: boolean) => (on ? true : null)

const filters = [
  <SelectInput key="status" source="status" choices={choices(Object.values(DSR_STATUS))} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={choices(Object.values(DSR_KIND))} alwaysOn />,
  <SelectInput key="jurisdiction" source="jurisdiction" choices={choices(Object.values(JURISDICTION))} alwaysOn />,
  <BooleanInput key="overdue" source="overdue" label="Overdue only" parse={onlyWhenOn} alwaysOn />,
  <PersonFilterInput key="personId" source="personId" label="Person" />,
]

/** A marker on requests the clock escalated (escalatedAt), with when on hover. */
function Escalated({ request }: { request: PrivacyRequest }) {
  if (!request.escalatedAt) return null
  return (
    <Tooltip title={`Escalated ${new Date(request.escalatedAt).toLocaleString()}`}>
      <PriorityHighIcon color="error" fontSize="small" data-testid="dsr-escalated" />
    </Tooltip>
  )
}

/** The DSR queue: the nearest statutory deadline first, overdue and nearly due requests in red. */
export function PrivacyRequestList() {
  return (
    <List sort={{ field: 'dueAt', order: 'ASC' }} filters={filters} exporter={false} title="Privacy requests">
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="personEmail" label="Person" disableSort />
        <DataTable.Col source="kind" disableSort />
        <DataTable.Col source="jurisdiction" disableSort />
        <DataTable.Col source="status" disableSort render={(r: PrivacyRequest) => <DsrStatusChip status={r.status} />} />
        <DataTable.Col source="verification" disableSort render={(r: PrivacyRequest) => <VerificationChip verification={r.verification} />} />
        <DataTable.Col source="receivedAt" label="Received" field={DateField} />
        <DataTable.Col source="dueAt" label="Due" field={DateField} />
        <DataTable.Col source="daysLeft" label="Days left" disableSort render={(r: PrivacyRequest) => <DaysLeft request={r} />} />
        <DataTable.Col source="escalatedAt" label="Escalated" disableSort render={(r: PrivacyRequest) => <Escalated request={r} />} />
      </DataTable>
    </List>
  )
}
