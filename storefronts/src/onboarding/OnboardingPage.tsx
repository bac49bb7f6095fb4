import { useCallback, useEffect, useState } from 'react'
import type { Brand } from '../../../domain/brands'
import { ApiError } from '../api'
import type { FanSession } from '../fan-session'
import { PageShell } from '../signup/PageShell'
import { messageOf } from '../signup/signup-api'
import { usePoll } from '../signup/use-poll'
import type { OnboardingCase } from './onboarding-api'
import { getOnboarding, isFinal } from './onboarding-api'
import { OnboardingForm } from './OnboardingForm'
import { OnboardingProgress } from './OnboardingProgress'

const POLL_MS = 2_000
const keepPolling = (kase: OnboardingCase | null) => kase !== null && !isFinal(kase.status)

type OnboardingPageProps = { brand: Brand; session: FanSession | null; onSignIn: () => void; onSessionExpired: () => void }

/** /<brand>/onboarding: become a creator — details, model release, identity check at the provider, review, approval. */
export function OnboardingPage({ brand, session, onSignIn, onSessionExpired }: OnboardingPageProps) {
  const token = session?.token ?? null
  const load = useCallback(() => getOnboarding(brand.slug, token as string), [brand.slug, token])
  const { value: kase, loaded, error, reload } = usePoll(token ? load : null, POLL_MS, keepPolling)
  const [restarting, setRestarting] = useState(false)

  useEffect(() => {
    if (error instanceof ApiError && error.status === 401) onSessionExpired()
  }, [error, onSessionExpired])

  const started = () => {
    setRestarting(false)
    reload()
  }

  let body
  if (!session) {
    body = (
      <>
        <p>Sign in with your Fanz account to start creator onboarding. You will need a passport or ID card.</p>
        <button type="button" className="btn btn-primary" onClick={onSignIn} data-testid="onboarding-signin">Sign in</button>
      </>
    )
  } else if (!loaded) {
    body = error ? <p className="form-error" role="alert" data-testid="onboarding-load-error">{messageOf(error)}</p> : <p role="status">Loading…</p>
  } else if (!kase || restarting) {
    body = <OnboardingForm brand={brand} token={session.token} onStarted={started} onSessionExpired={onSessionExpired} />
  } else {
    body = <OnboardingProgress brand={brand} kase={kase} onRestart={() => setRestarting(true)} />
  }
  return <PageShell brand={brand} title={`Become a creator on ${brand.name}`} testId="onboarding-page">{body}</PageShell>
}
