/**
 * The one authorization policy: role x brand x resource x action. Every API route asks `authorize` (api/authz.ts),
 * which asks `decide` here; nothing else decides who may do what.
 */
export const ROLES = ['fan', 'creator', 'moderator', 'compliance', 'finance', 'admin'] as const
export type RoleName = (typeof ROLES)[number]

/** A role held on one brand (slug) or on every brand (null). */
export type Grant = { role: RoleName; brandSlug: string | null }

/** Each resource's actions and the roles allowed them. Self-service (a fan's own data) is not listed: it is ownership. */
export const POLICY = {
  brands: { read: ['admin', 'compliance', 'finance', 'moderator'] },
  people: { read: ['admin', 'compliance'] },
  'audit-logs': { read: ['admin', 'compliance'] },
  'platform-checks': { read: ['admin'], run: ['admin'] },
  workflows: { read: ['admin', 'compliance', 'finance', 'moderator'] },
  finance: { read: ['finance'], refund: ['finance'], manage: ['finance'] },
  'kyc-cases': { read: ['compliance'], decide: ['compliance'] },
  // 28 CFR 75: the records are for the custodian and inspectors; the compliance role only, not even admins
  'performer-records': { read: ['compliance'], export: ['compliance'] },
  custodians: { read: ['compliance'], manage: ['compliance'] },
  'mail-messages': { read: ['admin', 'compliance'] },
  // the review queue: moderators decide; compliance reads everything and decides escalations
  'media-reviews': { read: ['moderator', 'compliance'], decide: ['moderator', 'compliance'] },
  // taking published content down is a platform decision: compliance (and admins)
  media: { takedown: ['compliance'] },
  'moderation-block-hashes': { read: ['moderator', 'compliance'], manage: ['moderator', 'compliance'] },
  // payout runs, approvals, schedules and reconciliation are finance's; holds are set by finance or compliance
  payouts: { read: ['finance'], approve: ['finance'], manage: ['finance'] },
  // editions, tokens and the chain transaction journal: finance watches the money, compliance the content
  collectibles: { read: ['finance', 'compliance'] },
  'payout-holds': { read: ['finance', 'compliance'], manage: ['finance', 'compliance'] },
  // data subject requests and the legal-hold registry are the compliance team's
  'privacy-requests': { read: ['compliance'], manage: ['compliance'] },
  'legal-holds': { read: ['compliance'], manage: ['compliance'] },
  // decoding workflow payloads (personal data) in the Temporal Web UI: engineers on call, i.e. admins
  'temporal-payloads': { decode: ['admin'] },
} as const satisfies Record<string, Record<string, readonly RoleName[]>>

export type Resource = keyof typeof POLICY
export type Action<R extends Resource> = keyof (typeof POLICY)[R] & string

/** Roles that hold every permission of the policy unless a rule says otherwise (admin), per resource. */
const ADMIN_EXCLUDED: ReadonlySet<Resource> = new Set(['performer-records', 'custodians'])

const rolesFor = (resource: Resource, action: string): readonly RoleName[] =>
  ((POLICY[resource] as Record<string, readonly RoleName[]>)[action]) ?? []

const grantAllows = (g: Grant, resource: Resource, action: string): boolean =>
  rolesFor(resource, action).includes(g.role) || (g.role === 'admin' && !ADMIN_EXCLUDED.has(resource) && rolesFor(resource, action).length > 0)

/**
 * Which brands a person may act on: 'all', a list of slugs, or none ([]).
 * `brand` narrows the question to one brand (a request about one brand's resource).
 */
export function allowedBrands<R extends Resource>(grants: readonly Grant[], resource: R, action: Action<R>): 'all' | string[] {
  const matching = grants.filter((g) => grantAllows(g, resource, action))
  if (matching.some((g) => g.brandSlug === null)) return 'all'
  return [...new Set(matching.map((g) => g.brandSlug as string))].sort()
}

/** Allowed or not, for one brand (or for the resource in general when brand is undefined). */
export function decide<R extends Resource>(grants: readonly Grant[], resource: R, action: Action<R>, brand?: string): boolean {
  const brands = allowedBrands(grants, resource, action)
  if (brands === 'all') return true
  return brand === undefined ? brands.length > 0 : brands.includes(brand)
}
