import { List, regex, SelectInput, TextInput } from 'react-admin'
import { BRAND_SLUGS } from '../../../domain/brands.ts'
import { PAYOUT_RAIL_NAMES } from '../../../domain/payouts/destinations.ts'
import { UUID } from '../share-rules/types'
import { PayoutItemsTable } from './PayoutItemsTable'
import { choices, PAYOUT_ITEM_STATUS } from './types'

// the API takes whole ids only; a half-typed one is not sent
const wholeId = regex(UUID, 'Paste a whole id')

const filters = [
  <SelectInput key="status" source="status" choices={choices(Object.values(PAYOUT_ITEM_STATUS))} alwaysOn />,
  <SelectInput key="brand" source="brand" choices={choices(BRAND_SLUGS)} alwaysOn />,
  <SelectInput key="rail" source="rail" choices={choices(PAYOUT_RAIL_NAMES)} alwaysOn />,
  <TextInput key="creatorId" source="creatorId" label="Creator id" validate={wholeId} />,
  <TextInput key="runId" source="runId" label="Run id" validate={wholeId} />,
]

/** Every creator payout across runs, most recently changed first: find one by creator, status, brand or rail. */
export function PayoutItemList() {
  return (
    <List title="Payouts" sort={{ field: 'updatedAt', order: 'DESC' }} filters={filters} exporter={false} perPage={50}>
      <PayoutItemsTable brand />
    </List>
  )
}
