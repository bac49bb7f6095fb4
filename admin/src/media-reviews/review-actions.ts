/** Which actions an item offers, and how each one's dialog asks and what it calls. */
import type { DialogValues } from './DecisionDialog'
import { reviewApi } from './api'
import type { MediaReasons, MediaReviewDetail, Reason } from './types'
import { appealPending } from './types'

export type ActionKind = 'approve' | 'reject' | 'escalate' | 'uphold' | 'deny' | 'takedown' | 'reinstate'

export type ActionSpec = {
  label: string
  /** the single-key shortcut shown on the button */
  shortcut?: string
  color: 'success' | 'error' | 'warning' | 'primary'
  title: string
  description?: string
  reasons: (all: MediaReasons) => Reason[] | null
  noteRequired: (all: MediaReasons) => boolean | ((code: string) => boolean)
  run: (id: string, values: DialogValues) => Promise<unknown>
  /** what the notification says once done */
  done: string
  /** decisions that take the item out of the queue move the moderator on to the next one */
  next: boolean
}

const byCode = (all: MediaReasons) => (code: string) => all.noteRequired.includes(code)

export const ACTIONS: Record<ActionKind, ActionSpec> = {
  approve: { label: 'Approve', shortcut: 'A', color: 'success', title: 'Approve: publish this item', reasons: (all) => all.approve, noteRequired: byCode,
    run: (id, v) => reviewApi.decide(id, { decision: 'approve', reasonCode: v.reasonCode || 'LOOKS_FINE', note: v.note }), done: 'Approved', next: true },
  reject: { label: 'Reject', shortcut: 'R', color: 'error', title: 'Reject this item', description: 'The item is quarantined, not purged, until the appeal window closes.',
    reasons: (all) => all.reject, noteRequired: byCode, run: (id, v) => reviewApi.decide(id, { decision: 'reject', ...v }), done: 'Rejected', next: true },
  escalate: { label: 'Escalate', shortcut: 'E', color: 'warning', title: 'Escalate to compliance or a senior moderator', reasons: (all) => all.escalate,
    noteRequired: byCode, run: (id, v) => reviewApi.decide(id, { decision: 'escalate', ...v }), done: 'Escalated', next: true },
  uphold: { label: 'Uphold appeal', color: 'success', title: 'Uphold the appeal', description: 'The creator was right: the rejection is reversed and the item published.',
    reasons: () => null, noteRequired: () => false, run: (id, v) => reviewApi.decideAppeal(id, true, v.note), done: 'Appeal upheld', next: true },
  deny: { label: 'Deny appeal', color: 'error', title: 'Deny the appeal', description: 'The rejection stands; the note tells the creator why.',
    reasons: () => null, noteRequired: () => true, run: (id, v) => reviewApi.decideAppeal(id, false, v.note), done: 'Appeal denied', next: true },
  takedown: { label: 'Take down', color: 'error', title: 'Take this published item down', description: 'Fans lose access at once; the item and its trail are kept as evidence.',
    reasons: (all) => all.takedown, noteRequired: byCode, run: (id, v) => reviewApi.takeDown(id, v.reasonCode, v.note), done: 'Taken down', next: false },
  reinstate: { label: 'Reinstate', color: 'primary', title: 'Reinstate this item', description: 'The item is published again; say why in the note.',
    reasons: () => null, noteRequired: () => true, run: (id, v) => reviewApi.reinstate(id, v.note), done: 'Reinstated', next: false },
}

/** The actions an item in its status offers; taking down and reinstating only for those who may (compliance, admins). */
export function actionsFor(item: MediaReviewDetail, mayTakeDown: boolean): ActionKind[] {
  if (item.status === 'IN_REVIEW') return ['approve', 'reject', 'escalate']
  if (appealPending(item)) return ['uphold', 'deny']
  if (item.status === 'PUBLISHED' && mayTakeDown) return ['takedown']
  if (item.status === 'TAKEN_DOWN' && mayTakeDown) return ['reinstate']
  return []
}
