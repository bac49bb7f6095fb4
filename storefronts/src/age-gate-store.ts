import type { BrandSlug } from '../../domain/brands'

const key = (slug: BrandSlug) => `fanz.age-gate.${slug}`

/** Whether this browser already confirmed being 18+ for the brand. */
export function hasPassedAgeGate(storage: Storage, slug: BrandSlug): boolean {
  try {
    return storage.getItem(key(slug)) === 'confirmed'
  } catch {
    // storage can be blocked (private mode); then the gate simply shows every visit
    return false
  }
}

export function rememberAgeGate(storage: Storage, slug: BrandSlug): void {
  try {
    storage.setItem(key(slug), 'confirmed')
  } catch {
    // not remembered; the visitor sees the gate again next time
  }
}
