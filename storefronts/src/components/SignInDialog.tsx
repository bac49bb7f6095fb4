import type { FormEvent } from 'react'
import { useState } from 'react'
import { apiFetch } from '../api'
import type { Fan, FanSession } from '../fan-session'
import { Modal } from './Modal'

type SignInDialogProps = { brandName: string; onSignedIn: (session: FanSession) => void; onClose: () => void }

/** Email + password sign-in for fans with an existing Fanz account (sign-up is not open yet). */
export function SignInDialog({ brandName, onSignedIn, onClose }: SignInDialogProps) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const { token, person } = await apiFetch<{ token: string; person: Fan }>('/api/auth/login', {
        method: 'POST',
        body: { email, password },
      })
      onSignedIn({ token, fan: { id: person.id, email: person.email, displayName: person.displayName } })
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'Sign-in failed. Please try again.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal title={`Sign in to ${brandName}`} testId="signin-dialog" onClose={onClose}>
      <form className="form" onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span>Email</span>
          <input type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} data-testid="signin-email" />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="signin-password"
          />
        </label>
        {error && <p className="form-error" role="alert" data-testid="signin-error">{error}</p>}
        <p className="form-note">One Fanz account works on every Fanz brand. New accounts cannot be created here yet.</p>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="signin-submit">
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </Modal>
  )
}
