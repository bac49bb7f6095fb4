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
  // priced in euros: BoyFanz settles in US dollars, so the creator's share converts at the day's rate
  { title: 'Berlin night shoot', priceMinor: 799, currency: 'EUR' },
] as const

/** Demo exchange rates (fixed, not market data) so sales in other currencies can settle; finance adds real ones. */
export const DEMO_FX_RATES = [
  { base: 'EUR', quote: 'USD', rate: '1.0850' }, { base: 'GBP', quote: 'USD', rate: '1.2700' },
  { base: 'CAD', quote: 'USD', rate: '0.7350' }, { base: 'AUD', quote: 'USD', rate: '0.6600' },
  { base: 'JPY', quote: 'USD', rate: '0.0067' },
].map((r) => ({ ...r, asOf: '2026-01-01', source: 'demo seed (fixed, not market data)' }))
