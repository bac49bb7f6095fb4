import { useState } from 'react'
import type { Brand } from '../../domain/brands'
import { hasPassedAgeGate, rememberAgeGate } from './age-gate-store'
import { PostsSection } from './checkout/PostsSection'
import { CollectiblePage } from './collectibles/CollectiblePage'
import { collectibleHref, collectibleRouteOf } from './collectibles/collectible-paths'
import { AgeGate } from './components/AgeGate'
import { Footer } from './components/Footer'
import { Hero } from './components/Hero'
import { PortalGrid } from './components/PortalGrid'
import type { FanSession } from './fan-session'
import { OnboardingPage } from './onboarding/OnboardingPage'
import { AccountLinks } from './signup/AccountLinks'
import { AccountPage } from './signup/AccountPage'
import type { Page } from './signup/paths'
import { PAGES, pageOf } from './signup/paths'
import { SignInDialog } from './signup/SignInDialog'
import { SignupPage } from './signup/SignupPage'
import { PlansSection } from './subscriptions/PlansSection'
import { SubscriptionsPage } from './subscriptions/SubscriptionsPage'
import { VerifyEmailPage } from './signup/VerifyEmailPage'
import { useFanSession } from './use-fan-session'
import { HeaderSearch } from './media/HeaderSearch'
import { MediaPage } from './media/MediaPage'
import { mediaHref, mediaRouteOf } from './media/media-paths'
import { EarningsPage } from './payouts/EarningsPage'
import { PrivacyPage } from './privacy/PrivacyPage'

type PageProps = { brand: Brand; session: FanSession | null; onSignIn: () => void; onSignOut: () => void; onSessionExpired: () => void }

/** The page the path names; every one of them only after the 18+ gate. */
function BrandPage({ page, ...props }: PageProps & { page: Page }) {
  const { brand, session, onSignIn, onSignOut, onSessionExpired } = props
  switch (page) {
    case PAGES.signup:
      return <SignupPage brand={brand} onSignIn={onSignIn} />
    case PAGES.verifyEmail:
      return <VerifyEmailPage brand={brand} onSignIn={onSignIn} />
    case PAGES.onboarding:
      return <OnboardingPage brand={brand} session={session} onSignIn={onSignIn} onSessionExpired={onSessionExpired} />
    case PAGES.account:
      return <AccountPage brand={brand} session={session} onSignIn={onSignIn} onSessionExpired={onSessionExpired} />
    case PAGES.subscriptions:
      return <SubscriptionsPage brand={brand} session={session} onSignIn={onSignIn} onSessionExpired={onSessionExpired} />
    case PAGES.privacy:
      return <PrivacyPage brand={brand} session={session} onSignIn={onSignIn} onSessionExpired={onSessionExpired} />
    default:
      return (
        <div className={`page layout-${brand.policy.layout}`}>
          <Hero brand={brand} fan={session?.fan ?? null} onLogIn={onSignIn} onSignOut={onSignOut} />
          <AccountLinks slug={brand.slug} signedIn={session !== null} />
          <nav className="account-links" aria-label="Videos">
            <HeaderSearch slug={brand.slug} />
            {session && <a href={mediaHref(brand.slug, { page: 'studio-list' })} data-testid="nav-studio">Creator studio</a>}
            {session && <a href={mediaHref(brand.slug, { page: 'studio-earnings' })} data-testid="nav-earnings">Earnings</a>}
            {session && <a href={collectibleHref(brand.slug, { page: 'studio-collectibles' })} data-testid="nav-studio-collectibles">Studio collectibles</a>}
          </nav>
          <nav className="account-links" aria-label="Collectibles">
            <a href={collectibleHref(brand.slug, { page: 'collectibles' })} data-testid="nav-collectibles">Collectibles</a>
            {session && <a href={collectibleHref(brand.slug, { page: 'my-collectibles' })} data-testid="nav-my-collectibles">My collectibles</a>}
          </nav>
          {brand.policy.layout === 'portal' && <PortalGrid current={brand.slug} />}
          <PostsSection brandSlug={brand.slug} session={session} onSignInNeeded={onSignIn} onSessionExpired={onSessionExpired} />
          <PlansSection brandSlug={brand.slug} session={session} onSignInNeeded={onSignIn} onSessionExpired={onSessionExpired} />
          <Footer current={brand.slug} />
        </div>
      )
  }
}

/** One brand's storefront: the 18+ gate first, then the page the path names (landing, signup, verify email, onboarding, account). */
export function App({ brand }: { brand: Brand }) {
  const [entered, setEntered] = useState(() => hasPassedAgeGate(window.localStorage, brand.slug))
  const { session, signIn, signOut, forget } = useFanSession()
  const [signingIn, setSigningIn] = useState(false)

  if (!entered) {
    return (
      <AgeGate
        brand={brand}
        onEnter={() => {
          rememberAgeGate(window.localStorage, brand.slug)
          setEntered(true)
        }}
      />
    )
  }
  // collectible and media pages (studio, videos, search) first: pageOf turns any path it does not know into the landing page
  const collectibleRoute = collectibleRouteOf(brand.slug, window.location.pathname)
  const mediaRoute = mediaRouteOf(brand.slug, window.location.pathname, window.location.search)
  return (
    <>
      {collectibleRoute
        ? <CollectiblePage route={collectibleRoute} brand={brand} session={session} onSignIn={() => setSigningIn(true)} onSessionExpired={forget} />
        : mediaRoute?.page === 'studio-earnings'
        ? <EarningsPage brand={brand} session={session} onSignIn={() => setSigningIn(true)} onSessionExpired={forget} />
        : mediaRoute
        ? <MediaPage route={mediaRoute} brand={brand} session={session} onSignIn={() => setSigningIn(true)} onSessionExpired={forget} />
        : <BrandPage page={pageOf(brand.slug, window.location.pathname)} brand={brand} session={session}
          onSignIn={() => setSigningIn(true)} onSignOut={signOut} onSessionExpired={forget} />}
      {signingIn && (
        <SignInDialog
          brand={brand}
          onSignedIn={(next) => {
            signIn(next)
            setSigningIn(false)
          }}
          onClose={() => setSigningIn(false)}
        />
      )}
    </>
  )
}
