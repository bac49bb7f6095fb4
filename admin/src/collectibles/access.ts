import type { RoleGrant } from '../session'

// mirrors POLICY.collectibles in domain/authz.ts (admins hold every resource there): the API decides, the menu only follows it
const holds = (roles: RoleGrant[] | undefined, allowed: readonly string[]) =>
  (roles ?? []).some((grant) => allowed.includes(grant.role))

/** Editions, tokens and the chain transaction journal: finance watches the money, compliance the content, admins hold it too. */
export const canReadCollectibles = (roles: RoleGrant[] | undefined): boolean => holds(roles, ['finance', 'compliance', 'admin'])
