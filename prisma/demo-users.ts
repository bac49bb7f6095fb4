/** The demo users the seed creates, one per role; documented in the README. */
import type { BrandSlug } from '../domain/brands.ts'

export const DEMO_PASSWORD = 'FanzDemo!2026'

type DemoUser = {
  email: string
  displayName: string
  roles: { role: 'fan' | 'creator' | 'moderator' | 'compliance' | 'finance' | 'admin'; brand: BrandSlug | null }[]
  personas: { kind: 'fan' | 'creator'; brand: BrandSlug; handle: string }[]
}

export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'admin@fanz.demo', displayName: 'Ada Admin', roles: [{ role: 'admin', brand: null }], personas: [] },
  { email: 'compliance@fanz.demo', displayName: 'Cora Compliance', roles: [{ role: 'compliance', brand: null }], personas: [] },
  { email: 'finance@fanz.demo', displayName: 'Finn Finance', roles: [{ role: 'finance', brand: null }], personas: [] },
  { email: 'moderator@fanz.demo', displayName: 'Mo Moderator',
    roles: [{ role: 'moderator', brand: 'boyfanz' }, { role: 'moderator', brand: 'girlfanz' }], personas: [] },
  { email: 'creator@fanz.demo', displayName: 'Rex Creator',
    roles: [{ role: 'creator', brand: 'boyfanz' }, { role: 'fan', brand: 'girlfanz' }],
    personas: [{ kind: 'creator', brand: 'boyfanz', handle: 'rex' }, { kind: 'fan', brand: 'girlfanz', handle: 'rex_fan' }] },
  { email: 'fan@fanz.demo', displayName: 'Fay Fan',
    roles: [{ role: 'fan', brand: 'girlfanz' }, { role: 'fan', brand: 'pupfanz' }],
    personas: [{ kind: 'fan', brand: 'girlfanz', handle: 'fay' }, { kind: 'fan', brand: 'pupfanz', handle: 'fay_pup' }] },
  { email: 'fan2@fanz.demo', displayName: 'Fox Fan', roles: [{ role: 'fan', brand: 'boyfanz' }],
    personas: [{ kind: 'fan', brand: 'boyfanz', handle: 'fox' }] },
]

/** PPV posts of the demo creator on BoyFanz. */
export const DEMO_POSTS = [
  { title: 'Behind the scenes: gym session', priceMinor: 499, currency: 'USD' },
  { title: 'Weekend getaway set', priceMinor: 999, currency: 'USD' },
] as const
