import type { FormEvent } from 'react'
import { useState } from 'react'
import { InputField } from './Fields'
import { codeOf, messageOf, totpDisable, totpEnable, totpSetup } from './signup-api'

type Mode = { step: 'idle' } | { step: 'setup'; secret: string; otpauthUrl: string } | { step: 'disable' }

// 'JBSWY3DPEHPK3PXP' -> 'JBSW Y3DP EHPK 3PXP', easier to type into an app by hand
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ')

/** "Two-factor sign-in": enrol an authenticator app (secret, then a code to prove it), or turn it off with a code. */
export function TwoFactorSection({ token, onSessionExpired }: { token: string; onSessionExpired: () => void }) {
  const [mode, setMode] = useState<Mode>({ step: 'idle' })
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState<{ text: string; error: boolean; enabled?: boolean } | null>(null)

  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setNote(null)
    try {
      await action()
    } catch (caught) {
      if (codeOf(caught) === 'UNAUTHENTICATED') onSessionExpired()
      // already on: the only thing to do is turn it off (with a code) before enrolling again
      if (codeOf(caught) === 'CONFLICT') setMode({ step: 'disable' })
      setNote({ text: messageOf(caught), error: true })
    } finally {
      setBusy(false)
    }
  }

  const start = () => run(async () => setMode({ step: 'setup', ...(await totpSetup(token)) }))
  const confirm = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      if (mode.step === 'setup') await totpEnable(token, code)
      else await totpDisable(token, code)
      setNote(mode.step === 'setup'
        ? { text: 'Two-factor sign-in is on. From now on you will enter a code from your app when you sign in.', error: false, enabled: true }
        : { text: 'Two-factor sign-in is off.', error: false, enabled: false })
      setMode({ step: 'idle' })
      setCode('')
    })
  }

  return (
    <section aria-labelledby="two-factor-title" data-testid="totp-section">
      <h2 id="two-factor-title">Two-factor sign-in</h2>
      <p>Protect your account with a 6-digit code from an authenticator app, asked for every time you sign in.</p>
      {mode.step === 'idle' && (
        <div className="actions">
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void start()} data-testid="totp-setup">Turn on</button>
          <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => setMode({ step: 'disable' })} data-testid="totp-disable-start">Turn off</button>
        </div>
      )}
      {mode.step === 'setup' && (
        <>
          <p>Add this key to your authenticator app (or <a href={mode.otpauthUrl} data-testid="totp-otpauth-link">open it in the app</a>), then enter the code it shows.</p>
          <code className="secret" data-testid="totp-secret" data-secret={mode.secret}>{grouped(mode.secret)}</code>
        </>
      )}
      {mode.step !== 'idle' && (
        <form className="inline-form" onSubmit={confirm} aria-label={mode.step === 'setup' ? 'Turn on two-factor sign-in' : 'Turn off two-factor sign-in'}>
          <InputField label="Code from your app" testId="totp-code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required
            value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))} />
          <button type="submit" className="btn btn-primary" disabled={busy || code.length !== 6} data-testid={mode.step === 'setup' ? 'totp-enable' : 'totp-disable'}>
            {mode.step === 'setup' ? 'Turn on' : 'Turn off'}
          </button>
          <button type="button" className="link-button" onClick={() => setMode({ step: 'idle' })} data-testid="totp-cancel">Cancel</button>
        </form>
      )}
      {note && (
        <p className={note.error ? 'form-error' : 'status-line'} role={note.error ? 'alert' : 'status'} data-testid="totp-status"
          data-enabled={note.enabled === undefined ? undefined : String(note.enabled)}>
          {note.text}
        </p>
      )}
    </section>
  )
}
