import { useCallback, useState } from 'react'
import type { Assurance, SignupState } from './signup-api'
import { getSignup, messageOf, resendVerification } from './signup-api'
import { isOpenSignup, SIGNUP_STATUS_TEXT } from './signup-status'
import { usePoll } from './use-poll'

const POLL_MS = 3_000
const keepPolling = (state: SignupState) => isOpenSignup(state.status)

type SignupSentProps = { personId: string; email: string; assurance: Assurance; onSignIn: () => void }

/** After signup: check your inbox, live status of the signup (it moves on when the link is opened anywhere), resend. */
export function SignupSent({ personId, email, assurance, onSignIn }: SignupSentProps) {
  const load = useCallback(() => getSignup(personId), [personId])
  const { value: signup } = usePoll(load, POLL_MS, keepPolling)
  const [resend, setResend] = useState<{ busy: boolean; note: string | null }>({ busy: false, note: null })
  const status = signup?.status ?? 'awaiting_email'

  const sendAgain = async () => {
    setResend({ busy: true, note: null })
    try {
      await resendVerification(email)
      setResend({ busy: false, note: `A new link is on its way to ${email}. Earlier links no longer work.` })
    } catch (caught) {
      setResend({ busy: false, note: messageOf(caught) })
    }
  }

  return (
    <div data-testid="signup-sent" data-person-id={personId} data-assurance={assurance}>
      <p>
        We sent a link to <strong data-testid="signup-sent-email">{email}</strong>. Open it to confirm your email address;
        the link works for 24 hours.
      </p>
      {assurance === 'verified_age' && (
        <p className="form-note" data-testid="signup-verified-age-note">
          Where you live, the law requires verified age: after confirming your email you will verify your age with an ID document.
        </p>
      )}
      <p className="status-line" role="status" data-testid="signup-status" data-status={status} data-tone={status === 'active' ? 'done' : undefined}>
        {SIGNUP_STATUS_TEXT[status]}
      </p>
      {status === 'active' && (
        <button type="button" className="btn btn-primary" onClick={onSignIn} data-testid="signup-active-signin">Sign in</button>
      )}
      {status === 'awaiting_email' && (
        <div className="actions">
          <button type="button" className="btn btn-ghost" disabled={resend.busy} onClick={() => void sendAgain()} data-testid="signup-resend">
            {resend.busy ? 'Sending…' : 'Send the link again'}
          </button>
        </div>
      )}
      {resend.note && <p className="form-note" role="status" data-testid="signup-resend-note">{resend.note}</p>}
    </div>
  )
}
