/** The nine storefront brands: one registry of typed design tokens and per-brand policy. Pure data. */

export const BRAND_SLUGS = [
  'fanzlab', 'boyfanz', 'girlfanz', 'daddyfanz', 'pupfanz',
  'taboofanz', 'transfanz', 'cougarfanz', 'fanzcock',
] as const
export type BrandSlug = (typeof BRAND_SLUGS)[number]

export const LAYOUTS = { portal: 'portal', grid: 'grid', verticalFeed: 'vertical-feed' } as const
export type Layout = (typeof LAYOUTS)[keyof typeof LAYOUTS]

export type BrandTokens = {
  /** primary neon colour, used for headings, buttons and glow */
  primary: string
  /** accent used for links and secondary actions */
  accent: string
  background: string
  surface: string
  text: string
  /** CSS text-shadow / box-shadow glow built from the primary colour */
  glow: string
  fontDisplay: string
}

export type BrandPolicy = {
  /** stricter gating: verified age required everywhere, not self-declaration */
  strictAgeGate: boolean
  layout: Layout
}

export type Brand = {
  slug: BrandSlug
  name: string
  tagline: string
  tokens: BrandTokens
  policy: BrandPolicy
}

const DISPLAY = '"Orbitron", "Segoe UI", system-ui, sans-serif'
const glow = (hex: string) => `0 0 6px ${hex}, 0 0 18px ${hex}aa`
const neon = (primary: string, accent: string, background = '#07060b', surface = '#13111c'): BrandTokens => ({
  primary, accent, background, surface, text: '#f4f1ff', glow: glow(primary), fontDisplay: DISPLAY,
})
const standard: BrandPolicy = { strictAgeGate: false, layout: LAYOUTS.grid }

export const BRANDS: Readonly<Record<BrandSlug, Brand>> = Object.freeze({
  fanzlab: { slug: 'fanzlab', name: 'FanzLab', tagline: 'Every Fanz brand, one neon portal.',
    tokens: neon('#b026ff', '#00f0ff'), policy: { strictAgeGate: false, layout: LAYOUTS.portal } },
  boyfanz: { slug: 'boyfanz', name: 'BoyFanz', tagline: 'The hottest guys, up close.',
    tokens: neon('#ff1f3d', '#ff8a00'), policy: standard },
  girlfanz: { slug: 'girlfanz', name: 'GirlFanz', tagline: 'Creators you will not stop thinking about.',
    tokens: neon('#ff2bd6', '#ffa3f0'), policy: standard },
  daddyfanz: { slug: 'daddyfanz', name: 'DaddyFanz', tagline: 'Experience, confidence, attitude.',
    tokens: neon('#ffd400', '#ffae00'), policy: standard },
  pupfanz: { slug: 'pupfanz', name: 'PupFanz', tagline: 'Play, pack and everything between.',
    tokens: neon('#39ff14', '#c6ff00'), policy: standard },
  taboofanz: { slug: 'taboofanz', name: 'TabooFanz', tagline: 'Fantasy for verified adults only.',
    tokens: neon('#1f6bff', '#00b3ff', '#02030a', '#0a0f1f'), policy: { strictAgeGate: true, layout: LAYOUTS.grid } },
  transfanz: { slug: 'transfanz', name: 'TransFanz', tagline: 'Trans creators, front and centre.',
    tokens: neon('#19f5e0', '#7afcff'), policy: standard },
  cougarfanz: { slug: 'cougarfanz', name: 'CougarFanz', tagline: 'Mature, magnetic, in charge.',
    tokens: neon('#e0b84a', '#ffdf8a', '#0b0805', '#1a140b'), policy: standard },
  fanzcock: { slug: 'fanzcock', name: 'FanzCock', tagline: 'Short, vertical, endless.',
    tokens: neon('#ff5e1a', '#ff2b6e'), policy: { strictAgeGate: false, layout: LAYOUTS.verticalFeed } },
})

export const isBrandSlug = (s: string): s is BrandSlug => (BRAND_SLUGS as readonly string[]).includes(s)

/** Picks the brand for a request: first label of the host (boyfanz.example.com), else first path segment, else FanzLab. */
export function resolveBrand(host: string, path: string): Brand {
  const label = host.split(':')[0]?.split('.')[0]?.toLowerCase() ?? ''
  if (isBrandSlug(label)) return BRANDS[label]
  const segment = path.split('/').filter(Boolean)[0]?.toLowerCase() ?? ''
  if (isBrandSlug(segment)) return BRANDS[segment]
  return BRANDS.fanzlab
}
