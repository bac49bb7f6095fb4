import type { ChipProps } from '@mui/material'
import { Chip } from '@mui/material'
import type { MediaStatus } from './types'

const COLORS: Record<MediaStatus, ChipProps['color']> = {
  UPLOADING: 'default', PROCESSING: 'info', IN_REVIEW: 'warning', AWAITING_PERFORMERS: 'info', PUBLISHED: 'success',
  REJECTED: 'error', FAILED: 'error', TAKEN_DOWN: 'error', DELETED: 'default',
}

/** An item's status as a coloured chip. */
export function MediaStatusChip({ status }: { status: MediaStatus }) {
  return <Chip size="small" label={status.replaceAll('_', ' ').toLowerCase()} color={COLORS[status] ?? 'default'} data-testid="media-status" data-status={status} />
}
