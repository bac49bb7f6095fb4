import { DataTable, DateField, List, SelectInput, TextInput } from 'react-admin'
import { BRAND_SLUGS } from '../../../domain/brands.ts'
import { formatMinor } from '../money'
import { PROCESSORS } from '../purchases/types'
import { TemporalLinkField } from '../temporal-link'
import { SubscriptionStatusChip } from './SubscriptionStatusChip'
import type { Subscription } from './types'
import { SUBSCRIPTION_STATUS } from './types'

const choices = (values: readonly string[]) => values.map((v) => ({ id: v, name: v }))

const filters = [
  <SelectInput key="status" source="status" choices={choices(Object.values(SUBSCRIPTION_STATUS))} alwaysOn />,
  <SelectInput key="brand" source="brand" choices={choices(BRAND_SLUGS)} alwaysOn />,
  <TextInput key="creatorId" source="creatorId" label="Creator id" />,
  <TextInput key="fanId" source="fanId" label="Fan id" />,
  <SelectInput key="processor" source="processor" choices={choices(PROCESSORS)} />,
]

/** "monthly" or "every 3 months". */
export const periodLabel = (months: number) => (months === 1 ? 'monthly' : `every ${months} months`)

const creatorName = (s: Subscription) => (s.creator.handle ? `@${s.creator.handle}` : s.creator.displayName)

/** Every subscription, newest first: who subscribes to whom, on which tier, at what price, and the workflow that runs it. */
export function SubscriptionList() {
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} filters={filters} exporter={false}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="createdAt" label="Started" field={DateField} />
        <DataTable.Col source="status" render={(s: Subscription) => <SubscriptionStatusChip status={s.status} />} />
        <DataTable.Col source="planName" label="Plan" disableSort render={(s: Subscription) => `${s.planName ?? s.planId} · ${s.tierName}`} />
        <DataTable.Col source="creator" label="Creator" disableSort render={creatorName} />
        <DataTable.Col source="price" align="right" render={(s: Subscription) => `${formatMinor(s.price, s.currency)} ${periodLabel(s.periodMonths)}`} />
        <DataTable.Col source="nextBillingAt" label="Next billing" field={DateField} />
        <DataTable.Col source="processor" disableSort />
        <DataTable.Col source="brand" disableSort />
        <DataTable.Col source="workflowId" label="Workflow" disableSort field={TemporalLinkField} />
      </DataTable>
    </List>
  )
}
