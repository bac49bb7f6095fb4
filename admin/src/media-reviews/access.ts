import type { RoleGrant } from '../session'

// mirrors domain/authz.ts (admins hold every resource there): the API decides, the menu and buttons only follow it
const holds = (roles: RoleGrant[] | undefined, allowed: readonly string[]) =>
  (roles ?? []).some((grant) => allowed.includes(grant.role))

/** The review queue: moderators decide, compliance reads and decides escalations, admins hold it too. */
export const canReviewMedia = (roles: RoleGrant[] | undefined): boolean => holds(roles, ['moderator', 'compliance', 'admin'])

/** Taking down and reinstating published items (POLICY.media.takedown: compliance, and admins). */
export const canTakeDown = (roles: RoleGrant[] | undefined): boolean => holds(roles, ['compliance', 'admin'])

/** The perceptual-hash block list (POLICY['moderation-block-hashes']: moderators, compliance, and admins). */
export const canManageBlockHashes = (roles: RoleGrant[] | undefined): boolean => holds(roles, ['moderator', 'compliance', 'admin'])
