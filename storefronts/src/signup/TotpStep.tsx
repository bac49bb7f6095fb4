import type { FormEvent } from 'react'
import { useState } from 'react'
import { InputField } from './Fields'
import type { SignedIn } from './signup-api'
import { codeOf, loginTotp, messageOf } from './signup-api'

type TotpStepProps = { mfaToken: string; onSignedIn: (signedIn: SignedIn) => void; onRestart: (message: string | null) => void }

/** The second sign-in step for accounts with two-factor sign-in: the current code from the authenticator app. */
export function TotpStep({ mfaToken, onSignedIn, onRestart }: TotpStepProps) {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      onSignedIn(await loginTotp(mfaToken, code))
    } catch (caught) {
      // the sign-in step itself has expired (or the account got locked): start again from the password
      if (['INVALID_TOKEN', 'ACCOUNT_LOCKED'].includes(codeOf(caught))) return onRestart(messageOf(caught))
      setError(messageOf(caught))
      setCode('')
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)} aria-label="Two-factor sign-in" data-testid="signin-totp-form">
      <p className="form-note">Two-factor sign-in is on for this account. Enter the 6-digit code from your authenticator app.</p>
      <InputField label="Authentication code" testId="signin-totp-code" name="code" inputMode="numeric" autoComplete="one-time-code"
        pattern="\d{6}" maxLength={6} required autoFocus value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))} />
      {error && <p className="form-error" role="alert" data-testid="signin-error">{error}</p>}
      <button type="submit" className="btn btn-primary" disabled={busy || code.length !== 6} data-testid="signin-totp-submit">
        {busy ? 'Checking…' : 'Verify and sign in'}
      </button>
      <button type="button" className="link-button" onClick={() => onRestart(null)} data-testid="signin-totp-back">Use a different account</button>
    </form>
  )
}
