import { CreateButton, DataTable, DateField, List, SelectInput, TextInput, TopToolbar } from 'react-admin'
import { BRAND_SLUGS } from '../../../domain/brands.ts'
import { DealStatusChip } from '../share-rules/DealStatusChip'
import { EndDealButton } from '../share-rules/EndDealButton'
import { formatBps } from '../share-rules/types'
import type { Referral } from './types'

const filters = [
  <SelectInput key="brand" source="brand" choices={BRAND_SLUGS.map((b) => ({ id: b, name: b }))} alwaysOn />,
  <TextInput key="creatorId" source="creatorId" label="Creator id" />,
  <TextInput key="referrerId" source="referrerId" label="Referrer id" />,
]

/** Who brought which creator to a brand, and the referrer's cut of the platform share until the referral ends. */
export function ReferralList() {
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} filters={filters} exporter={false} actions={<TopToolbar><CreateButton /></TopToolbar>}>
      <DataTable bulkActionButtons={false}>
        <DataTable.Col source="brand" disableSort />
        <DataTable.Col source="creatorId" label="Creator" disableSort />
        <DataTable.Col source="referrerId" label="Referrer" disableSort />
        <DataTable.Col source="bps" label="Referrer cut (of platform share)" align="right" render={(r: Referral) => formatBps(r.bps)} />
        <DataTable.Col source="status" disableSort render={(r: Referral) => <DealStatusChip status={r.status} />} />
        <DataTable.Col source="startsAt" label="From" disableSort field={DateField} />
        <DataTable.Col source="endsAt" label="Until" field={DateField} />
        <DataTable.Col label="" disableSort render={() => <EndDealButton resource="referrals" what="referral" />} />
      </DataTable>
    </List>
  )
}
