/** The queues moderators work from, as list filters and sorts; the store key that remembers the list's order. */
import type { SortPayload } from 'react-admin'

export type QueueTab = { key: string; label: string; filter: Record<string, unknown>; sort: SortPayload }

// oldest due first while deciding (an appeal gets its own decision deadline); most recent first for the archives
export const QUEUE_TABS: readonly QueueTab[] = [
  { key: 'review', label: 'In review', filter: { status: 'IN_REVIEW' }, sort: { field: 'reviewDueAt', order: 'ASC' } },
  { key: 'escalated', label: 'Escalated', filter: { status: 'IN_REVIEW', escalated: true }, sort: { field: 'reviewDueAt', order: 'ASC' } },
  { key: 'appeals', label: 'Appeals', filter: { status: 'REJECTED', appealed: true }, sort: { field: 'reviewDueAt', order: 'ASC' } },
  { key: 'published', label: 'Published', filter: { status: 'PUBLISHED' }, sort: { field: 'publishedAt', order: 'DESC' } },
  { key: 'taken-down', label: 'Taken down', filter: { status: 'TAKEN_DOWN' }, sort: { field: 'updatedAt', order: 'DESC' } },
  { key: 'rejected', label: 'Rejected', filter: { status: 'REJECTED' }, sort: { field: 'updatedAt', order: 'DESC' } },
]

export const DEFAULT_TAB = QUEUE_TABS[0] as QueueTab

/** Filters that narrow every tab (brand, mine, search) and survive a tab change. */
export const KEPT_FILTERS = ['brand', 'assigneeId', 'q'] as const

const TAB_KEYS = ['status', 'escalated', 'appealed'] as const

/** The tab whose filter the list shows now (the status, escalated and appealed filters match exactly). */
export const currentTab = (filterValues: Record<string, unknown>): QueueTab | undefined =>
  QUEUE_TABS.find((tab) => TAB_KEYS.every((key) => (tab.filter[key] ?? undefined) === (filterValues[key] ?? undefined)))

/** Where the list keeps its current ids, so the workspace can move to the next and previous item (J / K). */
export const QUEUE_STORE_KEY = 'media-reviews.queue'
/** Items decided in this browser lately: the read model may still list them as in review for a moment. */
export const DECIDED_STORE_KEY = 'media-reviews.decided'
