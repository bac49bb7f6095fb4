/**
 * Who may play a media item: its creator always, staff of its brand for review, fans only once it is published and
 * only with a PPV unlock (not refunded) or a live subscription to the creator on the brand.
 */
import { decide, type Grant } from '../authz.ts'
import type { MediaStatus } from './review.ts'

export const PLAYBACK_REFUSALS = { unauthenticated: 'UNAUTHENTICATED', notEntitled: 'NOT_ENTITLED', notPublished: 'NOT_PUBLISHED' } as const
export type PlaybackRefusal = (typeof PLAYBACK_REFUSALS)[keyof typeof PLAYBACK_REFUSALS]

export type PlaybackViewer = { personId: string; roles: readonly Grant[] }
export type PlaybackItem = {
  status: MediaStatus; creatorId: string; brand: string; access: string; publishedAt: Date | null
  postId: string; priceMinor: number | null; currency: string | null
}
/** The viewer's access to the item's creator on its brand, as the subscription workflow keeps it. */
export type SubscriptionAccess = { access: 'FULL' | 'RESTRICTED' | 'NONE'; validUntil: Date | null }
export type PlaybackOffer = { kind: 'ppv'; postId: string; priceMinor: number; currency: string } | { kind: 'subscribe'; creatorId: string }

export type PlaybackDecision =
  | { allowed: true; as: 'owner' | 'staff' | 'fan' }
  | { allowed: false; code: PlaybackRefusal; offer?: PlaybackOffer }

export type PlaybackFacts = {
  viewer: PlaybackViewer | null
  item: PlaybackItem
  /** the viewer's unlock of the item's post, if any */
  ppv: { revokedAt: Date | null } | null
  subscription: SubscriptionAccess | null
}

// whoever may read the brand's review queue watches its items, whatever their status (moderators, compliance, admins)
const previews = (roles: readonly Grant[], brand: string) => decide(roles, 'media-reviews', 'read', brand)

/** What the storefront can sell a fan who may not play a published item: the unlock, or a subscription. */
export function offerFor(item: PlaybackItem): PlaybackOffer | undefined {
  if (item.access === 'subscribers') return { kind: 'subscribe', creatorId: item.creatorId }
  if (item.access === 'ppv' && item.priceMinor !== null && item.currency !== null) {
    return { kind: 'ppv', postId: item.postId, priceMinor: item.priceMinor, currency: item.currency }
  }
  return undefined
}

/**
 * A subscription plays an item when the workflow grants FULL access, or RESTRICTED access (grace after a failed
 * renewal: "no new content") and the item was published before `validUntil`, the end of the last paid period.
 * FULL is trusted as it stands: the workflow keeps FULL through its payment retries, when `validUntil` (the paid-through
 * date) is already past, and turns it to NONE itself when the subscription ends.
 */
export function subscriptionPlays(sub: SubscriptionAccess | null, publishedAt: Date | null): boolean {
  if (sub?.access === 'FULL') return true
  if (sub?.access !== 'RESTRICTED' || !sub.validUntil || !publishedAt) return false
  return publishedAt.getTime() < sub.validUntil.getTime()
}

function fanMayPlay({ item, ppv, subscription }: PlaybackFacts): boolean {
  if (item.access === 'ppv') return ppv !== null && ppv.revokedAt === null
  if (item.access === 'subscribers') return subscriptionPlays(subscription, item.publishedAt)
  return false
}

/** Whether the viewer may play the item now, as whom, or why not (with what the storefront may offer instead). */
export function playbackDecision(facts: PlaybackFacts): PlaybackDecision {
  const { viewer, item } = facts
  const published = item.status === 'PUBLISHED'
  if (item.status === 'DELETED') return { allowed: false, code: PLAYBACK_REFUSALS.notPublished }
  if (viewer && viewer.personId === item.creatorId) return { allowed: true, as: 'owner' }
  if (viewer && previews(viewer.roles, item.brand)) return { allowed: true, as: 'staff' }
  const offer = published ? offerFor(item) : undefined
  if (!viewer) return { allowed: false, code: PLAYBACK_REFUSALS.unauthenticated, ...(offer ? { offer } : {}) }
  if (!published) return { allowed: false, code: PLAYBACK_REFUSALS.notPublished }
  if (fanMayPlay(facts)) return { allowed: true, as: 'fan' }
  return { allowed: false, code: PLAYBACK_REFUSALS.notEntitled, ...(offer ? { offer } : {}) }
}
