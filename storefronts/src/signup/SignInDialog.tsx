import type { FormEvent } from 'react'
import { useState } from 'react'
import type { Brand } from '../../../domain/brands'
import { Modal } from '../components/Modal'
import type { FanSession } from '../fan-session'
import { InputField } from './Fields'
import { PAGES, pageHref } from './paths'
import { ResendVerification } from './ResendVerification'
import type { SignedIn } from './signup-api'
import { codeOf, login, messageOf } from './signup-api'
import { TotpStep } from './TotpStep'
import './identity.css'

type SignInDialogProps = { brand: Brand; onSignedIn: (session: FanSession) => void; onClose: () => void }

const toSession = ({ token, person }: SignedIn): FanSession => ({
  token, fan: { id: person.id, email: person.email, displayName: person.displayName },
})

/** Email + password sign-in, then the authenticator code where two-factor sign-in is on; one account for every brand. */
export function SignInDialog({ brand, onSignedIn, onClose }: SignInDialogProps) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [mfaToken, setMfaToken] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<{ code: string; message: string } | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const answer = await login(email, password)
      if ('mfaRequired' in answer) {
        setMfaToken(answer.mfaToken)
        setPassword('')
      } else {
        onSignedIn(toSession(answer))
      }
    } catch (caught) {
      setError({ code: codeOf(caught), message: messageOf(caught) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal title={`Sign in to ${brand.name}`} testId="signin-dialog" onClose={onClose}>
      {mfaToken ? (
        <TotpStep mfaToken={mfaToken} onSignedIn={(signedIn) => onSignedIn(toSession(signedIn))}
          onRestart={(message) => {
            setMfaToken(null)
            setError(message ? { code: 'RESTART', message } : null)
          }} />
      ) : (
        <>
          <form className="form" onSubmit={(event) => void submit(event)}>
            <InputField label="Email" testId="signin-email" type="email" autoComplete="email" required value={email}
              onChange={(e) => setEmail(e.target.value)} />
            <InputField label="Password" testId="signin-password" type="password" autoComplete="current-password" required value={password}
              onChange={(e) => setPassword(e.target.value)} />
            {error && <p className="form-error" role="alert" data-testid="signin-error" data-code={error.code}>{error.message}</p>}
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="signin-submit">
              {busy ? 'Signing in…' : 'Sign in'}
            </button>
            <p className="form-note">
              One Fanz account works on every Fanz brand. New here?{' '}
              <a href={pageHref(brand.slug, PAGES.signup)} data-testid="signin-signup-link">Create an account</a>
            </p>
          </form>
          {/* its own form after this one: forms cannot nest */}
          {error?.code === 'EMAIL_NOT_VERIFIED' && <ResendVerification initialEmail={email} />}
        </>
      )}
    </Modal>
  )
}
