import type { FormEvent } from 'react'
import { useState } from 'react'
import { InputField } from '../signup/Fields'
import { ApiErrorNote, isSessionEnded } from './ApiErrorNote'
import { privacyApi } from './privacy-api'

type VerifyFormProps = { requestId: string; token: string; onVerified: () => void; onSessionExpired: () => void }

/** The 6-digit code mailed to the account's address proves the request is the fan's own; a new one can be sent. */
export function VerifyForm({ requestId, token, onVerified, onSessionExpired }: VerifyFormProps) {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState<'verify' | 'resend' | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [sentTo, setSentTo] = useState<string | null>(null)

  const run = async (which: 'verify' | 'resend', action: () => Promise<void>) => {
    setBusy(which)
    setError(null)
    try {
      await action()
    } catch (caught) {
      if (isSessionEnded(caught)) onSessionExpired()
      setError(caught)
    } finally {
      setBusy(null)
    }
  }

  const verify = (event: FormEvent) => {
    event.preventDefault()
    void run('verify', async () => {
      await privacyApi.verify(requestId, code, token)
      setCode('')
      onVerified()
    })
  }
  const resend = () => run('resend', async () => {
    setSentTo(null)
    setSentTo((await privacyApi.sendCode(requestId, token)).sentTo)
    setCode('')
  })

  return (
    <form className="inline-form privacy-verify" onSubmit={verify} aria-label="Confirm it is you" data-testid="privacy-verify-form">
      <p className="form-note">Enter the 6-digit code we emailed to your account's address.</p>
      <InputField id={`privacy-code-${requestId}`} label="Verification code" testId="privacy-code" inputMode="numeric" autoComplete="one-time-code"
        pattern="[0-9]{6}" maxLength={6} required value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))} />
      <button type="submit" className="btn btn-primary" disabled={busy !== null || code.length !== 6} data-testid="privacy-verify">
        {busy === 'verify' ? 'Checking…' : 'Verify'}
      </button>
      <button type="button" className="link-button" disabled={busy !== null} onClick={() => void resend()} data-testid="privacy-resend">
        {busy === 'resend' ? 'Sending…' : 'Send a new code'}
      </button>
      {sentTo && <p className="form-note" role="status" data-testid="privacy-code-sent">A new code is on its way to {sentTo}.</p>}
      {error !== null && <ApiErrorNote error={error} testId="privacy-verify-error" />}
    </form>
  )
}
