import { DataTable, DateField, List, SelectInput } from 'react-admin'
import { BRAND_SLUGS } from '../../../domain/brands.ts'
import { formatMinor } from '../money'
import { TemporalLinkField } from '../temporal-link'
import { SubscriptionStatusChip } from '../subscriptions/SubscriptionStatusChip'
import type { DunningRow } from '../subscriptions/types'

const choices = (values: readonly string[]) => values.map((v) => ({ id: v, name: v }))

const filters = [
  <SelectInput key="status" source="status" choices={choices(['PAST_DUE', 'GRACE'])} alwaysOn />,
  <SelectInput key="brand" source="brand" choices={choices(BRAND_SLUGS)} alwaysOn />,
]

const lastFailure = (r: DunningRow) =>
  r.lastFailure ? `${r.lastFailure.code ?? 'declined'} · ${formatMinor(r.lastFailure.amount, r.currency)}` : '—'

/** Subscriptions whose renewal is unpaid (retrying or in grace), longest overdue first; a row opens the subscription. */
export function DunningQueueList() {
  return (
    <List title="Dunning queue" sort={{ field: 'currentPeriodEnd', order: 'ASC' }} filters={filters} exporter={false}>
      <DataTable rowClick={(id) => `/subscriptions/${id}/show`} bulkActionButtons={false}>
        <DataTable.Col source="currentPeriodEnd" label="Due since" field={DateField} />
        <DataTable.Col source="status" disableSort render={(r: DunningRow) => <SubscriptionStatusChip status={r.status} />} />
        <DataTable.Col source="failedAttempts" label="Failed attempts" align="right" disableSort />
        <DataTable.Col source="lastFailure" label="Last failure" disableSort render={lastFailure} />
        <DataTable.Col source="nextBillingAt" label="Next retry" disableSort field={DateField} />
        <DataTable.Col source="planName" label="Plan" disableSort render={(r: DunningRow) => `${r.planName ?? r.planId} · ${r.tierName}`} />
        <DataTable.Col source="processor" disableSort />
        <DataTable.Col source="brand" disableSort />
        <DataTable.Col source="workflowId" label="Workflow" disableSort field={TemporalLinkField} />
      </DataTable>
    </List>
  )
}
