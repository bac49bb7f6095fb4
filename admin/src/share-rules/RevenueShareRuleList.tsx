import { CreateButton, DataTable, DateField, List, SelectInput, TextInput, TopToolbar } from 'react-admin'
import { BRAND_SLUGS } from '../../../domain/brands.ts'
import { DealStatusChip } from './DealStatusChip'
import { EndDealButton } from './EndDealButton'
import type { RevenueShareRule } from './types'
import { formatBps } from './types'

const filters = [
  <SelectInput key="brand" source="brand" choices={BRAND_SLUGS.map((b) => ({ id: b, name: b }))} alwaysOn />,
  <TextInput key="creatorId" source="creatorId" label="Creator id" />,
]

/** Creator share deals, newest first: the newest rule in force wins, a creator's own rule beats the brand's, else 80 %. */
export function RevenueShareRuleList() {
  return (
    <List sort={{ field: 'validFrom', order: 'DESC' }} filters={filters} exporter={false} actions={<TopToolbar><CreateButton /></TopToolbar>}>
      <DataTable bulkActionButtons={false}>
        <DataTable.Col source="brand" disableSort />
        <DataTable.Col source="creatorId" label="Creator" disableSort render={(r: RevenueShareRule) => r.creatorId ?? 'every creator (brand default)'} />
        <DataTable.Col source="creatorShareBps" label="Creator share" align="right" render={(r: RevenueShareRule) => formatBps(r.creatorShareBps)} />
        <DataTable.Col source="status" disableSort render={(r: RevenueShareRule) => <DealStatusChip status={r.status} />} />
        <DataTable.Col source="validFrom" label="From" field={DateField} />
        <DataTable.Col source="validTo" label="Until" disableSort render={(r: RevenueShareRule) => (r.validTo ? new Date(r.validTo).toLocaleString() : 'open')} />
        <DataTable.Col source="reason" disableSort />
        <DataTable.Col label="" disableSort render={() => <EndDealButton resource="revenue-share-rules" what="share rule" />} />
      </DataTable>
    </List>
  )
}
