import type { MediaStatus } from './media-types'
import { STATUS_LABEL } from './media-status'

/** The item's status as a small coloured label. */
export function StatusChip({ status }: { status: MediaStatus }) {
  return <span className="media-chip" data-status={status} data-testid="media-status-chip">{STATUS_LABEL[status] ?? status}</span>
}
