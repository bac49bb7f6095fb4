import { useEffect, useState } from 'react'
import type { Brand } from '../../../domain/brands'
import { PageShell } from './PageShell'
import { AgeCheckLink } from './AgeCheckLink'
import { ResendVerification } from './ResendVerification'
import type { SignupStatus } from './signup-api'
import { codeOf, messageOf, verifyEmail } from './signup-api'
import { SIGNUP_STATUS_TEXT } from './signup-status'

type Outcome =
  | { state: 'verified'; status: SignupStatus | null; personId: string | null }
  | { state: 'expired' | 'invalid' | 'failed'; message: string }

// a token is single-use: one request per token and page load, shared by every render (and React's dev double effects)
const attempts = new Map<string, Promise<Outcome>>()

function attempt(token: string): Promise<Outcome> {
  let pending = attempts.get(token)
  if (!pending) {
    pending = verifyEmail(token).then(
      (answer): Outcome => ({ state: 'verified', status: answer.status ?? null, personId: answer.personId ?? null }),
      (error: unknown): Outcome => {
        const code = codeOf(error)
        const state = code === 'TOKEN_EXPIRED' ? 'expired' : code === 'INVALID_TOKEN' || code === 'VALIDATION_FAILED' ? 'invalid' : 'failed'
        return { state, message: messageOf(error) }
      },
    )
    attempts.set(token, pending)
  }
  return pending
}

const MISSING: Outcome = { state: 'invalid', message: 'This link is incomplete. Open the link from the email again, or ask for a new one.' }

/** /<brand>/verify-email?token=…: confirms the address from the mailed link, or offers a new link. */
export function VerifyEmailPage({ brand, onSignIn }: { brand: Brand; onSignIn: () => void }) {
  const [token] = useState(() => new URLSearchParams(window.location.search).get('token'))
  const [outcome, setOutcome] = useState<Outcome | null>(token ? null : MISSING)

  useEffect(() => {
    if (!token) return
    let active = true
    void attempt(token).then((result) => {
      if (!active) return
      setOutcome(result)
      // the token is spent; keep it out of the history and of any referrer
      if (result.state === 'verified') window.history.replaceState(null, '', window.location.pathname)
    })
    return () => {
      active = false
    }
  }, [token])

  const title = !outcome ? 'Confirming your email…' : outcome.state === 'verified' ? 'Email confirmed' : 'This link does not work'
  return (
    <PageShell brand={brand} title={title} testId="verify-email-page">
      <div data-testid="verify-status" data-state={outcome?.state ?? 'verifying'} role="status">
        {!outcome && <p>One moment while we confirm your email address.</p>}
        {outcome?.state === 'verified' && (
          <>
            <p className="status-line" data-tone="done" data-testid="verify-message" data-status={outcome.status ?? ''}>
              {outcome.status && outcome.status !== 'awaiting_email' ? SIGNUP_STATUS_TEXT[outcome.status] : 'Thank you, your email address is confirmed.'}
            </p>
            {outcome.personId && <AgeCheckLink personId={outcome.personId} />}
            {outcome.status !== 'age_verification' && (
              <button type="button" className="btn btn-primary" onClick={onSignIn} data-testid="verify-signin">Sign in</button>
            )}
          </>
        )}
        {outcome && outcome.state !== 'verified' && (
          <>
            <p className="form-error" data-testid="verify-message">{outcome.message}</p>
            <p>Enter the address you signed up with and we will send you a new link.</p>
            <ResendVerification />
          </>
        )}
      </div>
    </PageShell>
  )
}
