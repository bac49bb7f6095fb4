import type { DataTableBodyProps, DataTableRowProps } from 'react-admin'
import { DataTable, DataTableBody, DataTableRow, List, SelectInput, useRecordContext } from 'react-admin'
import { BRAND_SLUGS } from '../../../domain/brands.ts'
import { formatDateTime } from '../media-reviews/format'
import { formatMinor } from '../money'
import { choices } from '../payout-items/types'
import { TemporalLink } from '../temporal-link'
import { EditionStatusChip } from './EditionStatusChip'
import type { Edition } from './types'
import { EDITION_STATUS, royaltyText } from './types'

const filters = [
  <SelectInput key="brand" source="brand" choices={choices(BRAND_SLUGS)} alwaysOn />,
  <SelectInput key="status" source="status" choices={choices(Object.values(EDITION_STATUS))} alwaysOn />,
]

function EditionRow(props: DataTableRowProps) {
  const e = useRecordContext<Edition>()
  return <DataTableRow {...props} data-testid="edition-row" data-id={e?.id} data-brand={e?.brand ?? ''} data-status={e?.status} data-sold={e?.sold} />
}
function EditionBody(props: DataTableBodyProps) {
  return <DataTableBody {...props} row={EditionRow} />
}

/** Collectible editions, newest first: whose, on which brand, where each stands, how many of its tokens are sold, and its workflow. */
export function CollectibleEditionList() {
  return (
    <List title="Collectibles" sort={{ field: 'createdAt', order: 'DESC' }} filters={filters} exporter={false}>
      <DataTable rowClick="show" bulkActionButtons={false} body={EditionBody}>
        <DataTable.Col source="createdAt" label="Created" render={(e: Edition) => formatDateTime(e.createdAt)} />
        <DataTable.Col source="title" disableSort />
        <DataTable.Col source="brand" />
        <DataTable.Col source="creator" label="Creator" disableSort render={(e: Edition) => e.creator.name || e.creator.id.slice(0, 8)} />
        <DataTable.Col source="status" render={(e: Edition) => <EditionStatusChip status={e.status} />} />
        <DataTable.Col source="priceMinor" label="Price" align="right" disableSort render={(e: Edition) => formatMinor(e.priceMinor, e.currency)} />
        <DataTable.Col source="sold" label="Sold" align="right" render={(e: Edition) => `${e.sold} / ${e.maxSupply}`} />
        <DataTable.Col source="royaltyBps" label="Royalty" align="right" disableSort render={(e: Edition) => royaltyText(e.royaltyBps)} />
        <DataTable.Col source="workflowId" label="Workflow" disableSort
          render={(e: Edition) => <TemporalLink workflowId={e.workflowId} label="Temporal" testId="edition-workflow-link" />} />
      </DataTable>
    </List>
  )
}
