import { useState } from 'react'
import type { Brand } from '../../domain/brands'
import { hasPassedAgeGate, rememberAgeGate } from './age-gate-store'
import { PostsSection } from './checkout/PostsSection'
import { AgeGate } from './components/AgeGate'
import { Footer } from './components/Footer'
import { Hero } from './components/Hero'
import { PortalGrid } from './components/PortalGrid'
import { SignInDialog } from './components/SignInDialog'
import { useFanSession } from './use-fan-session'

/** One brand's landing page: the 18+ gate first, then the themed hero, its posts and the footer. */
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
  return (
    <div className={`page layout-${brand.policy.layout}`}>
      <Hero brand={brand} fan={session?.fan ?? null} onLogIn={() => setSigningIn(true)} onSignOut={signOut} />
      {brand.policy.layout === 'portal' && <PortalGrid current={brand.slug} />}
      <PostsSection brandSlug={brand.slug} session={session} onSignInNeeded={() => setSigningIn(true)} onSessionExpired={forget} />
      {signingIn && (
        <SignInDialog
          brandName={brand.name}
          onSignedIn={(next) => {
            signIn(next)
            setSigningIn(false)
          }}
          onClose={() => setSigningIn(false)}
        />
      )}
      <Footer current={brand.slug} />
    </div>
  )
}
