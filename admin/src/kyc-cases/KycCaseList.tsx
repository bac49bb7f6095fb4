import { Stack, Typography } from '@mui/material'
import { BRAND_SLUGS } from '../../../domain/brands.ts'
import { DataTable, DateField, List, SelectInput } from 'react-admin'
import { TemporalLinkField } from '../temporal-link'
import { CaseAge } from './CaseAge'
import { KycCaseBody } from './KycCaseRow'
import { KycQueueAside } from './KycQueueAside'
import { KycStatusChip } from './KycStatusChip'
import type { KycCase } from './types'
import { KYC_PURPOSES, KYC_STATUS } from './types'

const filters = [
  <SelectInput key="brand" source="brand" choices={BRAND_SLUGS.map((b) => ({ id: b, name: b }))} alwaysOn />,
  <SelectInput key="purpose" source="purpose" choices={KYC_PURPOSES.map((p) => ({ id: p, name: p }))} alwaysOn />,
]

function Person({ kycCase }: { kycCase: KycCase }) {
  return (
    <Stack>
      <Typography variant="body2" data-testid="kyc-case-person">{kycCase.personDisplayName ?? kycCase.personId}</Typography>
      <Typography variant="caption" color="text.secondary" data-testid="kyc-case-email">{kycCase.personEmail ?? '—'}</Typography>
    </Stack>
  )
}

/** The compliance team's KYC queue, oldest first, opening on the cases that need a human review. */
export function KycCaseList() {
  return (
    <List
      sort={{ field: 'createdAt', order: 'ASC' }}
      filters={filters}
      filterDefaultValues={{ status: KYC_STATUS.review }}
      aside={<KycQueueAside />}
      exporter={false}
      title="KYC cases"
    >
      <DataTable rowClick="show" bulkActionButtons={false} body={KycCaseBody}>
        <DataTable.Col source="createdAt" label="Opened" field={DateField} />
        <DataTable.Col source="ageHours" label="Age" disableSort render={(c: KycCase) => <CaseAge hours={c.ageHours} />} />
        <DataTable.Col source="personEmail" label="Person" disableSort render={(c: KycCase) => <Person kycCase={c} />} />
        <DataTable.Col source="brand" disableSort />
        <DataTable.Col source="purpose" disableSort />
        <DataTable.Col source="status" render={(c: KycCase) => <KycStatusChip status={c.status} />} />
        <DataTable.Col source="round" disableSort />
        <DataTable.Col source="remindersSent" label="Reminders" disableSort />
        <DataTable.Col source="reasonCode" label="Reason" disableSort render={(c: KycCase) => c.reasonCode ?? '—'} />
        <DataTable.Col source="workflowId" label="Workflow" disableSort field={TemporalLinkField} />
      </DataTable>
    </List>
  )
}
