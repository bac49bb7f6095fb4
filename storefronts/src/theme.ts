import type { Brand, BrandSlug } from '../../domain/brands'
import { isBrandSlug } from '../../domain/brands'

/** CSS custom properties for one brand, generated from its registry tokens. */
export function brandCssVariables(brand: Brand): Record<string, string> {
  const t = brand.tokens
  return {
    '--brand-primary': t.primary,
    '--brand-accent': t.accent,
    '--brand-background': t.background,
    '--brand-surface': t.surface,
    '--brand-text': t.text,
    '--brand-glow': t.glow,
    '--brand-font-display': t.fontDisplay,
  }
}

/** Applies the brand to the document: title, data-brand and the theme variables on <html>. */
export function applyBrand(doc: Document, brand: Brand): void {
  const html = doc.documentElement
  html.dataset.brand = brand.slug
  for (const [name, value] of Object.entries(brandCssVariables(brand))) html.style.setProperty(name, value)
  doc.title = brand.name
}

/**
 * Link to another brand. A host-resolved brand (boyfanz.example.com) wins over the path, so there the
 * link swaps the host label; otherwise it is a path link (/girlfanz).
 */
export function brandHref(slug: BrandSlug, loc: Pick<Location, 'protocol' | 'host'>): string {
  const [label, ...rest] = loc.host.split('.')
  if (label && isBrandSlug(label.toLowerCase()) && rest.length > 0) {
    return `${loc.protocol}//${[slug, ...rest].join('.')}/`
  }
  return `/${slug}`
}
