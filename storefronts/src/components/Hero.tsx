import type { Brand } from '../../../domain/brands'

/** The brand's hero: name in its neon, tagline, and the account calls to action. */
export function Hero({ brand }: { brand: Brand }) {
  const vertical = brand.policy.layout === 'vertical-feed'
  return (
    <header className={vertical ? 'hero hero-vertical' : 'hero'}>
      <div className="hero-copy">
        <h1 className="brand-name" data-testid="brand-name">{brand.name}</h1>
        <p className="tagline" data-testid="brand-tagline">{brand.tagline}</p>
        <div className="actions">
          {/* account flows are not built yet: these anchors only jump to the placeholder section below */}
          <a className="btn btn-primary" href="#signup" data-testid="cta-signup">Sign up</a>
          <a className="btn btn-ghost" href="#login" data-testid="cta-login">Log in</a>
        </div>
        <p className="coming-soon" id="signup">
          Sign-up and log-in are coming soon{brand.policy.strictAgeGate ? ' — with verified age at signup' : ''}.
        </p>
        <span id="login" />
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
