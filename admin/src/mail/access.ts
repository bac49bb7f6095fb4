import type { RoleGrant } from '../session'

/** The mail sink is for admins and compliance (domain/authz.ts, 'mail-messages': read). */
export const canReadMail = (roles: RoleGrant[] | undefined): boolean =>
  (roles ?? []).some((grant) => grant.role === 'admin' || grant.role === 'compliance')
