import { Show, useRecordContext } from 'react-admin'
import { ReviewWorkspace } from './ReviewWorkspace'
import type { MediaReviewDetail } from './types'

// while the pipeline still works on an item, its progress is worth a fresh look every few seconds
const PROGRESS_POLL_MS = 5000
const pollWhileProcessing = (query: { state: { data?: MediaReviewDetail } }) =>
  query.state.data && ['UPLOADING', 'PROCESSING'].includes(query.state.data.status) ? PROGRESS_POLL_MS : false

function Title() {
  const item = useRecordContext<MediaReviewDetail>()
  return <span>{item ? `Review: ${item.title}` : 'Review'}</span>
}

/** One item under review: the moderator's workspace (player, findings, facts, trail, decisions, shortcuts). */
export function MediaReviewShow() {
  return (
    <Show<MediaReviewDetail> title={<Title />} actions={false} component="div" queryOptions={{ refetchInterval: pollWhileProcessing }}>
      <ReviewWorkspace />
    </Show>
  )
}
