import type { Brand } from '../../../domain/brands'
import type { FanSession } from '../fan-session'
import { PageShell } from '../signup/PageShell'
import { ApiErrorNote } from './ApiErrorNote'
import { PrivacyActions } from './PrivacyActions'
import { RequestItem } from './RequestItem'
import { usePrivacyRequests } from './use-privacy-requests'
import './privacy.css'

type PrivacyPageProps = { brand: Brand; session: FanSession | null; onSignIn: () => void; onSessionExpired: () => void }

/** /<brand>/account/privacy: the fan asks for a copy, a correction or the deletion of their data, and follows each request. */
export function PrivacyPage({ brand, session, onSignIn, onSessionExpired }: PrivacyPageProps) {
  return (
    <PageShell brand={brand} title="Privacy center" testId="privacy-page">
      {session ? (
        <PrivacyCenter brand={brand} session={session} onSessionExpired={onSessionExpired} />
      ) : (
        <>
          <p>Sign in to ask for a copy of your data, correct it, or delete your account.</p>
          <button type="button" className="btn btn-primary" onClick={onSignIn} data-testid="privacy-signin">Sign in</button>
        </>
      )}
    </PageShell>
  )
}

type PrivacyCenterProps = { brand: Brand; session: FanSession; onSessionExpired: () => void }

function PrivacyCenter({ brand, session, onSessionExpired }: PrivacyCenterProps) {
  const { items, loaded, error, reload } = usePrivacyRequests(session.token, onSessionExpired)
  return (
    <>
      <p data-testid="privacy-signed-in-as">Signed in as {session.fan.displayName} ({session.fan.email}).</p>
      <PrivacyActions brand={brand.slug} token={session.token} displayName={session.fan.displayName} onStarted={reload}
        onSessionExpired={onSessionExpired} />
      <section aria-labelledby="privacy-requests-title" data-testid="privacy-requests-section">
        <h2 id="privacy-requests-title">Your requests</h2>
        {error !== null && <ApiErrorNote error={error} testId="privacy-requests-error" />}
        {!loaded && error === null && <p role="status">Loading…</p>}
        {items?.length === 0 && <p data-testid="privacy-requests-empty">You have not made any privacy requests yet.</p>}
        <ul className="privacy-requests" data-testid="privacy-requests">
          {items?.map((r) => <RequestItem key={r.id} request={r} token={session.token} onChanged={reload} onSessionExpired={onSessionExpired} />)}
        </ul>
      </section>
    </>
  )
}
