import type { Brand } from '../../../domain/brands'
import type { Fan } from '../fan-session'
import { PAGES, pageHref } from '../signup/paths'

type HeroProps = { brand: Brand; fan: Fan | null; onLogIn: () => void; onSignOut: () => void }

/** The brand's hero: name in its neon, tagline, and the account calls to action (fan sign-in / out). */
export function Hero({ brand, fan, onLogIn, onSignOut }: HeroProps) {
  const vertical = brand.policy.layout === 'vertical-feed'
  return (
    <header className={vertical ? 'hero hero-vertical' : 'hero'}>
      <div className="hero-copy">
        <h1 className="brand-name" data-testid="brand-name">{brand.name}</h1>
        <p className="tagline" data-testid="brand-tagline">{brand.tagline}</p>
        <div className="actions">
          <a className="btn btn-primary" href={pageHref(brand.slug, PAGES.signup)} data-testid="cta-signup">Sign up</a>
          {fan ? (
            <button type="button" className="btn btn-ghost" onClick={onSignOut} data-testid="signout">Sign out</button>
          ) : (
            <button type="button" className="btn btn-ghost" onClick={onLogIn} data-testid="cta-login">Log in</button>
          )}
        </div>
        {fan && <p className="signed-in" data-testid="signed-in-as">Signed in as {fan.displayName}</p>}
      </div>
      {vertical && <VerticalCards />}
    </header>
  )
}

const FEED_LABELS = ['New today', 'Trending', 'Following'] as const

/** Full-height vertical cards hinting at the short-video feed; abstract CSS shapes only. */
function VerticalCards() {
  return (
    <div className="vertical-cards" aria-hidden="true" data-testid="vertical-feed">
      {FEED_LABELS.map((label) => (
        <div key={label} className="vertical-card">
          <span>{label}</span>
        </div>
      ))}
    </div>
  )
}
