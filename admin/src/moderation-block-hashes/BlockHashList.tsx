import { CreateButton, DataTable, DateField, DeleteButton, List, TopToolbar } from 'react-admin'
import type { BlockHash } from './types'

/** The block list: perceptual hashes of known prohibited frames; a sampled frame within the distance is blocked. */
export function BlockHashList() {
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} exporter={false} title="Block list" actions={<TopToolbar><CreateButton label="Add hash" /></TopToolbar>}>
      <DataTable rowClick={false} bulkActionButtons={false}>
        <DataTable.Col source="phash" label="Perceptual hash" disableSort
          render={(h: BlockHash) => <code data-testid="block-hash-phash">{h.phash}</code>} />
        <DataTable.Col source="category" disableSort />
        <DataTable.Col source="source" disableSort />
        <DataTable.Col source="createdAt" label="Added" field={DateField} />
        <DataTable.Col label="" disableSort
          render={(h: BlockHash) => (
            <DeleteButton mutationMode="pessimistic" confirmTitle={`Remove ${h.phash} from the block list?`}
              confirmContent="Frames like it will no longer be blocked automatically; items already decided are not affected." />
          )} />
      </DataTable>
    </List>
  )
}
