import assert from 'node:assert/strict'
import type { Grant } from '../authz.ts'
import { playbackDecision, type PlaybackDecision, type PlaybackFacts, type PlaybackItem, type SubscriptionAccess } from './entitlement.ts'
import type { MediaStatus } from './review.ts'

const CREATOR = 'creator-1'
const FAN = 'fan-1'
const day = (d: number) => new Date(Date.UTC(2026, 5, d))
const ppvItem: PlaybackItem = { status: 'PUBLISHED', creatorId: CREATOR, brand: 'boyfanz', access: 'ppv', publishedAt: day(10), postId: 'post-1',
  priceMinor: 799, currency: 'EUR' }
const subItem: PlaybackItem = { ...ppvItem, access: 'subscribers' }
const PPV_OFFER = { kind: 'ppv', postId: 'post-1', priceMinor: 799, currency: 'EUR' } as const
const SUB_OFFER = { kind: 'subscribe', creatorId: CREATOR } as const

const fan = (...roles: Grant[]) => ({ personId: FAN, roles })
const g = (role: Grant['role'], brandSlug: string | null = null): Grant => ({ role, brandSlug })
const sub = (access: SubscriptionAccess['access'], validUntil: Date | null): SubscriptionAccess => ({ access, validUntil })
const status = (s: MediaStatus, item = ppvItem): PlaybackItem => ({ ...item, status: s, publishedAt: s === 'PUBLISHED' ? item.publishedAt : null })

const facts = (f: Partial<PlaybackFacts>): PlaybackFacts => ({ viewer: fan(g('fan', 'boyfanz')), item: ppvItem, ppv: null, subscription: null, ...f })

