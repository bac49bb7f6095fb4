import type { BrandSlug } from '../../../domain/brands'
import { BRAND_SLUGS, BRANDS } from '../../../domain/brands'
import { brandHref } from '../theme'

/** Legal statement link and links to the other brands. */
export function Footer({ current }: { current: BrandSlug }) {
  return (
    <footer className="footer">
      <nav aria-label="Other Fanz brands" className="footer-brands">
        {BRAND_SLUGS.filter((slug) => slug !== current).map((slug) => (
          <a key={slug} href={brandHref(slug, window.location)} data-testid={`footer-brand-${slug}`}>
            {BRANDS[slug].name}
          </a>
        ))}
      </nav>
      {/* the statement page itself is not written yet; the link target is a placeholder */}
      <a className="footer-2257" href="#2257" data-testid="footer-2257">
        18 U.S.C. 2257 Record-Keeping Requirements Compliance Statement
      </a>
    </footer>
  )
}
