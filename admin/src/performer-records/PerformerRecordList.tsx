import { BooleanInput, DataTable, DateField, List, SearchInput, TopToolbar } from 'react-admin'
import { AliasChips, RecordStateChip } from './AliasChips'
import { ExportRecordsButton } from './ExportRecordsButton'
import { PerformerRecordBody } from './PerformerRecordRow'
import type { PerformerRecord } from './types'

const filters = [
  <SearchInput key="q" source="q" placeholder="Exact alias or legal name" alwaysOn />,
  <BooleanInput key="current" source="current" label="Current records only" alwaysOn />,
]

const today = () => new Date().toISOString().slice(0, 10)

function ListActions() {
  return <TopToolbar><ExportRecordsButton /></TopToolbar>
}

/** The 18 U.S.C. 2257 records: one per performer identification, searchable by alias or legal name. */
export function PerformerRecordList() {
  return (
    <List sort={{ field: 'recordMadeAt', order: 'DESC' }} filters={filters} actions={<ListActions />} exporter={false} title="2257 performer records">
      <DataTable rowClick="show" bulkActionButtons={false} body={PerformerRecordBody}>
        <DataTable.Col source="legalName" disableSort />
        <DataTable.Col source="aliases" disableSort field={AliasChips} />
        <DataTable.Col source="dateOfBirth" label="Date of birth" disableSort />
        <DataTable.Col source="brand" disableSort />
        <DataTable.Col source="documentType" label="Document" disableSort render={(r: PerformerRecord) => `${r.documentType.replaceAll('_', ' ')} · ${r.documentIssuer}`} />
        <DataTable.Col source="documentExpiresOn" label="Expires" disableSort
          render={(r: PerformerRecord) => (r.documentExpiresOn && r.documentExpiresOn < today() ? <strong>{r.documentExpiresOn} (expired)</strong> : r.documentExpiresOn ?? '—')} />
        <DataTable.Col source="recordMadeAt" label="Record made" field={DateField} />
        <DataTable.Col source="releaseVersion" label="Release" disableSort />
        <DataTable.Col source="supersededAt" label="State" disableSort field={RecordStateChip} />
      </DataTable>
    </List>
  )
}
