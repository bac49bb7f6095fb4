import { DataTable, DateField, List, SelectInput } from 'react-admin'
import { BRAND_SLUGS } from '../../../domain/brands.ts'
import { formatMinor } from '../money'
import { PROCESSORS } from '../purchases/types'
import { TemporalLinkField } from '../temporal-link'
import { ChargebackStatusChip } from './ChargebackStatusChip'
import type { ChargebackCase } from './types'
import { CHARGEBACK_STATUS } from './types'

const choices = (values: readonly string[]) => values.map((v) => ({ id: v, name: v }))

const filters = [
  <SelectInput key="status" source="status" choices={choices(Object.values(CHARGEBACK_STATUS))} alwaysOn />,
  <SelectInput key="brand" source="brand" choices={choices(BRAND_SLUGS)} alwaysOn />,
  <SelectInput key="processor" source="processor" choices={choices(PROCESSORS)} />,
]

const money = (amount: number | null, currency: string) => (amount === null ? '—' : formatMinor(amount, currency))

/** Chargebacks, newest first: what was reversed, what we clawed back, what we lost, and the run that handled it. */
export function ChargebackCaseList() {
  return (
    <List sort={{ field: 'openedAt', order: 'DESC' }} filters={filters} exporter={false}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="openedAt" label="Opened" field={DateField} />
        <DataTable.Col source="status" disableSort render={(c: ChargebackCase) => <ChargebackStatusChip status={c.status} />} />
        <DataTable.Col source="amount" align="right" render={(c: ChargebackCase) => formatMinor(c.amount, c.currency)} />
        <DataTable.Col source="clawedBack" label="Clawed back" align="right" disableSort render={(c: ChargebackCase) => money(c.clawedBack, c.currency)} />
        <DataTable.Col source="loss" align="right" disableSort render={(c: ChargebackCase) => money(c.loss, c.currency)} />
        <DataTable.Col source="processor" disableSort />
        <DataTable.Col source="brand" disableSort />
        <DataTable.Col source="workflowId" label="Workflow" disableSort field={TemporalLinkField} />
      </DataTable>
    </List>
  )
}
