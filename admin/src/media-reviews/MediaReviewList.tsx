import { Box, Typography } from '@mui/material'
import { DataTable, List, SearchInput, SelectInput, useGetIdentity, useListContext } from 'react-admin'
import { BRAND_SLUGS } from '../../../domain/brands.ts'
import { formatDuration } from './format'
import { MediaReviewBody } from './MediaReviewRow'
import { DEFAULT_TAB } from './queue'
import { QueueTabs } from './QueueTabs'
import { ReviewBulkActions } from './ReviewBulkActions'
import { SlaCountdown } from './SlaCountdown'
import type { MediaView } from './types'
import { TopCategory, VerdictChip } from './VerdictChip'

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search titles" />,
  <SelectInput key="brand" source="brand" choices={BRAND_SLUGS.map((b) => ({ id: b, name: b }))} alwaysOn />,
]

function Thumbnail({ item }: { item: MediaView }) {
  if (!item.thumbnailUrl) return <Box sx={{ width: 96, height: 54, bgcolor: 'action.hover', borderRadius: 0.5 }} />
  return <Box component="img" src={item.thumbnailUrl} alt="" loading="lazy" sx={{ width: 96, height: 54, objectFit: 'cover', borderRadius: 0.5, display: 'block' }} />
}

function Assignee({ item, me }: { item: MediaView; me: string | undefined }) {
  if (!item.assigneeId) return <Typography variant="body2" color="text.secondary">—</Typography>
  if (item.assigneeId === me) return <Typography variant="body2" sx={{ fontWeight: 600 }} data-testid="assignee-me">you</Typography>
  return <Typography variant="body2" title={item.assigneeId}>{item.assigneeId.slice(0, 8)}</Typography>
}

/** The rows of the current queue; bulk decisions only where items wait for one. */
function QueueTable() {
  const { identity } = useGetIdentity()
  const { filterValues } = useListContext()
  const me = identity ? String(identity.id) : undefined
  return (
    <DataTable rowClick="show" bulkActionButtons={filterValues.status === 'IN_REVIEW' ? <ReviewBulkActions /> : false} body={MediaReviewBody}
      rowSx={(item: MediaView) => (item.escalatedAt && item.status === 'IN_REVIEW' ? { bgcolor: 'rgba(244, 67, 54, 0.08)' } : {})}>
      <DataTable.Col source="thumbnailUrl" label="" disableSort render={(item: MediaView) => <Thumbnail item={item} />} />
      <DataTable.Col source="title" disableSort render={(item: MediaView) => <Typography variant="body2" data-testid="media-review-title">{item.title}</Typography>} />
      <DataTable.Col source="brand" disableSort />
      <DataTable.Col source="creatorName" label="Creator" disableSort render={(item: MediaView) => item.creatorName ?? item.creatorId.slice(0, 8)} />
      <DataTable.Col source="probe.durationSeconds" label="Duration" disableSort render={(item: MediaView) => formatDuration(item.probe?.durationSeconds)} />
      <DataTable.Col source="findings.verdict" label="Machine" disableSort render={(item: MediaView) => <VerdictChip verdict={item.findings?.verdict} />} />
      <DataTable.Col source="findings.categories" label="Top category" disableSort render={(item: MediaView) => <TopCategory findings={item.findings} />} />
      <DataTable.Col source="reviewDueAt" label="SLA" render={(item: MediaView) => <SlaCountdown item={item} />} />
      <DataTable.Col source="assigneeId" label="Assignee" disableSort render={(item: MediaView) => <Assignee item={item} me={me} />} />
    </DataTable>
  )
}

/** The review queue: oldest due first, one click into the workspace, bulk decisions on the obvious ones. */
export function MediaReviewList() {
  return (
    <List filters={filters} filterDefaultValues={DEFAULT_TAB.filter} sort={DEFAULT_TAB.sort} perPage={25} exporter={false} empty={false} title="Media review">
      <QueueTabs />
      <QueueTable />
    </List>
  )
}
