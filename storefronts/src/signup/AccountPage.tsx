import type { Brand } from '../../../domain/brands'
import type { FanSession } from '../fan-session'
import { PageShell } from './PageShell'
import { TwoFactorSection } from './TwoFactorSection'

type AccountPageProps = { brand: Brand; session: FanSession | null; onSignIn: () => void; onSessionExpired: () => void }

/** /<brand>/account: the signed-in person's account settings (two-factor sign-in). */
export function AccountPage({ brand, session, onSignIn, onSessionExpired }: AccountPageProps) {
  return (
    <PageShell brand={brand} title="Your account" testId="account-page">
      {session ? (
        <>
          <p data-testid="account-signed-in-as">Signed in as {session.fan.displayName} ({session.fan.email}).</p>
          <TwoFactorSection token={session.token} onSessionExpired={onSessionExpired} />
        </>
      ) : (
        <>
          <p>Sign in to manage your account.</p>
          <button type="button" className="btn btn-primary" onClick={onSignIn} data-testid="account-signin">Sign in</button>
        </>
      )}
    </PageShell>
  )
}
