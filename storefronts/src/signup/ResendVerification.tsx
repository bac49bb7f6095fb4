import type { FormEvent } from 'react'
import { useState } from 'react'
import { InputField } from './Fields'
import { messageOf, resendVerification } from './signup-api'

const SENT = 'If a signup with this address is waiting, a new link is on its way. Check your inbox and spam folder.'

/** Asks for a new verification link; the answer is the same whether or not the address has a pending signup. */
export function ResendVerification({ initialEmail = '' }: { initialEmail?: string }) {
  const [email, setEmail] = useState(initialEmail)
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle')
  const [error, setError] = useState<string | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setState('sending')
    setError(null)
    try {
      await resendVerification(email.trim())
      setState('sent')
    } catch (caught) {
      setError(messageOf(caught))
      setState('idle')
    }
  }

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} aria-label="Send a new verification link" data-testid="resend-form">
      <InputField label="Email" testId="resend-email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      <button type="submit" className="btn btn-ghost" disabled={state === 'sending' || !email.trim()} data-testid="resend-submit">
        {state === 'sending' ? 'Sending…' : 'Send a new link'}
      </button>
      {state === 'sent' && <p className="form-note" role="status" data-testid="resend-note">{SENT}</p>}
      {error && <p className="form-error" role="alert" data-testid="resend-error">{error}</p>}
    </form>
  )
}