describe('who may play a media item', () => {
  const cases: [string, Partial<PlaybackFacts>, PlaybackDecision][] = [
    // the creator
    ['the creator plays a published item', { viewer: { personId: CREATOR, roles: [g('creator', 'boyfanz')] } }, { allowed: true, as: 'owner' }],
    ['the creator plays an item still in review', { viewer: { personId: CREATOR, roles: [] }, item: status('IN_REVIEW') }, { allowed: true, as: 'owner' }],
    ['the creator plays a rejected item (to appeal)', { viewer: { personId: CREATOR, roles: [] }, item: status('REJECTED') }, { allowed: true, as: 'owner' }],
    ['the creator plays a taken-down item', { viewer: { personId: CREATOR, roles: [] }, item: status('TAKEN_DOWN') }, { allowed: true, as: 'owner' }],
    ['nobody plays a deleted item, not even its creator', { viewer: { personId: CREATOR, roles: [] }, item: status('DELETED') },
      { allowed: false, code: 'NOT_PUBLISHED' }],
    // staff
    ['a moderator of the brand previews an item in review', { viewer: fan(g('moderator', 'boyfanz')), item: status('IN_REVIEW') }, { allowed: true, as: 'staff' }],
    ['a moderator of another brand may not', { viewer: fan(g('moderator', 'girlfanz')), item: status('IN_REVIEW') }, { allowed: false, code: 'NOT_PUBLISHED' }],
    ['compliance on every brand previews an escalated item', { viewer: fan(g('compliance')), item: status('IN_REVIEW') }, { allowed: true, as: 'staff' }],
    ['an admin previews a taken-down item', { viewer: fan(g('admin')), item: status('TAKEN_DOWN') }, { allowed: true, as: 'staff' }],
    ['finance is not review staff', { viewer: fan(g('finance')), item: status('IN_REVIEW') }, { allowed: false, code: 'NOT_PUBLISHED' }],
    ['staff plays a published PPV item without buying it', { viewer: fan(g('moderator', 'boyfanz')) }, { allowed: true, as: 'staff' }],
    ['a creator of the brand is not staff', { viewer: fan(g('creator', 'boyfanz')), item: status('IN_REVIEW') }, { allowed: false, code: 'NOT_PUBLISHED' }],
    // anonymous
    ['anonymous: sign in, with the unlock on offer', { viewer: null }, { allowed: false, code: 'UNAUTHENTICATED', offer: PPV_OFFER }],
    ['anonymous on a subscribers item: sign in, subscribe on offer', { viewer: null, item: subItem }, { allowed: false, code: 'UNAUTHENTICATED', offer: SUB_OFFER }],
    ['anonymous on an unpublished item: sign in, nothing on offer', { viewer: null, item: status('IN_REVIEW') }, { allowed: false, code: 'UNAUTHENTICATED' }],
    // PPV
    ['a fan who bought the post plays it', { ppv: { revokedAt: null } }, { allowed: true, as: 'fan' }],
    ['a fan refunded (entitlement revoked) may not', { ppv: { revokedAt: day(12) } }, { allowed: false, code: 'NOT_ENTITLED', offer: PPV_OFFER }],
    ['a fan who did not buy gets the unlock offered', {}, { allowed: false, code: 'NOT_ENTITLED', offer: PPV_OFFER }],
    ['a subscription does not unlock a PPV item', { subscription: sub('FULL', day(30)) }, { allowed: false, code: 'NOT_ENTITLED', offer: PPV_OFFER }],
    ['a PPV item without a price offers nothing', { item: { ...ppvItem, priceMinor: null, currency: null } }, { allowed: false, code: 'NOT_ENTITLED' }],
    ['a buyer may not play the item once taken down', { ppv: { revokedAt: null }, item: status('TAKEN_DOWN') }, { allowed: false, code: 'NOT_PUBLISHED' }],
    ['a buyer may not play the item before it is published', { ppv: { revokedAt: null }, item: status('AWAITING_PERFORMERS') },
      { allowed: false, code: 'NOT_PUBLISHED' }],
    // subscribers
    ['a subscriber with full access plays', { item: subItem, subscription: sub('FULL', day(30)) }, { allowed: true, as: 'fan' }],
    ['full access with no period end (a trial being set up) plays', { item: subItem, subscription: sub('FULL', null) }, { allowed: true, as: 'fan' }],
    ['full access during payment retries plays though the paid period is over', { item: subItem, subscription: sub('FULL', day(5)) },
      { allowed: true, as: 'fan' }],
    ['grace (restricted) plays what was published before the paid period ended', { item: subItem, subscription: sub('RESTRICTED', day(11)) },
      { allowed: true, as: 'fan' }],
    ['grace (restricted) does not play what came after: no new content', { item: subItem, subscription: sub('RESTRICTED', day(9)) },
      { allowed: false, code: 'NOT_ENTITLED', offer: SUB_OFFER }],
    ['grace (restricted) does not play an item published the second the period ended', { item: subItem, subscription: sub('RESTRICTED', day(10)) },
      { allowed: false, code: 'NOT_ENTITLED', offer: SUB_OFFER }],
    ['restricted with no known period plays nothing', { item: subItem, subscription: sub('RESTRICTED', null) },
      { allowed: false, code: 'NOT_ENTITLED', offer: SUB_OFFER }],
    ['an ended or paused subscription (NONE) plays nothing', { item: subItem, subscription: sub('NONE', day(30)) },
      { allowed: false, code: 'NOT_ENTITLED', offer: SUB_OFFER }],
    ['no subscription: subscribe on offer', { item: subItem }, { allowed: false, code: 'NOT_ENTITLED', offer: SUB_OFFER }],
    ['a PPV unlock does not open a subscribers item', { item: subItem, ppv: { revokedAt: null } }, { allowed: false, code: 'NOT_ENTITLED', offer: SUB_OFFER }],
    ['an unknown access kind plays for nobody but creator and staff', { item: { ...ppvItem, access: 'friends' }, ppv: { revokedAt: null } },
      { allowed: false, code: 'NOT_ENTITLED' }],
  ]
  for (const [name, f, want] of cases) {
    it(name, () => assert.deepEqual(playbackDecision(facts(f)), want))
  }
})
