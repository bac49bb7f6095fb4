import type { DataTableBodyProps, DataTableRowProps } from 'react-admin'
import { DataTableBody, DataTableRow, useRecordContext } from 'react-admin'
import type { MediaView } from './types'

/** A queue row that browser tests and people can address: the item id, status and verdict ride on the <tr>. */
function MediaReviewRow(props: DataTableRowProps) {
  const item = useRecordContext<MediaView>()
  return <DataTableRow {...props} data-testid="media-review-row" data-id={item?.id} data-status={item?.status} data-verdict={item?.findings?.verdict ?? 'pending'} />
}

export function MediaReviewBody(props: DataTableBodyProps) {
  return <DataTableBody {...props} row={MediaReviewRow} />
}
