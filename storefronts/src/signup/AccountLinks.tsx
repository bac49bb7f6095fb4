import type { BrandSlug } from '../../../domain/brands'
import { PAGES, pageHref } from './paths'
import './identity.css'

/** Under the hero: where to sign up, become a creator, manage the account, or use the privacy center. */
export function AccountLinks({ slug, signedIn }: { slug: BrandSlug; signedIn: boolean }) {
  return (
    <nav className="account-links" aria-label="Your account">
      {signedIn
        ? <a href={pageHref(slug, PAGES.account)} data-testid="nav-account">Account and two-factor sign-in</a>
        : <a href={pageHref(slug, PAGES.signup)} data-testid="nav-signup">Create an account</a>}
      <a href={pageHref(slug, PAGES.onboarding)} data-testid="nav-onboarding">Become a creator</a>
      <a href={pageHref(slug, PAGES.privacy)} data-testid="nav-privacy">Privacy</a>
    </nav>
  )
}
