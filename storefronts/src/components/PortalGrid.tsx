import type { BrandSlug } from '../../../domain/brands'
import { BRAND_SLUGS, BRANDS } from '../../../domain/brands'
import { brandCssVariables, brandHref } from '../theme'

/** FanzLab's portal: every brand as a card painted in that brand's own tokens. */
export function PortalGrid({ current }: { current: BrandSlug }) {
  return (
    <section className="portal-grid" aria-label="Fanz brands" data-testid="portal-grid">
      {BRAND_SLUGS.filter((slug) => slug !== current).map((slug) => {
        const brand = BRANDS[slug]
        return (
          <a
            key={slug}
            className="portal-card"
            href={brandHref(slug, window.location)}
            style={brandCssVariables(brand)}
            data-testid={`portal-card-${slug}`}
          >
            <span className="portal-card-name">{brand.name}</span>
            <span className="portal-card-tagline">{brand.tagline}</span>
          </a>
        )
      })}
    </section>
  )
}
