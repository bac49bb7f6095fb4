import type { RoleGrant } from '../session'

const holds = (roles: RoleGrant[] | undefined, allowed: readonly string[]) =>
  (roles ?? []).some((grant) => allowed.includes(grant.role))

/** The KYC queue is for the compliance team; admins hold it too (domain/authz.ts). */
export const canReviewKyc = (roles: RoleGrant[] | undefined): boolean => holds(roles, ['compliance', 'admin'])

/** 2257 records are for the custodian's compliance team only, not even admins (28 CFR 75). */
export const canReadPerformerRecords = (roles: RoleGrant[] | undefined): boolean => holds(roles, ['compliance'])

/** Privacy requests (GDPR / CCPA) and litigation holds are for the compliance team; admins hold them too. */
export const canManagePrivacy = (roles: RoleGrant[] | undefined): boolean => holds(roles, ['compliance', 'admin'])
