import type { Brand } from '../../../domain/brands'

// where "Leave" sends a visitor who is not an adult: a neutral, general-audience site
const LEAVE_URL = 'https://www.google.com/'

/** Full-page 18+ gate shown before any brand content. */
export function AgeGate({ brand, onEnter }: { brand: Brand; onEnter: () => void }) {
  return (
    <main className="age-gate" role="dialog" aria-modal="true" aria-labelledby="age-gate-title" data-testid="age-gate">
      <div className="age-gate-card">
        <p className="age-gate-brand">{brand.name}</p>
        <h1 id="age-gate-title">You must be 18 or older</h1>
        <p>
          This site contains content for adults only. By entering you confirm that you are at least 18 years old
          (or the age of majority where you live) and that viewing adult content is legal for you.
        </p>
        {brand.policy.strictAgeGate && (
          <p className="age-gate-strict" data-testid="age-gate-strict">
            {brand.name} requires verified age: you will verify your age with a government ID at signup before
            you can see any creator content.
          </p>
        )}
        <div className="actions">
          <button type="button" className="btn btn-primary" data-testid="age-gate-enter" onClick={onEnter}>
            I am 18 or older — enter
          </button>
          <a className="btn btn-ghost" data-testid="age-gate-leave" href={LEAVE_URL} rel="noreferrer">
            Leave
          </a>
        </div>
      </div>
    </main>
  )
}
